package io.ocppbdd.station.devicemodel;

import java.util.Objects;

/**
 * Names one variable of the device model: component (with optional instance and EVSE/connector) and variable
 * (with optional instance). Written in the state file as {@code OCPPCommCtrlr.HeartbeatInterval},
 * {@code EVSE@1.AvailabilityState}, {@code Connector@1/2.ConnectorType} or {@code OCPPCommCtrlr.MessageTimeout:Default},
 * see {@link #toString()}.
 */
public record VariableKey(String component, String componentInstance, Integer evseId, Integer connectorId,
                          String variable, String variableInstance) {

    public VariableKey {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(variable, "variable");
    }

    /** A station-wide variable without instances. */
    public static VariableKey of(String component, String variable) {
        return new VariableKey(component, null, null, null, variable, null);
    }

    /** A station-wide variable with this instance (e.g. DeviceDataCtrlr ItemsPerMessage "GetVariables"). */
    public static VariableKey of(String component, String variable, String variableInstance) {
        return new VariableKey(component, null, null, null, variable, variableInstance);
    }

    /** The component part of the key: {@code Name[:instance][@evse[/connector]]}. */
    String componentKey() {
        StringBuilder key = new StringBuilder(component);
        if (componentInstance != null) {
            key.append(':').append(componentInstance);
        }
        if (evseId != null) {
            key.append('@').append(evseId);
            if (connectorId != null) {
                key.append('/').append(connectorId);
            }
        }
        return key.toString();
    }

    /** {@code Component[:instance][@evse[/connector]].Variable[:instance]}, the form used in the state file. */
    @Override
    public String toString() {
        return componentKey() + "." + variable + (variableInstance == null ? "" : ":" + variableInstance);
    }
}
