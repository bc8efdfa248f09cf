package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How the embedded CSMS answers one kind of station request, WireMock style:
 * <pre>{@code
 * csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", "Pending", "interval", 10)));
 * csms.stubFor(Stub.on(Action.Authorize).when(p -> p.at("/idToken/idToken").asText().equals("BAD"))
 *         .willReturn(p -> p.putObject("idTokenInfo").put("status", "Invalid")));
 * csms.stubFor(Stub.on(Action.Heartbeat).willFailWith(ErrorCode.InternalError, "down for maintenance"));
 * }</pre>
 * The newest matching stub wins; a stub made {@link #once()} is used up by its first match.
 */
public final class Stub {

    enum Kind { RESULT, ERROR, RAW, SILENCE }

    final Action action;
    String stationId;
    Predicate<ObjectNode> condition = payload -> true;
    Kind kind = Kind.RESULT;
    Consumer<ObjectNode> edit = payload -> { };
    ObjectNode fullPayload;
    ErrorCode errorCode;
    String text;
    Duration delay = Duration.ZERO;
    boolean once;

    private Stub(Action action) {
        this.action = action;
    }

    /** A stub for requests of this action; it answers like the default until told otherwise. */
    public static Stub on(Action action) {
        if (!action.sentByStation()) {
            throw new IllegalArgumentException(action + " is sent by the CSMS, not by a station");
        }
        return new Stub(action);
    }

    /** The action this stub answers. */
    public Action action() {
        return action;
    }

    /** Only for this station. */
    public Stub forStation(String id) {
        this.stationId = id;
        return this;
    }

    /** Only for requests whose payload matches. */
    public Stub when(Predicate<ObjectNode> payloadCondition) {
        this.condition = payloadCondition;
        return this;
    }

    /** Answers with exactly this payload. */
    public Stub willReturn(ObjectNode payload) {
        this.kind = Kind.RESULT;
        this.fullPayload = payload;
        return this;
    }

    /** Answers with the default payload changed by this function. */
    public Stub willReturn(Consumer<ObjectNode> changeOfDefault) {
        this.kind = Kind.RESULT;
        this.edit = changeOfDefault;
        return this;
    }

    /** Answers with the default payload with these top-level fields set (values become JSON). */
    public Stub willReturnFields(Map<String, ?> fields) {
        return willReturn(payload -> fields.forEach((name, value) -> payload.set(name, Json.mapper().valueToTree(value))));
    }

    /** Answers with a CALLERROR. */
    public Stub willFailWith(ErrorCode code, String description) {
        this.kind = Kind.ERROR;
        this.errorCode = code;
        this.text = description;
        return this;
    }

    /** Sends this text instead of an answer; {@code {{messageId}}} stands for the request's message id. */
    public Stub willSendRaw(String frame) {
        this.kind = Kind.RAW;
        this.text = frame;
        return this;
    }

    /** Does not answer at all, so the station's call times out. */
    public Stub willNotAnswer() {
        this.kind = Kind.SILENCE;
        return this;
    }

    /** Answers only after this delay. */
    public Stub after(Duration wait) {
        this.delay = wait;
        return this;
    }

    /** Applies to the first matching request only. */
    public Stub once() {
        this.once = true;
        return this;
    }

    boolean matches(String station, ObjectNode payload) {
        return (stationId == null || stationId.equals(station)) && condition.test(payload);
    }
}
