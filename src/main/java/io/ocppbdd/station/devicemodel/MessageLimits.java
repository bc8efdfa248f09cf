package io.ocppbdd.station.devicemodel;

import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.rpc.OcppException;

import java.nio.charset.StandardCharsets;

/**
 * The DeviceDataCtrlr limits: ItemsPerMessage and BytesPerMessage per request type (B06.FR.16/17, applied
 * to SetVariables as well), and the value sizes (ConfigurationValueSize, ReportingValueSize, ValueSize).
 */
final class MessageLimits {

    private static final String CONTROLLER = "DeviceDataCtrlr";

    private final DeviceModel model;

    MessageLimits(DeviceModel model) {
        this.model = model;
    }

    /**
     * Refuses a request with more items than ItemsPerMessage (CALLERROR OccurrenceConstraintViolation) or more
     * bytes than BytesPerMessage (CALLERROR FormatViolation) of this instance (GetVariables, SetVariables, ...).
     */
    void check(Call call, String instance, int items) {
        int maxItems = limit("ItemsPerMessage", instance);
        if (items > maxItems) {
            throw new OcppException(ErrorCode.OccurrenceConstraintViolation, call.action() + " holds " + items
                    + " items, more than " + CONTROLLER + ".ItemsPerMessage[" + instance + "] = " + maxItems);
        }
        int bytes = FrameCodec.encode(call).getBytes(StandardCharsets.UTF_8).length;
        int maxBytes = limit("BytesPerMessage", instance);
        if (bytes > maxBytes) {
            throw new OcppException(ErrorCode.FormatViolation, call.action() + " is " + bytes
                    + " bytes, more than " + CONTROLLER + ".BytesPerMessage[" + instance + "] = " + maxBytes);
        }
    }

    /** How many report items one NotifyReportRequest may carry (ItemsPerMessage of GetReport). */
    int reportItems() {
        return limit("ItemsPerMessage", "GetReport");
    }

    /** The longest value the station reports (ReportingValueSize and ValueSize). */
    int reportingValueSize() {
        return Math.min(size("ReportingValueSize"), size("ValueSize"));
    }

    /** The longest value the station accepts in SetVariables (ConfigurationValueSize and ValueSize). */
    int configurationValueSize() {
        return Math.min(size("ConfigurationValueSize"), size("ValueSize"));
    }

    private int limit(String variable, String instance) {
        return model.intValue(VariableKey.of(CONTROLLER, variable, instance), Integer.MAX_VALUE);
    }

    private int size(String variable) {
        return model.intValue(VariableKey.of(CONTROLLER, variable), Integer.MAX_VALUE);
    }
}
