package io.ocppbdd.report;

import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.Redaction;
import io.ocppbdd.rpc.TraceEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a station's message trace as an HTML table for people (Allure attachment): one row per frame with
 * time, direction, kind, action and the payload pretty-printed. Secrets are masked.
 */
public final class TraceReport {

    private TraceReport() {
    }

    /**
     * A self-contained HTML page.
     *
     * @param title   a heading, e.g. the station id
     * @param entries the frames as recorded by the station (SENT = station to CSMS)
     */
    public static String html(String title, List<TraceEntry> entries) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><style>
                body{font-family:sans-serif;font-size:13px} table{border-collapse:collapse;width:100%}
                th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
                th{background:#f3f3f3} pre{margin:0;font-size:12px;white-space:pre-wrap}
                tr.CALLERROR td{background:#fdecea} tr.MALFORMED td{background:#fff4e5} .dir{white-space:nowrap}
                </style></head><body>""");
        html.append("<h3>").append(escape(title)).append(" — ").append(entries.size()).append(" frames</h3>")
                .append("<table><tr><th>#</th><th>time (UTC)</th><th>direction</th><th>kind</th><th>action</th>")
                .append("<th>message id</th><th>payload</th></tr>");
        Map<String, String> actionById = new HashMap<>();
        int row = 0;
        for (TraceEntry entry : entries) {
            Row cells = row(entry, actionById);
            html.append("<tr class=\"").append(cells.kind).append("\"><td>").append(++row).append("</td><td>")
                    .append(entry.time()).append("</td><td class=\"dir\">")
                    .append(entry.direction() == Direction.SENT ? "station → CSMS" : "CSMS → station")
                    .append("</td><td>").append(cells.kind).append("</td><td>").append(escape(cells.action))
                    .append("</td><td>").append(escape(cells.messageId)).append("</td><td><pre>")
                    .append(escape(cells.payload)).append("</pre></td></tr>");
        }
        return html.append("</table></body></html>").toString();
    }

    private static Row row(TraceEntry entry, Map<String, String> actionById) {
        String text = Redaction.redact(entry.frame());
        Frame frame;
        try {
            frame = FrameCodec.decode(text);
        } catch (FrameException e) {
            return new Row("MALFORMED", "", "", text);
        }
        if (frame instanceof Call call) {
            actionById.put(call.messageId(), call.action());
            return new Row("CALL", call.action(), call.messageId(), Json.pretty(call.payload()));
        }
        String action = actionById.getOrDefault(frame.messageId(), "");
        if (frame instanceof CallError error) {
            return new Row("CALLERROR", action, error.messageId(), error.errorCode() + ": "
                    + error.errorDescription() + (error.errorDetails().isEmpty() ? "" : "\n"
                    + Json.pretty(error.errorDetails())));
        }
        return new Row("CALLRESULT", action, frame.messageId(), Json.pretty(((CallResult) frame).payload()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Row(String kind, String action, String messageId, String payload) {
    }
}
