package io.ocppbdd.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;

/** How a handler answers a CALL: a result, a CALLERROR, a raw frame (fault injection), or not at all. */
public sealed interface Reply {

    /** A CALLRESULT with this payload; it must pass the response schema. */
    record Result(ObjectNode payload) implements Reply {
    }

    /** A CALLERROR. */
    record Error(ErrorCode code, String description) implements Reply {
    }

    /** Exactly this text, unchecked: for test doubles that must misbehave on purpose. */
    record Raw(String text) implements Reply {
    }

    /** No answer at all, so the caller times out. */
    record Silence() implements Reply {
    }

    /** A result from a generated response object or a JSON tree. */
    static Reply result(Object response) {
        JsonNode tree = response instanceof JsonNode node ? node : Json.toTree(response);
        if (!tree.isObject()) {
            throw new IllegalArgumentException("a CALLRESULT payload is a JSON object, not " + tree.getNodeType());
        }
        return new Result((ObjectNode) tree);
    }

    static Reply error(ErrorCode code, String description) {
        return new Error(code, description);
    }
}
