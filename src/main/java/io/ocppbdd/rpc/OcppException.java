package io.ocppbdd.rpc;

import io.ocppbdd.protocol.ErrorCode;

/** Thrown by a call handler to answer with a CALLERROR instead of a CALLRESULT. */
public class OcppException extends RuntimeException {

    private final ErrorCode errorCode;

    public OcppException(ErrorCode errorCode, String description) {
        super(description);
        this.errorCode = errorCode;
    }

    ErrorCode errorCode() {
        return errorCode;
    }
}
