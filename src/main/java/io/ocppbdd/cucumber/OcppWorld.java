package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.driver.CsmsCall;
import io.ocppbdd.driver.CsmsCannotAct;
import io.ocppbdd.driver.CsmsDriver;
import io.ocppbdd.driver.OcppAnswer;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.StationExpectations;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.StationIds;
import io.ocppbdd.profile.TestProfile;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The world of one scenario: its {@link Simulation} (virtual time, the CSMS under test, the stations), the station
 * the steps speak of, and the CSMS's calls whose answers later steps check. Step classes get it injected
 * (PicoContainer); user glue can too.
 */
public class OcppWorld {

    /** How long a step waits for the network before it fails: {@code ocpp.patience.seconds}, 20 by default. */
    public static final Duration PATIENCE = Simulation.DEFAULT_PATIENCE;

    private static final String DEFAULT_STATION_NAME = "CS-001";

    private final CsmsUnderTest csmsUnderTest = CsmsUnderTest.current();
    private final StationIds.Scenario stationIds = csmsUnderTest.profile().stationIds().newScenario();
    private final Map<String, StationSpec> pending = new LinkedHashMap<>();
    private final Map<Action, CsmsCall> csmsCalls = new HashMap<>();
    private Simulation simulation;
    private String currentId;

    /** The scenario's simulation, made on first use, testing the CSMS the test profile names. */
    public Simulation simulation() {
        if (simulation == null) {
            simulation = Simulation.builder().csms(csmsUnderTest::driver).rebootPause(profile().rebootPause())
                    .build();
        }
        return simulation;
    }

    /** The test profile of this run: the CSMS under test, its tokens by role, its heartbeat interval, ... */
    public TestProfile profile() {
        return csmsUnderTest.profile();
    }

    /** The id token the profile gives this role; a profile without it skips the scenario. */
    public ProfileToken token(TokenRole role) {
        return CsmsUnderTest.needs(() -> profile().token(role));
    }

    /** The heartbeat interval the profile says the CSMS gives; a profile without it skips the scenario. */
    public int heartbeatInterval() {
        return CsmsUnderTest.needs(() -> profile().heartbeatInterval());
    }

    /** The embedded CSMS, to stub; a step that needs it is skipped against any other CSMS. */
    public EmbeddedCsms embedded() {
        CsmsDriver csms = simulation().csms();
        return csms.embedded().orElseThrow(() -> new TestAbortedException("this step stubs the embedded CSMS; "
                + "skipped against " + csms.describe()));
    }

    /**
     * Describes a station that is not started yet; it becomes "the station" of later steps. The feature names it;
     * its identity at the CSMS comes from the profile (against an external CSMS, a fresh id per scenario), and so
     * does its Basic auth password under security profile 1 or 2.
     */
    public StationSpec configure(String name, int evses, int connectorsPerEvse) {
        String stationId = stationIds.idFor(name);
        StationSpec spec = StationSpec.of(stationId).evses(evses).connectorsPerEvse(connectorsPerEvse);
        CsmsUnderTest.needs(() -> profile().stationPassword()).ifPresent(spec::basicAuthPassword);
        pending.put(stationId, spec);
        currentId = stationId;
        return spec;
    }

    /** The description of the current station before it starts (a one-EVSE station if none was described). */
    public StationSpec pending() {
        if (currentId == null) {
            configure(DEFAULT_STATION_NAME, 1, 1);
        }
        StationSpec spec = pending.get(currentId);
        if (spec == null) {
            throw new IllegalStateException("station " + currentId + " is already running; describe it before it starts");
        }
        return spec;
    }

    /** The current station, started (and connected) on first use. */
    public StationDriver station() {
        if (currentId == null) {
            pending();
        }
        StationSpec spec = pending.remove(currentId);
        if (spec != null) {
            StationDriver station = simulation().addStation(spec);
            await(station.start(), "station " + spec.id() + " to connect to " + simulation().csms().describe());
        }
        return simulation().station(currentId);
    }

    /** Makes another known station, by the name the feature gives it, the current one. */
    public void select(String name) {
        String stationId = stationIds.idFor(name);
        if (!pending.containsKey(stationId) && (simulation == null || !simulation.has(stationId))) {
            throw new IllegalArgumentException("no station \"" + stationId + "\" in this scenario; describe it first "
                    + "with: Given a charging station \"" + name + "\"");
        }
        currentId = stationId;
    }

    /** Every started station. */
    public Collection<StationDriver> stations() {
        return simulation == null ? List.of() : simulation.stations();
    }

    /** Expectations on the current station's conversation. */
    public StationExpectations expect() {
        return Expect.expect(station());
    }

    /** Moves virtual time forward once every station has its answers in. */
    public void pass(Duration duration) {
        simulation().pass(duration);
    }

    /** Now, on the scenario's clock. */
    public Instant now() {
        return simulation().clock().instant();
    }

    /**
     * Waits for a stage with the scenario's patience, failing the step with what it waited for; a CSMS that
     * cannot act skips the scenario with the reason.
     */
    public <T> T await(CompletionStage<T> stage, String what) {
        try {
            return simulation().await(stage, what);
        } catch (CsmsCannotAct cannot) {
            throw new TestAbortedException(cannot.getMessage());
        }
    }

    /** Waits like {@link #await}; a timeout fails with what was expected, what is the case, and the recent trace. */
    public <T> T awaitOrExplain(CompletionStage<T> stage, String expected, Supplier<String> actual) {
        try {
            return Simulation.await(stage, expected, PATIENCE);
        } catch (AssertionError e) {
            throw Expect.failure(station(), expected, actual.get() + " after " + PATIENCE.toSeconds() + " s");
        }
    }

    /**
     * Makes the CSMS under test send a CALL to the current station and waits for the station's answer, so that a
     * CSMS call of the next step can never overtake it (an http trigger's requests may otherwise arrive in any
     * order); a CSMS that cannot act skips the scenario.
     */
    public CsmsCall csmsSends(Action action, ObjectNode payload) {
        CsmsCall call = station().csmsSends(action, payload);
        csmsCalls.put(action, call);
        answerTo(action);
        return call;
    }

    /** The station's answer to the last CALL of this action the CSMS sent in this scenario. */
    public OcppAnswer answerTo(Action action) {
        CsmsCall call = csmsCalls.get(action);
        if (call == null) {
            throw new IllegalStateException("the CSMS has not sent " + action + " in this scenario; add a step like: "
                    + "When the CSMS sends " + action);
        }
        Duration patience = PATIENCE.compareTo(simulation().csms().patience()) >= 0 ? PATIENCE
                : simulation().csms().patience();
        try {
            return Simulation.await(call.answer(), "the station's answer to " + action, patience);
        } catch (CsmsCannotAct cannot) {
            throw new TestAbortedException(cannot.getMessage());
        }
    }

    /** Stops every station and the CSMS driver. */
    public void close() {
        if (simulation != null) {
            simulation.close();
        }
    }
}
