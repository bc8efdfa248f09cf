package io.ocppbdd.driver;

import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StationState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a station is before it starts: its id, EVSEs and connectors, device-model values and credentials.
 * A fluent, mutable description; {@link Simulation#addStation} copies it.
 *
 * <pre>{@code
 * StationSpec.of("CS-001").evses(2).connectorsPerEvse(2).variable("OCPPCommCtrlr.HeartbeatInterval", "60")
 * }</pre>
 */
public final class StationSpec {

    private static final String PASSWORD = "SecurityCtrlr.BasicAuthPassword";

    private final String id;
    private int evses = 1;
    private int connectorsPerEvse = 1;
    private final Map<String, String> variables = new LinkedHashMap<>();

    private StationSpec(String id) {
        this.id = id;
    }

    /** A station with this id, one EVSE with one connector (cType2), no device-model overrides. */
    public static StationSpec of(String id) {
        return new StationSpec(id);
    }

    public String id() {
        return id;
    }

    public StationSpec evses(int count) {
        this.evses = count;
        return this;
    }

    public StationSpec connectorsPerEvse(int count) {
        this.connectorsPerEvse = count;
        return this;
    }

    /**
     * A device-model value, keyed as in {@code charge_point_state.json} ({@code OCPPCommCtrlr.HeartbeatInterval},
     * {@code EVSE@1.AvailabilityState}, {@code OCPPCommCtrlr.MessageTimeout:Default}).
     */
    public StationSpec variable(String key, String value) {
        variables.put(key, value);
        return this;
    }

    /** Security profile 1: HTTP Basic auth with this password (SecurityCtrlr.BasicAuthPassword). */
    public StationSpec basicAuthPassword(String password) {
        return variable(PASSWORD, password);
    }

    StationState toState() {
        StationState state = StationState.withEvses(id, evses);
        state.getEvses().forEach(evse -> {
            evse.getConnectors().clear();
            for (int connector = 1; connector <= connectorsPerEvse; connector++) {
                evse.getConnectors().add(new EvseState.ConnectorState(connector, "cType2", "Available"));
            }
        });
        state.getDeviceModel().putAll(variables);
        if (variables.containsKey(PASSWORD)) {
            state.getCsms().setSecurityProfile(1);
        }
        return state;
    }
}
