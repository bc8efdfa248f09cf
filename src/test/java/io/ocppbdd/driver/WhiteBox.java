package io.ocppbdd.driver;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The one way tests reach past the driver into a station's internals, for white-box checks of a station module;
 * everything else goes through {@link StationDriver}.
 */
public final class WhiteBox {

    private WhiteBox() {
    }

    /**
     * Adds a station with this whole state and these modules of the test's own; with a file, the station keeps it
     * up to date from the start.
     */
    public static StationDriver addStation(Simulation simulation, StationState state, StateFile file,
                                           List<StationModule> extraModules) {
        return file == null
                ? simulation.addStation(state, simulation.stateFileOf(state.getIdentity().id()), false, extraModules)
                : simulation.addStation(state, file, true, extraModules);
    }

    /**
     * Moves the simulation's virtual time at once, without waiting for answers (unlike {@link Simulation#pass}):
     * for a CSMS that deliberately leaves a CALL unanswered.
     */
    public static void advanceUnanswered(Simulation simulation, Duration duration) {
        ((ManualScheduler) simulation.scheduler()).advance(duration);
    }

    /** When the simulation's waiting timers (the stations' and the CSMS's) fall due, earliest first. */
    public static List<Instant> timersDue(Simulation simulation) {
        return ((ManualScheduler) simulation.scheduler()).dueTimes();
    }

    /** The simulator behind the driver (its current power cycle). */
    public static ChargingStation simulator(StationDriver station) {
        return station.simulatorForWhiteBoxTests();
    }
}
