package io.ocppbdd.transport;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A bare Java-WebSocket server on 127.0.0.1 that speaks no OCPP: it records what a station does on the wire
 * (request paths, texts, pings, pongs, closes) and lets a test act as the CSMS on the socket.
 */
final class PlainWebSocketServer extends WebSocketServer implements AutoCloseable {

    final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    final BlockingQueue<String> paths = new LinkedBlockingQueue<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> pings = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> pongs = new LinkedBlockingQueue<>();
    final BlockingQueue<String> closes = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean answerPings = true;
    private volatile boolean echo;
    private volatile Consumer<WebSocket> onOpen = socket -> { };

    /** Offers this subprotocol ("" = selects none). */
    PlainWebSocketServer(String subprotocol) {
        super(new InetSocketAddress("127.0.0.1", 0),
                List.<Draft>of(new Draft_6455(List.of(), List.of(new Protocol(subprotocol)))));
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0); // the server does not ping: the tests count the station's pings
    }

    /** A started server that selects ocpp2.0.1. */
    static PlainWebSocketServer started() throws Exception {
        return new PlainWebSocketServer(ConnectionSettings.SUBPROTOCOL).begin();
    }

    PlainWebSocketServer begin() throws Exception {
        start();
        started.get(30, TimeUnit.SECONDS);
        return this;
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/ocppj");
    }

    /** Whether pings get their pong (the RFC 6455 default), or are silently swallowed. */
    PlainWebSocketServer answerPings(boolean answer) {
        this.answerPings = answer;
        return this;
    }

    /** Sends every text back. */
    PlainWebSocketServer echo() {
        this.echo = true;
        return this;
    }

    /** Acts on each new connection, e.g. sends to the station. */
    PlainWebSocketServer onOpen(Consumer<WebSocket> action) {
        this.onOpen = action;
        return this;
    }

    /** The next value from a queue of this server, or an assertion failure after 30 s. */
    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(30, TimeUnit.SECONDS);
        if (value == null) {
            throw new AssertionError("the server saw nothing within 30 s");
        }
        return value;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        paths.add(handshake.getResourceDescriptor());
        opened.add(conn);
        onOpen.accept(conn);
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata ping) {
        pings.add(ping.getPayloadData().remaining());
        if (answerPings) {
            super.onWebsocketPing(conn, ping);
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata pong) {
        pongs.add(pong.getPayloadData().remaining());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        closes.add(code + (reason == null || reason.isEmpty() ? "" : " " + reason));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        texts.add(message);
        if (echo) {
            conn.send(message);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        started.completeExceptionally(ex);
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
