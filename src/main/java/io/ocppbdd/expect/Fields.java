package io.ocppbdd.expect;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads payload fields the way features write them. */
public final class Fields {

    /** What {@link #text} gives for a field the payload does not have. */
    public static final String ABSENT = "(absent)";

    private Fields() {
    }

    /** A field by dotted path ({@code idTokenInfo.status}, {@code getVariableResult.0.attributeValue}) or JSON pointer. */
    public static JsonNode read(JsonNode payload, String path) {
        String pointer = path.startsWith("/") ? path : "/" + path.replace('.', '/');
        return payload.at(JsonPointer.compile(pointer));
    }

    /** A field as the text a feature writes: strings bare, numbers and booleans as JSON, {@value #ABSENT} if missing. */
    public static String text(JsonNode payload, String path) {
        JsonNode value = read(payload, path);
        if (value.isMissingNode()) {
            return ABSENT;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
