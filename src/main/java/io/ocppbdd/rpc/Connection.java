package io.ocppbdd.rpc;

import java.util.concurrent.CompletableFuture;

/** One open OCPP-J WebSocket, as the RPC layer sees it; the transport implements it. */
public interface Connection {

    /** Sends one text message; the future completes when the transport has taken it. */
    CompletableFuture<Void> send(String text);

    /**
     * Sends a WebSocket ping; the future completes when a pong arrives, and fails if the connection closes first.
     */
    CompletableFuture<Void> ping();

    /** Closes the connection normally. */
    void close();

    /** Drops the connection without a closing handshake, as a network failure would. */
    void abort();
}
