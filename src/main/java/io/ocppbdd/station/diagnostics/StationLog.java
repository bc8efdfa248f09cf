package io.ocppbdd.station.diagnostics;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.protocol.messages.LogEnum;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.Redaction;
import io.ocppbdd.rpc.TraceEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The log file a GetLog uploads: the station's OCPP message trace, one frame per line
 * ({@code <time> SENT|RECEIVED <frame>}, UTF-8), limited to oldestTimestamp..latestTimestamp. The DiagnosticsLog
 * holds every frame; the SecurityLog the SecurityEventNotifications the station sent. Secrets never appear in
 * clear ({@link Redaction}): a SetVariables for SecurityCtrlr.BasicAuthPassword, the VPN and APN passwords of
 * SetNetworkProfile.
 */
final class StationLog {

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
                .map(entry -> entry.time() + " " + entry.direction() + " " + Redaction.redact(entry.frame()) + "\n")
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

    private static Frame decode(String frame) {
        try {
            return FrameCodec.decode(frame);
        } catch (FrameException e) {
            return null;
        }
    }
}
