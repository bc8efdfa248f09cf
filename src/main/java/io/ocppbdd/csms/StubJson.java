package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of the {@link Stub} DSL, as the admin API takes it:
 * <pre>
 * {"action": "Authorize", "where": {"/idToken/idToken": "BAD"}, "station": "CS-001",
 *  "willReturnFields": {"idTokenInfo": {"status": "Invalid"}}, "once": true, "afterMillis": 500}
 * </pre>
 * One answer at most: {@code willReturn} (the whole payload), {@code willReturnFields} (top-level fields set on the
 * default answer), {@code willFailWith} ({@code {"code": "InternalError", "description": "..."}}) or
 * {@code willNotAnswer: true}; none keeps the default answer. A mistake is an {@link IllegalArgumentException} that
 * says what to write instead.
 */
final class StubJson {

    private static final Set<String> KEYS = Set.of("action", "where", "station", "willReturn", "willReturnFields",
            "willFailWith", "willNotAnswer", "once", "afterMillis");
    private static final Set<String> ANSWERS = Set.of("willReturn", "willReturnFields", "willFailWith", "willNotAnswer");

    private StubJson() {
    }

    static Stub read(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("a stub is a JSON object, such as {\"action\": \"Authorize\", "
                    + "\"willReturnFields\": {\"idTokenInfo\": {\"status\": \"Invalid\"}}}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException("unknown stub key '" + name + "'; use " + KEYS);
            }
        }
        long answers = ANSWERS.stream().filter(json::has).count();
        if (answers > 1) {
            throw new IllegalArgumentException("a stub has one answer: one of " + ANSWERS);
        }
        Stub stub = Stub.on(action(json.path("action")));
        for (Iterator<Map.Entry<String, JsonNode>> where = json.path("where").fields(); where.hasNext(); ) {
            Map.Entry<String, JsonNode> condition = where.next();
            stub = stub.where(condition.getKey(), condition.getValue());
        }
        if (json.has("station")) {
            stub = stub.forStation(text(json, "station"));
        }
        stub = answer(stub, json);
        if (json.path("once").asBoolean(false)) {
            stub = stub.once();
        }
        if (json.has("afterMillis")) {
            long millis = json.path("afterMillis").asLong(-1);
            if (millis < 0) {
                throw new IllegalArgumentException("afterMillis must be a number of milliseconds, 0 or more");
            }
            stub = stub.after(Duration.ofMillis(millis));
        }
        return stub;
    }

    private static Stub answer(Stub stub, JsonNode json) {
        if (json.has("willReturn")) {
            return stub.willReturn(object(json, "willReturn"));
        }
        if (json.has("willReturnFields")) {
            ObjectNode fields = object(json, "willReturnFields");
            return stub.willReturn(answer -> answer.setAll(fields.deepCopy()));
        }
        if (json.has("willFailWith")) {
            ObjectNode error = object(json, "willFailWith");
            String code = text(error, "code");
            ErrorCode errorCode = Arrays.stream(ErrorCode.values()).filter(c -> c.name().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("willFailWith.code '" + code
                            + "' is not an OCPP-J error code; use one of " + Arrays.toString(ErrorCode.values())));
            return stub.willFailWith(errorCode, error.path("description").asText(""));
        }
        if (json.path("willNotAnswer").asBoolean(false)) {
            return stub.willNotAnswer();
        }
        return stub;
    }

    private static Action action(JsonNode node) {
        String name = node.asText("");
        return Action.named(name).filter(Action::sentByStation).orElseThrow(() -> new IllegalArgumentException(
                "stub action '" + name + "' is not an OCPP 2.0.1 request a station sends; spell it as in the "
                        + "specification, for example Authorize"));
    }

    private static ObjectNode object(JsonNode json, String key) {
        if (!json.path(key).isObject()) {
            throw new IllegalArgumentException(key + " must be a JSON object");
        }
        return (ObjectNode) json.path(key);
    }

    private static String text(JsonNode json, String key) {
        if (!json.path(key).isTextual() || json.path(key).asText().isEmpty()) {
            throw new IllegalArgumentException(key + " must be a non-empty string");
        }
        return json.path(key).asText();
    }
}
