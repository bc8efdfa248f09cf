package io.ocppbdd.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error response: {@code [4, messageId, errorCode, errorDescription, errorDetails]}. */
public record CallError(String messageId, ErrorCode errorCode, String errorDescription, ObjectNode errorDetails)
        implements Frame {

    /** Longest error description allowed by Part 4, Table 7. */
    static final int MAX_DESCRIPTION_LENGTH = 255;

    public CallError {
        errorDescription = errorDescription == null ? "" : truncate(errorDescription);
        errorDetails = errorDetails == null ? Json.object() : errorDetails;
    }

    /** A CALLERROR with empty details. */
    public static CallError of(String messageId, ErrorCode code, String description) {
        return new CallError(messageId, code, description, null);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DESCRIPTION_LENGTH ? text : text.substring(0, MAX_DESCRIPTION_LENGTH - 1) + "…";
    }
}
