package io.ocppbdd.transport;

import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.SSLParametersWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The server side of OCPP-J on Java-WebSocket (one NIO selector for every connection): accepts
 * {@code ws[s]://host:port/<any path>/<station id>} with subprotocol {@code ocpp2.0.1}, checks Basic auth through
 * the {@link ServerHandler} and hands each connection to it.
 */
public final class OcppServer {

    private static final Logger LOG = LoggerFactory.getLogger(OcppServer.class);

    /** How soon after a send the server checks that the text left (see {@link ServerConnection#nudge()}). */
    private static final Duration NUDGE_AFTER = Duration.ofMillis(20);

    private final Server server;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final boolean tls;

    /**
     * @param port       0 for an ephemeral port
     * @param sslContext null for ws://, a server TLS context for wss://
     */
    public OcppServer(String host, int port, SSLContext sslContext, ServerHandler handler) {
        this(host, port, sslContext, null, handler);
    }

    /**
     * @param port          0 for an ephemeral port
     * @param sslContext    null for ws://, a server TLS context for wss://
     * @param sslParameters for wss://, e.g. {@code setNeedClientAuth(true)} for mutual TLS (security profile 3);
     *                      null for the context's defaults limited to TLS 1.2 and 1.3 (A00.FR.416)
     */
    public OcppServer(String host, int port, SSLContext sslContext, SSLParameters sslParameters,
                      ServerHandler handler) {
        this.server = new Server(new InetSocketAddress(host, port), handler);
        this.tls = sslContext != null;
        if (sslContext != null) {
            SSLParameters parameters = sslParameters != null ? sslParameters : modernTls(sslContext);
            server.setWebSocketFactory(new SSLParametersWebSocketServerFactory(sslContext, parameters));
        }
        server.setReuseAddr(true);
        server.setTcpNoDelay(true); // else a second text sent at once waits ~40 ms for the station's delayed ACK
        server.setDaemon(true);
    }

    private static SSLParameters modernTls(SSLContext sslContext) {
        SSLParameters parameters = sslContext.getDefaultSSLParameters();
        parameters.setProtocols(TlsContexts.MODERN_PROTOCOLS);
        return parameters;
    }

    /** Binds and starts serving; returns once the port is open. */
    public OcppServer start() {
        server.start();
        try {
            started.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot start the CSMS server: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the CSMS server did not start within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The port actually bound (useful with an ephemeral port). */
    int port() {
        return server.getPort();
    }

    /** The OCPP-J endpoint URL that stations connect to (they append their identity). */
    public URI url() {
        return URI.create((tls ? "wss" : "ws") + "://" + server.getAddress().getHostString() + ":" + port() + "/ocpp");
    }

    public void stop() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Server extends WebSocketServer {
        private final ServerHandler handler;

        private Server(InetSocketAddress address, ServerHandler handler) {
            // the empty protocol accepts a client that does not offer ocpp2.0.1, so that onOpen can close it
            super(address, List.<Draft>of(new Draft_6455(List.of(),
                    List.of(new Protocol(ConnectionSettings.SUBPROTOCOL), new Protocol("")))));
            this.handler = handler;
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                           ClientHandshake request)
                throws InvalidDataException {
            ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
            String stationId = stationId(request.getResourceDescriptor());
            if (stationId.isEmpty() || !handler.admits(stationId, password(stationId, request))) {
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "station not admitted: " + stationId);
            }
            return response;
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            if (!ConnectionSettings.SUBPROTOCOL.equals(conn.getProtocol().getProvidedProtocol())) {
                // Part 4 §3.2: complete the handshake without Sec-WebSocket-Protocol, then close at once
                conn.close(CloseFrame.PROTOCOL_ERROR, "subprotocol " + ConnectionSettings.SUBPROTOCOL + " required");
                return;
            }
            String stationId = stationId(handshake.getResourceDescriptor());
            ServerConnection connection = new ServerConnection(conn, this);
            connection.listener = handler.connected(stationId, connection);
            conn.setAttachment(connection);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            ServerConnection connection = conn.getAttachment();
            if (connection != null) {
                connection.listener.onText(message);
            }
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata pong) {
            ServerConnection connection = conn.getAttachment();
            if (connection != null) {
                connection.pongReceived();
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            ServerConnection connection = conn.getAttachment();
            if (connection != null) {
                connection.pongReceived();
                connection.listener.onClosed(code, reason);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.completeExceptionally(ex);
            } else {
                LOG.debug("connection error on {}: {}", conn.getResourceDescriptor(), ex.toString());
            }
        }

        @Override
        public void onStart() {
            started.complete(null);
        }
    }

    /** The last path segment, decoded; empty (so not admitted) when the request path is no valid URI. */
    private static String stationId(String resourceDescriptor) {
        String path;
        try {
            path = URI.create(resourceDescriptor).getRawPath();
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (path == null) {
            return "";
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return PercentEncoding.decode(last);
    }

    private static String password(String stationId, ClientHandshake request) {
        String header = request.getFieldValue("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(stationId)) {
            return null;
        }
        return decoded.substring(colon + 1);
    }

    /**
     * Java-WebSocket connection as an RPC connection.
     * <p>
     * Java-WebSocket 1.6.0 can lose a send: when it lands between the selector's last look at the connection's
     * queue and its {@code interestOps(OP_READ)} at the end of a write batch, the write interest it asked for is
     * overwritten and the text waits until the next send, which an OCPP station waiting for its answer never
     * provokes ({@code OcppServerWritesTest}). So after a send the connection checks shortly later, and again while
     * texts wait, and asks for the write once more.
     */
    private static final class ServerConnection implements Connection {
        private final WebSocket socket;
        private final WebSocketServer server;
        private final AtomicBoolean nudgeDue = new AtomicBoolean();
        private final Queue<CompletableFuture<Void>> pings = new ConcurrentLinkedQueue<>();
        private volatile ConnectionListener listener;

        private ServerConnection(WebSocket socket, WebSocketServer server) {
            this.socket = socket;
            this.server = server;
        }

        @Override
        public CompletableFuture<Void> send(String text) {
            try {
                socket.send(text);
                nudgeLater();
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private void nudgeLater() {
            if (nudgeDue.compareAndSet(false, true)) {
                SystemScheduler.instance().schedule(NUDGE_AFTER, Runnable::run, this::nudge);
            }
        }

        /** While texts wait in the connection's queue, asks the selector to write them. */
        private void nudge() {
            nudgeDue.set(false);
            if (socket.isOpen() && !((WebSocketImpl) socket).outQueue.isEmpty()) {
                server.onWriteDemand(socket);
                nudgeLater();
            }
        }

        @Override
        public CompletableFuture<Void> ping() {
            CompletableFuture<Void> pong = new CompletableFuture<>();
            pings.add(pong);
            try {
                socket.sendPing();
            } catch (RuntimeException e) {
                pong.completeExceptionally(e);
            }
            return pong;
        }

        /** A pong answers every ping before it; on close, the pings left fail. */
        private void pongReceived() {
            boolean open = socket.isOpen();
            for (CompletableFuture<Void> ping; (ping = pings.poll()) != null; ) {
                if (open) {
                    ping.complete(null);
                } else {
                    ping.completeExceptionally(new IllegalStateException("connection closed"));
                }
            }
        }

        @Override
        public void close() {
            socket.close(CloseFrame.NORMAL);
        }

        @Override
        public void abort() {
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "aborted");
        }
    }
}
