package io.ocppbdd.driver;

import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;

/**
 * The one way tests reach past the driver into a station's internals, for white-box checks of a station module;
 * everything else goes through {@link StationDriver}.
 */
public final class WhiteBox {

    private WhiteBox() {
    }

    /** Adds a station with this whole state; with a file, the station keeps it up to date from the start. */
    public static StationDriver addStation(Simulation simulation, StationState state, StateFile file) {
        return file == null ? simulation.addStation(state, simulation.stateFileOf(state.getIdentity().id()), false)
                : simulation.addStation(state, file, true);
    }

    /** The simulator behind the driver (its current power cycle). */
    public static ChargingStation simulator(StationDriver station) {
        return station.simulatorForWhiteBoxTests();
    }
}
