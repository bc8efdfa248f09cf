package io.ocppbdd.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;

import java.util.Locale;
import java.util.Set;

/**
 * Hides secrets in frames before people see them (logs, reports, uploaded logs): the value of every
 * Get/SetVariables entry for a password variable such as {@code SecurityCtrlr.BasicAuthPassword}, and every field
 * whose name says password (the VPN and APN passwords of SetNetworkProfile).
 * The trace itself keeps the exact frames.
 */
public final class Redaction {

    /** What a hidden value is replaced with. */
    public static final String MASK = "********";

    private static final Set<String> SECRET_VARIABLES = Set.of("BasicAuthPassword");

    private Redaction() {
    }

    /** The frame text with secrets masked; text that is not a frame is returned as is. */
    public static String redact(String frame) {
        if (!frame.contains("Password") && !frame.contains("password")) {
            return frame;
        }
        JsonNode root;
        try {
            root = Json.parse(frame);
        } catch (IllegalArgumentException e) {
            return frame;
        }
        mask(root);
        return root.toString();
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode variable = object.path("variable").path("name");
            if (variable.isTextual() && SECRET_VARIABLES.contains(variable.textValue())
                    && object.has("attributeValue")) {
                object.put("attributeValue", MASK);
            }
            object.fieldNames().forEachRemaining(name -> {
                if (name.toLowerCase(Locale.ROOT).contains("password") && object.get(name).isValueNode()) {
                    object.put(name, MASK);
                }
            });
            object.forEach(Redaction::mask);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::mask);
        }
    }
}
