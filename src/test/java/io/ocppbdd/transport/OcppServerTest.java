package io.ocppbdd.transport;

import io.ocppbdd.csms.EmbeddedCsms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The server side of the opening handshake (Part 4 §3.2), seen by a bare JDK WebSocket client. */
class OcppServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void stop() {
        csms.close();
    }

    @Test
    @DisplayName("Part 4 §3.1.3: of the offered subprotocols the server selects ocpp2.0.1")
    void selectsOcpp201() throws Exception {
        Client client = connect("CS-OFFER", "ocpp1.6", "ocpp2.0.1");

        assertThat(client.socket.getSubprotocol()).isEqualTo("ocpp2.0.1");
        client.socket.abort();
    }

    @Test
    @DisplayName("Part 4 §3.2: without ocpp2.0.1 offered the handshake completes with no subprotocol, then closes")
    void closesWithoutOcpp201() throws Exception {
        Client only16 = connect("CS-16", "ocpp1.6");
        Client none = connect("CS-NONE");

        for (Client client : new Client[] {only16, none}) {
            assertThat(client.socket.getSubprotocol()).isEmpty();
            assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1002);
        }
        assertThat(csms.isConnected("CS-16")).isFalse();
        assertThat(csms.isConnected("CS-NONE")).isFalse();
    }

    private Client connect(String stationId, String... subprotocols) throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        WebSocket socket = builder.buildAsync(URI.create(csms.url() + "/" + stationId), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        return new Client(socket, closed);
    }

    private record Client(WebSocket socket, CompletableFuture<Integer> closed) {
    }
}
