package io.ocppbdd.station.faults;

import io.ocppbdd.protocol.messages.EventTriggerEnum;
import io.ocppbdd.protocol.messages.ReasonEnum;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The faults a connector can suffer, named as OCPP 1.6's ChargePointErrorCode names them, each mapped to what an
 * OCPP 2.0.1 station reports: the standardized component and variable of Part 2 Appendices §3.2 that a
 * hard-wired monitor watches (trigger Delta for a boolean that turns true, Alerting for a value beyond its
 * threshold, N07.FR.16/17/19), the value reported while the fault lasts and once it is cleared, and the
 * stoppedReason of a transaction the fault ends (ReasonEnumType, E06.FR.16).
 */
public enum FaultType {

    GROUND_FAILURE("GroundFailure", "RCD", "Tripped", EventTriggerEnum.DELTA, "true", "false",
            ReasonEnum.GROUND_FAULT, "residual current device tripped"),
    OVER_CURRENT_FAILURE("OverCurrentFailure", "OverCurrentProtection", "Active", EventTriggerEnum.DELTA, "true",
            "false", ReasonEnum.OVERCURRENT_FAULT, "over-current protection tripped"),
    OVER_VOLTAGE("OverVoltage", "EVSE", "ACVoltage", EventTriggerEnum.ALERTING, "264", "230",
            ReasonEnum.POWER_QUALITY, "AC voltage above its upper threshold"),
    UNDER_VOLTAGE("UnderVoltage", "EVSE", "ACVoltage", EventTriggerEnum.ALERTING, "184", "230",
            ReasonEnum.POWER_QUALITY, "AC voltage below its lower threshold"),
    HIGH_TEMPERATURE("HighTemperature", "TemperatureSensor", "Active", EventTriggerEnum.DELTA, "true", "false",
            ReasonEnum.OTHER, "temperature above its maximum"),
    POWER_METER_FAILURE("PowerMeterFailure", "FiscalMetering", "Problem", EventTriggerEnum.DELTA, "true", "false",
            ReasonEnum.OTHER, "energy meter fault"),
    CONNECTOR_LOCK_FAILURE("ConnectorLockFailure", "ConnectorPlugRetentionLock", "Problem", EventTriggerEnum.DELTA,
            "true", "false", ReasonEnum.OTHER, "connector lock failed"),
    EV_COMMUNICATION_ERROR("EVCommunicationError", "CPPWMController", "Problem", EventTriggerEnum.DELTA, "true",
            "false", ReasonEnum.OTHER, "control pilot communication with the EV failed"),
    READER_FAILURE("ReaderFailure", "TokenReader", "Problem", EventTriggerEnum.DELTA, "true", "false",
            ReasonEnum.OTHER, "token reader fault"),
    POWER_SWITCH_FAILURE("PowerSwitchFailure", "PowerContactor", "Problem", EventTriggerEnum.DELTA, "true", "false",
            ReasonEnum.OTHER, "power contactor failed to close or open"),
    INTERNAL_ERROR("InternalError", "Controller", "Problem", EventTriggerEnum.DELTA, "true", "false",
            ReasonEnum.OTHER, "controller fault");

    private final String ocpp16Name;
    private final String component;
    private final String variable;
    private final EventTriggerEnum trigger;
    private final String faultValue;
    private final String clearedValue;
    private final ReasonEnum stoppedReason;
    private final String description;

    FaultType(String ocpp16Name, String component, String variable, EventTriggerEnum trigger, String faultValue,
              String clearedValue, ReasonEnum stoppedReason, String description) {
        this.ocpp16Name = ocpp16Name;
        this.component = component;
        this.variable = variable;
        this.trigger = trigger;
        this.faultValue = faultValue;
        this.clearedValue = clearedValue;
        this.stoppedReason = stoppedReason;
        this.description = description;
    }

    /** The fault with this OCPP 1.6 name, e.g. {@code GroundFailure} (case-insensitive). */
    public static FaultType fromName(String name) {
        return Arrays.stream(values()).filter(type -> type.ocpp16Name.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "' (one of "
                        + Arrays.stream(values()).map(FaultType::ocpp16Name).collect(Collectors.joining(", "))
                        + ")"));
    }

    /** The OCPP 1.6 ChargePointErrorCode, e.g. GroundFailure; also the techCode of the NotifyEvent. */
    public String ocpp16Name() {
        return ocpp16Name;
    }

    /** The component of Part 2 Appendices §3.2 whose monitor reports the fault, e.g. RCD. */
    String component() {
        return component;
    }

    /** The variable of that component, e.g. Tripped. */
    String variable() {
        return variable;
    }

    /** Delta for a boolean that changes (N07.FR.19), Alerting for a value beyond a threshold (N07.FR.16/17). */
    EventTriggerEnum trigger() {
        return trigger;
    }

    /** The variable's actual value while the fault lasts. */
    String faultValue() {
        return faultValue;
    }

    /** The variable's actual value once the fault is cleared. */
    String clearedValue() {
        return clearedValue;
    }

    /** The stoppedReason of a transaction this fault ends. */
    ReasonEnum stoppedReason() {
        return stoppedReason;
    }

    /** One line for people, e.g. "residual current device tripped"; the techInfo of the NotifyEvent. */
    String description() {
        return description;
    }

    /** Whether the component belongs to one connector rather than to the whole EVSE. */
    boolean perConnector() {
        return this == CONNECTOR_LOCK_FAILURE;
    }

    @Override
    public String toString() {
        return ocpp16Name;
    }
}
