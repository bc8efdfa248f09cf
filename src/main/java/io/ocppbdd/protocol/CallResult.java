package io.ocppbdd.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A response: {@code [3, messageId, payload]}. */
public record CallResult(String messageId, ObjectNode payload) implements Frame {
}
