package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * The answer to an {@link OcppCall}: a CALLRESULT with its payload, or a CALLERROR with its code and description.
 *
 * @param payload          the CALLRESULT payload, null for a CALLERROR
 * @param errorCode        the CALLERROR code ({@code SecurityError}, ...), null for a CALLRESULT
 * @param errorDescription the CALLERROR description, null for a CALLRESULT
 */
public record OcppAnswer(Instant time, ObjectNode payload, String errorCode, String errorDescription) {

    /** Whether the answer is a CALLERROR. */
    public boolean isError() {
        return errorCode != null;
    }

    /** A copy of the CALLRESULT payload (an empty object for a CALLERROR). */
    @Override
    public ObjectNode payload() {
        return payload == null ? io.ocppbdd.protocol.Json.object() : payload.deepCopy();
    }

    /** One line for messages: the payload, or {@code CALLERROR <code> "<description>"}. */
    public String describe() {
        return isError() ? "CALLERROR " + errorCode + " \"" + errorDescription + "\"" : payload.toString();
    }
}
