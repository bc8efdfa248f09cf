package io.ocppbdd.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.Fields;
import io.ocppbdd.expect.Sends;
import io.ocppbdd.expect.CsmsAnswer;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.shell.Session;
import io.ocppbdd.shell.Vocabulary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static io.ocppbdd.expect.Expect.expect;

/**
 * Runs a scenario file: its steps in order (shell commands through the {@link Vocabulary}, waits, expectations
 * through {@link Expect}) until one fails, then prints a summary with pass/fail per step.
 */
public final class ScenarioRunner {

    /** Exit code of a scenario whose every step passed. */
    static final int PASSED = 0;
    /** Exit code of a scenario with a failed step. */
    public static final int FAILED = 1;

    private ScenarioRunner() {
    }

    /**
     * Reads and runs the file; returns {@link #PASSED} or {@link #FAILED}.
     *
     * @param csms chooses the CSMS under test on the simulation's builder (leave it for the embedded CSMS)
     * @throws ScenarioError when the file cannot be run as written (exit code 2)
     */
    public static int run(Path file, UnaryOperator<Simulation.Builder> csms, PrintWriter out) {
        Scenario scenario = ScenarioFile.load(file);
        Simulation.Builder builder = Simulation.builder();
        if (!scenario.virtualClock()) {
            builder.realTime();
        }
        try (Simulation simulation = csms.apply(builder).build()) {
            StationSpec spec = StationSpec.of(scenario.stationId()).evses(scenario.evses());
            scenario.variables().forEach(spec::variable);
            StationDriver station = simulation.addStation(spec);
            Session session = new Session(simulation, station, added -> { });
            out.println("Scenario: " + scenario.name() + " (" + file + ", against " + simulation.csms().describe() + ")");
            return runSteps(scenario.steps(), session, out);
        }
    }

    private static int runSteps(List<Step> steps, Session session, PrintWriter out) {
        int passed = 0;
        for (int index = 0; index < steps.size(); index++) {
            Step step = steps.get(index);
            String label = "step " + (index + 1) + " (line " + step.line() + "): " + step.describe();
            try {
                String output = run(step, session);
                out.println("  PASS  " + label);
                output.lines().forEach(line -> out.println("        " + line));
                passed++;
            } catch (RuntimeException | AssertionError failure) {
                out.println("  FAIL  " + label);
                String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
                message.lines().forEach(line -> out.println("        " + line));
                steps.subList(index + 1, steps.size()).forEach(skipped -> out.println("  SKIP  line "
                        + skipped.line() + ": " + skipped.describe()));
                out.println(steps.size() + " steps: " + passed + " passed, 1 failed (" + label + "), "
                        + (steps.size() - index - 1) + " not run");
                out.flush();
                return FAILED;
            } finally {
                out.flush();
            }
        }
        out.println(steps.size() + " steps: " + passed + " passed");
        out.flush();
        return PASSED;
    }

    /** Runs the step; returns what a command printed (nothing for waits and expectations). */
    private static String run(Step step, Session session) {
        StationDriver station = session.station();
        if (step instanceof Step.Command command) {
            return Vocabulary.run(session, command.text());
        }
        if (step instanceof Step.Until until) {
            Simulation.await(connectorStatus(station, until), until.describe(), until.atMost());
        } else {
            check(station, (Step.Expectation) step);
        }
        return "";
    }

    private static CompletableFuture<Boolean> connectorStatus(StationDriver station, Step.Until until) {
        boolean already = Simulation.await(station.snapshot(), "a snapshot", Simulation.DEFAULT_PATIENCE)
                .evse(until.evse()).connectors().stream().anyMatch(connector -> connector.id() == until.connector()
                        && connector.status().equals(until.status()));
        if (already) {
            return CompletableFuture.completedFuture(true);
        }
        return station.whenCalls(calls -> calls.stream().filter(call -> call.fromStation()
                        && call.action() == Action.StatusNotification
                        && String.valueOf(until.evse()).equals(Fields.text(call.payload(), "evseId"))
                        && String.valueOf(until.connector()).equals(Fields.text(call.payload(), "connectorId")))
                .reduce((first, second) -> second)
                .filter(latest -> until.status().equals(Fields.text(latest.payload(), "connectorStatus")))
                .map(latest -> true));
    }

    private static void check(StationDriver station, Step.Expectation expectation) {
        Map<String, String> where = expectation.where();
        switch (expectation.kind()) {
            case STATION_SENDS -> {
                Sends sends = expect(station).sends(expectation.action());
                where.forEach(sends::where);
                sends.within(expectation.atMost());
            }
            case CSMS_ANSWERS -> {
                CsmsAnswer answer = expect(station).csmsAnswer(expectation.action());
                where.forEach(answer::where);
                answer.within(expectation.atMost());
            }
            case CSMS_SENDS, STATION_ANSWERS -> csmsCall(station, expectation);
        }
    }

    /** The latest CALL of the action from the CSMS (with the station's answer, for stationAnswers) matches. */
    private static void csmsCall(StationDriver station, Step.Expectation expectation) {
        boolean answer = expectation.kind() == Step.Kind.STATION_ANSWERS;
        CompletableFuture<OcppCall> found = station.whenCalls(calls -> latest(calls, expectation.action(), answer)
                .filter(call -> matches(answer ? call.answer().payload() : call.payload(), expectation.where())));
        try {
            Simulation.await(found, expectation.describe(), expectation.atMost());
        } catch (AssertionError e) {
            String came = latest(station.calls(), expectation.action(), answer).map(call -> answer
                    ? "the latest answer was " + call.answer().describe() : "the latest was " + call.describe())
                    .orElse("none came");
            throw Expect.failure(station, expectation.describe().substring("expect ".length()), came);
        }
    }

    private static Optional<OcppCall> latest(List<OcppCall> calls, Action action, boolean answered) {
        return calls.stream().filter(call -> !call.fromStation() && call.action() == action
                && (!answered || call.answer() != null)).reduce((first, second) -> second);
    }

    private static boolean matches(ObjectNode payload, Map<String, String> where) {
        return where.entrySet().stream().allMatch(entry -> entry.getValue().equals(Fields.text(payload,
                entry.getKey())));
    }
}
