package io.ocppbdd.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare JDK WebSocket with subprotocol ocpp2.0.1: sends any text, so tests can misbehave as a station. */
public final class RawWebSocketClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket webSocket;

    private RawWebSocketClient(URI uri) throws Exception {
        StringBuilder partial = new StringBuilder();
        this.webSocket = HTTP.newWebSocketBuilder().subprotocols("ocpp2.0.1")
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
    }

    /** Connects as the station with this (already percent-encoded) identity. */
    public static RawWebSocketClient connect(URI csmsUrl, String stationId) throws Exception {
        return new RawWebSocketClient(URI.create(csmsUrl + "/" + stationId));
    }

    public void send(String text) throws Exception {
        webSocket.sendText(text, true).get(30, TimeUnit.SECONDS);
    }

    /** The next text received, waiting up to 5 s. */
    public String next() throws InterruptedException {
        String text = received.poll(5, TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("nothing received within 5 s");
        }
        return text;
    }

    /** Sends a frame and returns the next text received. */
    public String exchange(String text) throws Exception {
        send(text);
        return next();
    }

    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    @Override
    public void close() {
        webSocket.abort();
    }
}
