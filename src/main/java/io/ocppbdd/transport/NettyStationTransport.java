package io.ocppbdd.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Station connections on Netty's WebSocket client: one shared event loop group of two daemon threads carries any
 * number of stations. The upgrade request carries exactly Host, Upgrade, Connection, Sec-WebSocket-Key,
 * Sec-WebSocket-Version, Sec-WebSocket-Protocol and, with a password, Authorization: no body headers, no Origin,
 * so every common CSMS stack accepts it. wss:// uses TLS 1.2 or 1.3 and verifies the CSMS's certificate chain
 * and host name.
 */
public final class NettyStationTransport implements StationTransport {

    /** The largest message a station takes (fragments reassembled); OCPP sets no limit, firmware lists get big. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 64 * 1024;
    private static final NettyStationTransport INSTANCE = new NettyStationTransport();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2,
            new DefaultThreadFactory("ocpp-station-io", true), NioIoHandler.newFactory());

    private NettyStationTransport() {
    }

    /** The one transport of the process, sharing its event loop group. */
    public static NettyStationTransport instance() {
        return INSTANCE;
    }

    @Override
    public CompletableFuture<Connection> connect(ConnectionSettings settings, ConnectionListener listener) {
        URI uri = settings.connectionUri();
        boolean tls = "wss".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String host = uri.getHost().replaceAll("^\\[|]$", ""); // an IPv6 literal without its brackets
        SSLEngine engine;
        try {
            engine = tls ? tlsEngine(settings.sslContext(), host, port) : null;
        } catch (NoSuchAlgorithmException e) {
            return CompletableFuture.failedFuture(new ConnectFailures(settings).of(e));
        }
        StationChannelHandler handler = new StationChannelHandler(handshaker(settings), settings, listener,
                MAX_MESSAGE_BYTES);
        ChannelFuture connecting = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (engine != null) {
                            SslHandler ssl = new SslHandler(engine);
                            ssl.setHandshakeTimeoutMillis(0); // the handler's connect deadline covers TLS too
                            pipeline.addLast("tls", ssl);
                        }
                        pipeline.addLast("http", new HttpClientCodec());
                        pipeline.addLast("http-aggregator", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES));
                        pipeline.addLast("station", handler);
                    }
                })
                .connect(host, port);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                handler.opened().completeExceptionally(new ConnectFailures(settings).of(done.cause()));
            }
        });
        return handler.opened();
    }

    private static WebSocketClientHandshaker handshaker(ConnectionSettings settings) {
        HttpHeaders headers = new DefaultHttpHeaders();
        if (settings.basicAuthPassword() != null) {
            String credentials = settings.stationId() + ":" + settings.basicAuthPassword();
            headers.set(HttpHeaderNames.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return WebSocketClientHandshakerFactory.newHandshaker(settings.connectionUri(), WebSocketVersion.V13,
                ConnectionSettings.SUBPROTOCOL, false, headers, MAX_MESSAGE_BYTES, true, false, -1, false, false);
    }

    /** TLS 1.2+ only (A00.FR.416); chain (A00.FR.411) and host name (A00.FR.412) verified as for HTTPS. */
    private static SSLEngine tlsEngine(SSLContext given, String host, int port) throws NoSuchAlgorithmException {
        SSLContext context = given != null ? given : SSLContext.getDefault();
        SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(TlsContexts.MODERN_PROTOCOLS);
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return engine;
    }
}
