package io.ocppbdd.expect;

import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.protocol.Action;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Expectations on one station's conversation; start them with {@link Expect#expect}. */
public final class StationExpectations {

    private final StationDriver station;
    private final Cursors cursors;

    StationExpectations(StationDriver station, Cursors cursors) {
        this.station = station;
        this.cursors = cursors;
    }

    /** The next unchecked CALL the station sends of one of these actions (refine with {@code where}). */
    public Sends sends(Action... actions) {
        if (actions.length == 0) {
            throw new IllegalArgumentException("name at least one action the station sends");
        }
        return new Sends(station, cursors, Set.of(actions));
    }

    /** The CSMS's latest answer to a CALL of this action from the station (refine with {@code where}). */
    public CsmsAnswer csmsAnswer(Action action) {
        return new CsmsAnswer(station, cursors, action);
    }

    /**
     * Once the station has its answers in, every CALL it has sent so far counts as checked: what put it in a state
     * (a scenario's {@code Given} steps) is behind, what comes next is for the expectations.
     */
    public void checkedSoFar() {
        Simulation.await(station.whenIdle(), station.id() + " to get its answers", Simulation.DEFAULT_PATIENCE);
        station.calls().stream().filter(OcppCall::fromStation).forEach(cursors::checkUpTo);
    }

    /** Once the station has its answers in, it has sent no CALL of any other action than these. */
    public void hasSentNothingBut(Action... actions) {
        Simulation.await(station.whenIdle(), station.id() + " to get its answers", Simulation.DEFAULT_PATIENCE);
        List<Action> allowed = Arrays.asList(actions);
        List<Action> others = station.calls().stream().filter(OcppCall::fromStation).map(OcppCall::action)
                .filter(action -> !allowed.contains(action)).distinct().toList();
        if (!others.isEmpty()) {
            throw Expect.failure(station, "only " + allowed + " requests from the station", "it also sent " + others);
        }
    }
}
