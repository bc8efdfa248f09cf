package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

import java.util.function.BiConsumer;

/** A server handler that admits every station and hands each text a station sends, with its connection, on. */
final class AdmitAll implements ServerHandler {

    private final BiConsumer<Connection, String> onText;

    /** Ignores what the stations say. */
    AdmitAll() {
        this((connection, text) -> { });
    }

    AdmitAll(BiConsumer<Connection, String> onText) {
        this.onText = onText;
    }

    @Override
    public boolean admits(String stationId, String password) {
        return true;
    }

    @Override
    public ConnectionListener connected(String stationId, Connection connection) {
        return new ConnectionListener() {
            @Override
            public void onText(String text) {
                onText.accept(connection, text);
            }

            @Override
            public void onClosed(int code, String reason) {
            }
        };
    }
}
