package io.ocppbdd.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare OCPP-J WebSocket client that sends exactly the text it is given, to play a misbehaving station. */
public final class RawClient implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    public RawClient(URI csmsUrl, String stationId) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("ocpp2.0.1")
                .buildAsync(URI.create(csmsUrl + "/" + stationId), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            received.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    /** Sends the text and returns the next text that arrives. */
    public String exchange(String frame) {
        socket.sendText(frame, true).join();
        try {
            String answer = received.poll(StationHarness.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new AssertionError("no answer to " + frame);
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }
}
