package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonPointer;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.rpc.Redaction;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.ChargingStation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Reads what a station said and heard, and words failures so they explain themselves. */
final class Conversation {

    private static final int RECENT_FRAMES = 12;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Conversation() {
    }

    /** The action with this name, or a failure listing the close ones. */
    static Action action(String name) {
        return Action.named(name).orElseThrow(() -> new IllegalArgumentException("\"" + name
                + "\" is not an OCPP 2.0.1 action (examples: BootNotification, Heartbeat, StatusNotification, "
                + "Authorize, TransactionEvent, GetVariables)"));
    }

    /** The CALLs the station sent of this action, oldest first. */
    static List<Exchange> sentBy(ChargingStation station, Action action) {
        return Exchange.of(station.trace().entries()).stream()
                .filter(e -> e.direction() == Direction.SENT && e.call().action().equals(action.name()))
                .toList();
    }

    /** A payload field by dotted path ("idTokenInfo.status", "getVariableResult.0.attributeValue") or JSON pointer. */
    static JsonNode field(JsonNode payload, String path) {
        String pointer = path.startsWith("/") ? path : "/" + path.replace('.', '/');
        return payload.at(JsonPointer.compile(pointer));
    }

    /** A JSON value as the text a feature writes: strings bare, numbers and booleans as JSON. */
    static String text(JsonNode value) {
        if (value.isMissingNode()) {
            return "(absent)";
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    /** The field that holds the status of an action's response. */
    static String statusPath(Action action) {
        return action == Action.Authorize || action == Action.TransactionEvent ? "idTokenInfo.status" : "status";
    }

    /** An assertion failure with what was expected, what came and the station's recent frames. */
    static AssertionError failure(String expected, String actual, ChargingStation station) {
        return new AssertionError("Expected: " + expected + "\nBut:      " + actual + "\n" + recent(station));
    }

    static String recent(ChargingStation station) {
        List<TraceEntry> last = station.trace().last(RECENT_FRAMES);
        if (last.isEmpty()) {
            return "No OCPP message was exchanged by " + station.id() + ".";
        }
        return "Recent OCPP messages of " + station.id() + " (→ sent, ← received):\n" + last.stream()
                .map(entry -> "  " + TIME.format(entry.time()) + (entry.direction() == Direction.SENT ? " → " : " ← ")
                        + Redaction.redact(entry.frame()))
                .collect(Collectors.joining("\n"));
    }
}
