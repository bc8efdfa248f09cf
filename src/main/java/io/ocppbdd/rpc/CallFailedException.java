package io.ocppbdd.rpc;

import io.ocppbdd.protocol.CallError;

/**
 * Why an outgoing CALL got no usable answer: the peer sent a CALLERROR, an answer that breaks its schema,
 * no answer in time, or the connection was not there.
 */
public final class CallFailedException extends RuntimeException {

    /** The kinds of failure. */
    public enum Reason { CALL_ERROR, INVALID_RESPONSE, TIMEOUT, NOT_CONNECTED, CONNECTION_LOST, INVALID_REQUEST }

    private final Reason reason;
    private final transient CallError callError;

    CallFailedException(Reason reason, String message) {
        this(reason, message, null);
    }

    CallFailedException(Reason reason, String message, CallError callError) {
        super(message);
        this.reason = reason;
        this.callError = callError;
    }

    public Reason reason() {
        return reason;
    }

    /** The CALLERROR the peer sent, when {@link #reason()} is {@link Reason#CALL_ERROR}. */
    public CallError callError() {
        return callError;
    }
}
