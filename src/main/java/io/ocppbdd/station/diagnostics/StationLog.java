package io.ocppbdd.station.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.protocol.messages.LogEnum;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.TraceEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The log file a GetLog uploads: the station's OCPP message trace, one frame per line
 * ({@code <time> SENT|RECEIVED <frame>}, UTF-8), limited to oldestTimestamp..latestTimestamp. The DiagnosticsLog
 * holds every frame; the SecurityLog the SecurityEventNotifications the station sent. Secrets never appear in
 * clear: the value of a SetVariables for SecurityCtrlr.BasicAuthPassword, and any field whose name contains
 * "password" (the VPN and APN passwords of SetNetworkProfile), read {@value #REDACTED}.
 */
final class StationLog {

    static final String REDACTED = "********";

    private StationLog() {
    }

    /** The log of this station's frames in the window (either end may be null: open). */
    static byte[] render(MessageTrace trace, String stationId, LogEnum logType, OffsetDateTime oldest,
                         OffsetDateTime latest) {
        Predicate<TraceEntry> inWindow = entry -> within(entry.time(), oldest, latest);
        Predicate<TraceEntry> ofType = logType == LogEnum.SECURITY_LOG ? StationLog::isSecurityEvent : entry -> true;
        String text = trace.entries().stream()
                .filter(entry -> entry.endpoint().equals(stationId))
                .filter(inWindow.and(ofType))
                .map(entry -> entry.time() + " " + entry.direction() + " " + redacted(entry.frame()) + "\n")
                .collect(Collectors.joining());
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean within(Instant time, OffsetDateTime oldest, OffsetDateTime latest) {
        return (oldest == null || !time.isBefore(oldest.toInstant()))
                && (latest == null || !time.isAfter(latest.toInstant()));
    }

    private static boolean isSecurityEvent(TraceEntry entry) {
        return decode(entry.frame()) instanceof Call call
                && call.action().equals(Action.SecurityEventNotification.name());
    }

    /** The frame with its secrets masked; frames without secrets stay exactly as they went over the wire. */
    static String redacted(String frame) {
        if (!(decode(frame) instanceof Call call)) {
            return frame;
        }
        ObjectNode payload = call.payload().deepCopy();
        boolean masked = maskPasswords(payload);
        if (call.action().equals(Action.SetVariables.name())) {
            for (JsonNode data : payload.path("setVariableData")) {
                if (data.path("component").path("name").asText().equals("SecurityCtrlr")
                        && data.path("variable").path("name").asText().equals("BasicAuthPassword")) {
                    ((ObjectNode) data).put("attributeValue", REDACTED);
                    masked = true;
                }
            }
        }
        return masked ? FrameCodec.encode(new Call(call.messageId(), call.action(), payload)) : frame;
    }

    private static boolean maskPasswords(JsonNode node) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isValueNode() && field.getKey().toLowerCase(Locale.ROOT).contains("password")) {
                    field.setValue(object.textNode(REDACTED));
                    masked = true;
                } else {
                    masked |= maskPasswords(field.getValue());
                }
            }
        } else {
            for (JsonNode element : node) {
                masked |= maskPasswords(element);
            }
        }
        return masked;
    }

    private static Frame decode(String frame) {
        try {
            return FrameCodec.decode(frame);
        } catch (FrameException e) {
            return null;
        }
    }
}
