package io.ocppbdd.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request: {@code [2, messageId, action, payload]}. */
public record Call(String messageId, String action, ObjectNode payload) implements Frame {
}
