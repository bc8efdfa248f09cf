package io.ocppbdd.station.state;

/** A state file that cannot be used; the message is one line naming the file, the place and the fix. */
public final class StateFileException extends RuntimeException {

    public StateFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
