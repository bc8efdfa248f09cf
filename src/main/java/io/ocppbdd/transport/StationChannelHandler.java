package io.ocppbdd.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One station's channel: runs the opening handshake (TLS, then the HTTP upgrade) within the connect timeout,
 * then hands whole text messages to the listener, answers pings and reports closing.
 */
final class StationChannelHandler extends ChannelInboundHandlerAdapter {

    private static final Set<ConnectException.Reason> UNEXPLAINED = EnumSet.of(
            ConnectException.Reason.HUNG_UP, ConnectException.Reason.TLS_OTHER, ConnectException.Reason.OTHER);

    private final WebSocketClientHandshaker handshaker;
    private final ConnectionListener listener;
    private final ConnectFailures failures;
    private final long connectTimeoutMillis;
    private final int maxMessageBytes;
    private final CompletableFuture<Connection> opened = new CompletableFuture<>();
    private ScheduledFuture<?> deadline;
    private boolean tlsDone;
    private NettyConnection connection;

    StationChannelHandler(WebSocketClientHandshaker handshaker, ConnectionSettings settings,
                          ConnectionListener listener, int maxMessageBytes) {
        this.handshaker = handshaker;
        this.listener = listener;
        this.failures = new ConnectFailures(settings);
        this.connectTimeoutMillis = settings.connectTimeout().toMillis();
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Completes once the CSMS accepted the upgrade with subprotocol ocpp2.0.1, or fails saying why. */
    CompletableFuture<Connection> opened() {
        return opened;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> fail(ctx, failures.timeout()), connectTimeoutMillis,
                TimeUnit.MILLISECONDS);
        if (ctx.pipeline().get(SslHandler.class) == null) {
            handshaker.handshake(ctx.channel());
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent tls) {
            if (tls.isSuccess()) {
                tlsDone = true;
                handshaker.handshake(ctx.channel());
            } else {
                fail(ctx, failures.of(tls.cause()));
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof FullHttpResponse response && !handshaker.isHandshakeComplete()) {
                finishHandshake(ctx, response);
            } else if (message instanceof TextWebSocketFrame text) {
                listener.onText(text.text());
            } else if (message instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (message instanceof PongWebSocketFrame) {
                connection.pongReceived();
            } else if (message instanceof CloseWebSocketFrame close) {
                int code = close.statusCode() < 0 ? 1005 : close.statusCode();
                connection.closeReceived(code, close.reasonText());
            }
            // OCPP-J carries text only: binary frames are dropped
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void finishHandshake(ChannelHandlerContext ctx, FullHttpResponse response) {
        if (!HttpResponseStatus.SWITCHING_PROTOCOLS.equals(response.status())) {
            fail(ctx, failures.handshakeRefused(response.status().code()));
            return;
        }
        String subprotocol = response.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (!ConnectionSettings.SUBPROTOCOL.equals(subprotocol)) {
            fail(ctx, failures.subprotocolNotSelected(subprotocol));
            return;
        }
        try {
            handshaker.finishHandshake(ctx.channel(), response);
        } catch (WebSocketClientHandshakeException e) {
            fail(ctx, failures.of(e));
            return;
        }
        ctx.pipeline().addBefore(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(maxMessageBytes));
        deadline.cancel(false);
        connection = new NettyConnection(ctx.channel(), listener);
        opened.complete(connection);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            connection.closed(1006, "connection lost");
        } else {
            fail(ctx, beforeOpen(ctx, null));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (connection != null) {
            connection.closed(1006, String.valueOf(cause.getMessage()));
            ctx.close();
        } else {
            fail(ctx, beforeOpen(ctx, cause));
        }
    }

    /**
     * A failure before the upgrade was answered (cause null: the CSMS hung up). With TLS 1.3 a CSMS that wants a
     * client certificate checks it after the handshake completed on the station's side, and then sends an alert,
     * hangs up or garbles the stream; without a certificate to show, that is the likely reason.
     */
    private ConnectException beforeOpen(ChannelHandlerContext ctx, Throwable cause) {
        ConnectException failure = cause == null ? failures.hungUp() : failures.of(cause);
        if (tlsDone && UNEXPLAINED.contains(failure.reason()) && !sentClientCertificate(ctx)) {
            return failures.afterTlsWithoutClientCertificate(failure);
        }
        return failure;
    }

    private void fail(ChannelHandlerContext ctx, ConnectException failure) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (opened.completeExceptionally(failure)) {
            ctx.close();
        }
    }

    private static boolean sentClientCertificate(ChannelHandlerContext ctx) {
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        try {
            return tls != null && tls.engine().getSession().getLocalCertificates() != null;
        } catch (IllegalStateException | UnsupportedOperationException e) {
            return false;
        }
    }
}
