package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

/** What the OCPP-J server asks of the CSMS behind it. */
public interface ServerHandler {

    /**
     * Whether a station may open a connection.
     *
     * @param password the Basic auth password sent with the handshake, or null when there was none
     */
    boolean admits(String stationId, String password);

    /** A station connected; returns the listener that takes its messages. */
    ConnectionListener connected(String stationId, Connection connection);
}
