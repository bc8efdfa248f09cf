package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

import java.util.concurrent.CompletableFuture;

/** Opens the client side of OCPP-J connections for stations. */
public interface StationTransport {

    /**
     * Opens a connection; fails with {@link ConnectException} saying why (refused, HTTP status, timeout,
     * TLS, subprotocol not selected).
     */
    CompletableFuture<Connection> connect(ConnectionSettings settings, ConnectionListener listener);
}
