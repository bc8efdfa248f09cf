package io.ocppbdd.rpc;

/** Whether a traced frame left or reached the endpoint that recorded it. */
public enum Direction {
    SENT, RECEIVED
}
