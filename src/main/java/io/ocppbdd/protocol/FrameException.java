package io.ocppbdd.protocol;

/**
 * A frame or payload that breaks OCPP-J, with the CALLERROR that answers it.
 * The message id is {@link Frame#UNKNOWN_MESSAGE_ID} when it could not be read.
 */
public final class FrameException extends Exception {

    private final transient CallError answer;
    private final boolean call;

    FrameException(String messageId, ErrorCode code, String description, boolean call) {
        super(code + ": " + description);
        this.answer = CallError.of(messageId, code, description);
        this.call = call;
    }

    /** The CALLERROR to send back. */
    public CallError answer() {
        return answer;
    }

    /** Whether the bad frame was (or could have been) a CALL, the only kind that deserves an answer. */
    public boolean wasCall() {
        return call;
    }
}
