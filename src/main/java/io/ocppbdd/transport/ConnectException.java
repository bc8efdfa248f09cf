package io.ocppbdd.transport;

/** A connection attempt that failed, with a message that says why in words. */
public final class ConnectException extends RuntimeException {

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
