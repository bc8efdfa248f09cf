package io.ocppbdd.cucumber;

import io.cucumber.java.After;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;
import io.ocppbdd.report.ReportedAs;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.report.AllureEnvironment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After each scenario: attaches every station's OCPP message trace to the report (Allure shows it as a page),
 * fails the scenario if any frame that a station or the CSMS sent breaks its schema (naming the field), and
 * stops stations and the CSMS driver.
 */
public class Hooks {

    private final OcppWorld world;

    public Hooks(OcppWorld world) {
        this.world = world;
    }

    /** Tells the report which CSMS the run tested. */
    @BeforeAll
    public static void describeTheRun() {
        AllureEnvironment.write(Map.of(
                "CSMS under test", CsmsUnderTest.current().profile().csmsUrl().map(URI::toString)
                        .orElse("embedded test double"),
                "Test profile", CsmsUnderTest.current().toString(),
                "OCPP", "2.0.1 (OCPP-J, subprotocol ocpp2.0.1)",
                "ocpp-bdd", Optional.ofNullable(Hooks.class.getPackage().getImplementationVersion())
                        .orElse("development build"),
                "Java", System.getProperty("java.version")));
    }

    @After
    @ReportedAs("Attach the OCPP message traces, check every frame against its schema, stop stations and CSMS")
    public void reportAndCleanUp(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        try {
            for (StationDriver station : world.stations()) {
                scenario.attach(station.traceReport().getBytes(StandardCharsets.UTF_8), "text/html",
                        "OCPP trace " + station.id());
                problems.addAll(station.sentFrameProblems());
                problems.addAll(station.receivedFrameProblems());
            }
        } finally {
            world.close();
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("frames that break the OCPP 2.0.1 schemas were exchanged:\n"
                    + String.join("\n", problems));
        }
    }
}
