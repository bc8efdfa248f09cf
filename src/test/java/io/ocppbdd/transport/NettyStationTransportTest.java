package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import io.ocppbdd.testing.HandWrittenWebSocket;
import org.java_websocket.enums.Opcode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.transport.ConnectAttempts.failure;
import static io.ocppbdd.transport.PlainWebSocketServer.next;
import static org.assertj.core.api.Assertions.assertThat;

/** The station's WebSocket client on the wire: the exact upgrade request, big and fragmented messages, control frames. */
class NettyStationTransportTest {

    private final StationTransport transport = NettyStationTransport.instance();
    private final Listener listener = new Listener();

    @Test
    @DisplayName("Part 4 §3.1: the upgrade request carries no body headers (Python websockets 13-15 refuse them), A00.FR.202 Basic auth")
    void upgradeRequestHasExactlyTheHandshakeHeaders() throws Exception {
        try (RawHttpServer server = new RawHttpServer()) {
            CompletableFuture<Connection> connecting = transport.connect(settings(server.url(), "CS 1", "s3cret:pw"),
                    listener);

            String request = server.request.get(30, TimeUnit.SECONDS);

            assertThat(request).startsWith("GET /ocpp/CS%201 HTTP/1.1\r\n").endsWith("\r\n\r\n");
            Map<String, String> headers = headers(request);
            assertThat(headers).doesNotContainKeys("content-length", "transfer-encoding");
            assertThat(headers).containsOnlyKeys("host", "upgrade", "connection", "sec-websocket-key",
                    "sec-websocket-version", "sec-websocket-protocol", "authorization");
            assertThat(headers).containsEntry("host", "127.0.0.1:" + server.port())
                    .containsEntry("upgrade", "websocket")
                    .containsEntry("connection", "upgrade")
                    .containsEntry("sec-websocket-version", "13")
                    .containsEntry("sec-websocket-protocol", "ocpp2.0.1")
                    .containsEntry("authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("CS 1:s3cret:pw".getBytes(StandardCharsets.UTF_8)));
            assertThat(connecting.get(30, TimeUnit.SECONDS)).as("the 101 answer opens the connection").isNotNull();
        }
    }

    @Test
    @DisplayName("A00.FR.201: without a password (security profile 3 or none) there is no Authorization header")
    void noPasswordNoAuthorization() throws Exception {
        try (RawHttpServer server = new RawHttpServer()) {
            transport.connect(settings(server.url(), "CS-2", null), listener);

            assertThat(headers(server.request.get(30, TimeUnit.SECONDS))).containsOnlyKeys("host", "upgrade",
                    "connection", "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol");
        }
    }

    @Test
    void oneMegabyteMessagesGoBothWays() throws Exception {
        try (PlainWebSocketServer server = PlainWebSocketServer.started().echo()) {
            Connection connection = transport.connect(settings(server.url(), "CS-BIG", null), listener)
                    .get(30, TimeUnit.SECONDS);
            String big = "[2,\"1\",\"DataTransfer\",{\"vendorId\":\"é€\",\"data\":\"" + "x".repeat(1 << 20) + "\"}]";

            connection.send(big).get(30, TimeUnit.SECONDS);

            assertThat(next(server.texts)).isEqualTo(big);
            assertThat(next(listener.texts)).isEqualTo(big);
        }
    }

    @Test
    void fragmentedMessageIsReassembled() throws Exception {
        byte[] text = "[2,\"1\",\"Heartbeat\",{\"note\":\"€uro\"}]".getBytes(StandardCharsets.UTF_8);
        int split = 29; // inside the three bytes of the euro sign; Java-WebSocket sends the rest as continuation
        try (PlainWebSocketServer server = PlainWebSocketServer.started().onOpen(socket -> {
            socket.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(Arrays.copyOfRange(text, 0, split)), false);
            socket.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(Arrays.copyOfRange(text, split, text.length)),
                    true);
        })) {
            transport.connect(settings(server.url(), "CS-FRAG", null), listener).get(30, TimeUnit.SECONDS);

            assertThat(next(listener.texts)).isEqualTo(new String(text, StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("Part 4 §5.2: a ping from the CSMS gets its pong; a ping from the station completes on the pong")
    void pingsAreAnswered() throws Exception {
        try (PlainWebSocketServer server = PlainWebSocketServer.started()) {
            Connection connection = transport.connect(settings(server.url(), "CS-PING", null), listener)
                    .get(30, TimeUnit.SECONDS);
            next(server.opened).sendPing();
            connection.ping().get(30, TimeUnit.SECONDS);

            assertThat(next(server.pongs)).as("the CSMS's ping got its pong").isNotNull();
            assertThat(next(server.pings)).as("the station's ping reached the CSMS").isNotNull();
        }
    }

    @Test
    void closingIsReportedOnceWithTheCode() throws Exception {
        try (PlainWebSocketServer server = PlainWebSocketServer.started()) {
            Connection connection = transport.connect(settings(server.url(), "CS-CLOSE", null), listener)
                    .get(30, TimeUnit.SECONDS);

            connection.close();

            assertThat(next(server.closes)).isEqualTo("1000");
            assertThat(next(listener.closes)).isEqualTo("1000");

            Connection second = transport.connect(settings(server.url(), "CS-CLOSE", null), listener)
                    .get(30, TimeUnit.SECONDS);
            next(server.opened);
            next(server.opened).close(1001, "going away");
            assertThat(next(listener.closes)).isEqualTo("1001 going away");

            second.abort();
            Connection third = transport.connect(settings(server.url(), "CS-CLOSE", null), listener)
                    .get(30, TimeUnit.SECONDS);
            third.abort();
            assertThat(next(listener.closes)).isEqualTo("1006 aborted");
            assertThat(next(server.closes)).isEqualTo("1001 going away");
            assertThat(next(server.closes)).startsWith("1006");
            assertThat(listener.closes).isEmpty();
        }
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/ocpp");
            ConnectionSettings settings = new ConnectionSettings(url, "CS-SLOW", null, Duration.ofMillis(300), null);

            ConnectException e = failure(transport.connect(settings, listener));

            assertThat(e.reason()).isEqualTo(ConnectException.Reason.TIMEOUT);
            assertThat(e).hasMessage("cannot connect to " + url + "/CS-SLOW: no answer within 300 ms; check the CSMS"
                    + " URL and that the CSMS runs");
        }
    }

    @Test
    void serverThatHangsUpIsReported() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("ws://127.0.0.1:" + rude.getLocalPort() + "/ocpp");
            CompletableFuture<Connection> connecting = transport.connect(settings(url, "CS-RUDE", null), listener);
            rude.accept().close();

            ConnectException e = failure(connecting);

            assertThat(e.reason()).isEqualTo(ConnectException.Reason.HUNG_UP);
            assertThat(e).hasMessage("cannot connect to " + url + "/CS-RUDE: the CSMS closed the connection without"
                    + " answering the WebSocket handshake");
        }
    }

    private static ConnectionSettings settings(URI url, String stationId, String password) {
        return new ConnectionSettings(url, stationId, password, Duration.ofSeconds(30), null);
    }

    /** The header fields of a request head, names in lower case. */
    private static Map<String, String> headers(String request) {
        Map<String, String> headers = new LinkedHashMap<>();
        String[] lines = request.split("\r\n");
        for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /** Records what the transport reports. */
    private static final class Listener implements ConnectionListener {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

        @Override
        public void onText(String text) {
            texts.add(text);
        }

        @Override
        public void onClosed(int code, String reason) {
            closes.add(code + (reason == null || reason.isEmpty() ? "" : " " + reason));
        }
    }

    /**
     * A plain {@link ServerSocket} that reads one request head byte by byte and answers it with a valid 101 for
     * ocpp2.0.1, as RFC 6455 §4.2.2 asks.
     */
    private static final class RawHttpServer implements AutoCloseable {
        final CompletableFuture<String> request = new CompletableFuture<>();
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private Socket client;

        RawHttpServer() throws IOException {
            Thread thread = new Thread(this::serve, "raw-http-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        URI url() {
            return URI.create("ws://127.0.0.1:" + port() + "/ocpp");
        }

        private void serve() {
            try {
                client = socket.accept();
                String head = HandWrittenWebSocket.readHead(client.getInputStream());
                request.complete(head);
                OutputStream out = client.getOutputStream();
                out.write(HandWrittenWebSocket.upgradeAnswer(head));
                out.flush();
            } catch (Exception e) {
                request.completeExceptionally(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (client != null) {
                client.close();
            }
            socket.close();
        }
    }
}
