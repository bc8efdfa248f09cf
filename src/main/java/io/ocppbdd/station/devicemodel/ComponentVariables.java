package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.StatusInfo;
import io.ocppbdd.protocol.messages.Variable;

/** Translates between the message types (Component, EVSE, Variable) and {@link VariableKey}. */
final class ComponentVariables {

    private static final int MAX_REASON_LENGTH = 20;
    private static final int MAX_INFO_LENGTH = 512;

    private ComponentVariables() {
    }

    /** The key a request names; an empty instance counts as none (B06.FR.15). */
    static VariableKey key(Component component, Variable variable) {
        EVSE evse = component.getEvse();
        return new VariableKey(component.getName(), blankToNull(component.getInstance()),
                evse == null ? null : evse.getId(), evse == null ? null : evse.getConnectorId(),
                variable.getName(), blankToNull(variable.getInstance()));
    }

    static Component component(VariableKey key) {
        Component component = new Component().withName(key.component()).withInstance(key.componentInstance());
        return key.evseId() == null ? component
                : component.withEvse(new EVSE().withId(key.evseId()).withConnectorId(key.connectorId()));
    }

    static Variable variable(VariableKey key) {
        return new Variable().withName(key.variable()).withInstance(key.variableInstance());
    }

    /** A statusInfo within the schema's lengths. */
    static StatusInfo info(String reasonCode, String detail) {
        return new StatusInfo().withReasonCode(cut(reasonCode, MAX_REASON_LENGTH))
                .withAdditionalInfo(cut(detail, MAX_INFO_LENGTH));
    }

    /** The value cut to at most this many characters. */
    static String cut(String value, int maxLength) {
        return value == null || value.length() <= maxLength ? value : value.substring(0, maxLength);
    }

    private static String blankToNull(String instance) {
        return instance == null || instance.isEmpty() ? null : instance;
    }
}
