package io.ocppbdd.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** An open station WebSocket on a Netty channel; tells its listener exactly once that it closed. */
final class NettyConnection implements Connection {

    /** How long a normal close waits for the CSMS's closing frame before dropping the socket (RFC 6455 §7.1.1). */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Channel channel;
    private final ConnectionListener listener;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private final Queue<CompletableFuture<Void>> pings = new ConcurrentLinkedQueue<>();

    NettyConnection(Channel channel, ConnectionListener listener) {
        this.channel = channel;
        this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> send(String text) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("connection closed"));
        }
        return completion(channel.writeAndFlush(new TextWebSocketFrame(text)));
    }

    @Override
    public CompletableFuture<Void> ping() {
        CompletableFuture<Void> pong = new CompletableFuture<>();
        if (closed.get()) {
            pong.completeExceptionally(new IllegalStateException("connection closed"));
            return pong;
        }
        pings.add(pong);
        channel.writeAndFlush(new PingWebSocketFrame()).addListener(written -> {
            if (!written.isSuccess()) {
                pong.completeExceptionally(written.cause());
            }
        });
        return pong;
    }

    @Override
    public void close() {
        if (closeSent.compareAndSet(false, true) && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE.code(), ""));
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Override
    public void abort() {
        closed(1006, "aborted");
        channel.close();
    }

    /** A pong answers every ping sent before it. */
    void pongReceived() {
        for (CompletableFuture<Void> ping; (ping = pings.poll()) != null; ) {
            ping.complete(null);
        }
    }

    /**
     * The CSMS sent a closing frame. If this side started the close, the handshake is complete and the socket goes.
     * Otherwise the frame is echoed and the CSMS, as RFC 6455 §7.1.1 wants, drops the socket first; this side drops
     * it only if the CSMS has not within the close wait.
     */
    void closeReceived(int code, String reason) {
        if (closeSent.compareAndSet(false, true)) {
            channel.writeAndFlush(WebSocketCloseStatus.isValidStatusCode(code)
                    ? new CloseWebSocketFrame(code, "") : new CloseWebSocketFrame());
            channel.eventLoop().schedule(() -> channel.close(), CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } else {
            channel.close();
        }
        closed(code, reason);
    }

    /** Reports the close to the listener, once. */
    void closed(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            IllegalStateException gone = new IllegalStateException("connection closed");
            for (CompletableFuture<Void> ping; (ping = pings.poll()) != null; ) {
                ping.completeExceptionally(gone);
            }
            listener.onClosed(code, reason);
        }
    }

    private static CompletableFuture<Void> completion(ChannelFuture write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        write.addListener(result -> {
            if (result.isSuccess()) {
                done.complete(null);
            } else {
                done.completeExceptionally(result.cause());
            }
        });
        return done;
    }
}
