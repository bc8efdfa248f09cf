package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How the embedded CSMS answers one kind of station request, WireMock style:
 * <pre>{@code
 * csms.stubFor(action(Action.BootNotification).willReturnFields(Map.of("status", "Pending", "interval", 10)));
 * csms.stubFor(action(Action.Authorize).where("/idToken/idToken", "BAD")
 *         .willReturn(p -> p.putObject("idTokenInfo").put("status", "Invalid")));
 * csms.stubFor(action(Action.Heartbeat).willFailWith(ErrorCode.InternalError, "down for maintenance"));
 * }</pre>
 * A stub is an immutable value: every method returns a new stub (with its own {@link #id()}), so one stub may be
 * shared, refined and registered from any thread. The newest matching stub wins; a stub made {@link #once()} is
 * used by exactly one request, even when stations race for it.
 */
public final class Stub {

    enum Kind { RESULT, ERROR, RAW, SILENCE }

    private final UUID id = UUID.randomUUID();
    private final Action action;
    private final RequestMatcher matcher;
    private final Kind kind;
    private final Consumer<ObjectNode> edit;
    private final ObjectNode fullPayload;
    private final ErrorCode errorCode;
    private final String text;
    private final Duration delay;
    private final boolean once;

    private Stub(Action action, RequestMatcher matcher, Kind kind, Consumer<ObjectNode> edit, ObjectNode fullPayload,
                 ErrorCode errorCode, String text, Duration delay, boolean once) {
        this.action = action;
        this.matcher = matcher;
        this.kind = kind;
        this.edit = edit;
        this.fullPayload = fullPayload;
        this.errorCode = errorCode;
        this.text = text;
        this.delay = delay;
        this.once = once;
    }

    /** A stub for requests of this action; it answers like the default until told otherwise. */
    public static Stub action(Action action) {
        if (!action.sentByStation()) {
            throw new IllegalArgumentException(action + " is sent by the CSMS, not by a station");
        }
        return new Stub(action, RequestMatcher.any(), Kind.RESULT, payload -> { }, null, null, null,
                Duration.ZERO, false);
    }

    /** The same as {@link #action(Action)}. */
    public static Stub on(Action action) {
        return action(action);
    }

    /** Names this stub for {@link EmbeddedCsms#removeStub(UUID)}. */
    public UUID id() {
        return id;
    }

    /** The action this stub answers. */
    public Action action() {
        return action;
    }

    /** Which requests of its action it answers. */
    public RequestMatcher matcher() {
        return matcher;
    }

    /** Only for requests that also match this. */
    public Stub matching(RequestMatcher condition) {
        return new Stub(action, matcher.and(condition), kind, edit, fullPayload, errorCode, text, delay, once);
    }

    /** Only for this station. */
    public Stub forStation(String stationId) {
        return matching(RequestMatcher.station(stationId));
    }

    /** Only for requests with this value at a JSON pointer or dotted path (see {@link RequestMatcher#at}). */
    public Stub where(String path, Object value) {
        return matching(RequestMatcher.at(path, value));
    }

    /** Only for requests whose payload passes this test (reported as "a payload condition"). */
    public Stub when(Predicate<ObjectNode> payloadCondition) {
        return matching(RequestMatcher.payload("a payload condition", payloadCondition));
    }

    /** Answers with exactly this payload (a copy of it as it is now). */
    public Stub willReturn(ObjectNode payload) {
        return answering(Kind.RESULT, unchanged -> { }, payload.deepCopy(), null, null);
    }

    /** Answers with the default payload changed by this function. */
    public Stub willReturn(Consumer<ObjectNode> changeOfDefault) {
        return answering(Kind.RESULT, Objects.requireNonNull(changeOfDefault), null, null, null);
    }

    /** Answers with the default payload with these top-level fields set (values become JSON). */
    public Stub willReturnFields(Map<String, ?> fields) {
        Map<String, ?> copy = Map.copyOf(fields);
        return willReturn(payload -> copy.forEach((name, value) -> payload.set(name,
                Json.mapper().valueToTree(value))));
    }

    /** Answers with a CALLERROR. */
    public Stub willFailWith(ErrorCode code, String description) {
        return answering(Kind.ERROR, null, null, code, description);
    }

    /** Sends this text instead of an answer; {@code {{messageId}}} stands for the request's message id. */
    public Stub willSendRaw(String frame) {
        return answering(Kind.RAW, null, null, null, frame);
    }

    /** Does not answer at all, so the station's call times out. */
    public Stub willNotAnswer() {
        return answering(Kind.SILENCE, null, null, null, null);
    }

    /** Answers only after this delay. */
    public Stub after(Duration wait) {
        return new Stub(action, matcher, kind, edit, fullPayload, errorCode, text, wait, once);
    }

    /** Applies to one matching request only: the first to claim it. */
    public Stub once() {
        return new Stub(action, matcher, kind, edit, fullPayload, errorCode, text, delay, true);
    }

    /** For example {@code Authorize where /idToken/idToken = "BAD", once}. */
    @Override
    public String toString() {
        String where = matcher.equals(RequestMatcher.any()) ? "" : " where " + matcher.description();
        return action + where + (once ? ", once" : "");
    }

    boolean isOnce() {
        return once;
    }

    Duration delay() {
        return delay;
    }

    Kind kind() {
        return kind;
    }

    /** The result payload: the stub's own, or the default changed by the stub. */
    ObjectNode result(ObjectNode defaultAnswer) {
        if (fullPayload != null) {
            return fullPayload.deepCopy();
        }
        edit.accept(defaultAnswer);
        return defaultAnswer;
    }

    ErrorCode errorCode() {
        return errorCode;
    }

    String text() {
        return text;
    }

    private Stub answering(Kind newKind, Consumer<ObjectNode> newEdit, ObjectNode payload, ErrorCode code,
                           String newText) {
        return new Stub(action, matcher, newKind, newEdit, payload, code, newText, delay, once);
    }
}
