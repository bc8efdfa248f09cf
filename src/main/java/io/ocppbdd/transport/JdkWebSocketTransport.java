package io.ocppbdd.transport;

import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Station connections on the JDK's {@link java.net.http.WebSocket}: one shared {@link HttpClient} per TLS setup
 * and a few threads carry any number of stations.
 */
public final class JdkWebSocketTransport implements StationTransport {

    private static final JdkWebSocketTransport INSTANCE = new JdkWebSocketTransport();

    private final ExecutorService callbacks = Executors.newFixedThreadPool(2, daemonThreads("ocpp-ws-client"));
    private final Map<Object, HttpClient> clients = new ConcurrentHashMap<>();

    private JdkWebSocketTransport() {
    }

    /** The one transport of the process, sharing its HTTP clients. */
    public static JdkWebSocketTransport instance() {
        return INSTANCE;
    }

    @Override
    public CompletableFuture<Connection> connect(ConnectionSettings settings, ConnectionListener listener) {
        WebSocket.Builder builder = client(settings.sslContext()).newWebSocketBuilder()
                .subprotocols(ConnectionSettings.SUBPROTOCOL)
                .connectTimeout(settings.connectTimeout());
        if (settings.basicAuthPassword() != null) {
            String credentials = settings.stationId() + ":" + settings.basicAuthPassword();
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        TextAssembler assembler = new TextAssembler(listener);
        return builder.buildAsync(settings.connectionUri(), assembler)
                .handle((webSocket, failure) -> {
                    if (failure != null) {
                        throw new ConnectException(describe(settings, failure), failure);
                    }
                    if (!ConnectionSettings.SUBPROTOCOL.equals(webSocket.getSubprotocol())) {
                        webSocket.abort();
                        throw new ConnectException("CSMS at " + settings.connectionUri()
                                + " did not select subprotocol " + ConnectionSettings.SUBPROTOCOL
                                + " (it answered '" + webSocket.getSubprotocol() + "')", null);
                    }
                    return (Connection) new JdkConnection(webSocket, listener);
                });
    }

    private HttpClient client(SSLContext sslContext) {
        Object key = sslContext == null ? "default" : sslContext;
        return clients.computeIfAbsent(key, k -> {
            SSLParameters modernTls = new SSLParameters();
            modernTls.setProtocols(TlsContexts.MODERN_PROTOCOLS);
            HttpClient.Builder builder = HttpClient.newBuilder().executor(callbacks).sslParameters(modernTls);
            if (sslContext != null) {
                builder.sslContext(sslContext);
            }
            return builder.build();
        });
    }

    private static String describe(ConnectionSettings settings, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String where = "cannot connect to " + settings.connectionUri() + ": ";
        if (cause instanceof WebSocketHandshakeException handshake) {
            int status = handshake.getResponse().statusCode();
            return where + "the CSMS refused the WebSocket handshake with HTTP " + status + refusalHint(status);
        }
        if (cause instanceof HttpTimeoutException) {
            return where + "no answer within " + settings.connectTimeout().toSeconds() + " s";
        }
        if (cause instanceof SSLException) {
            return where + "TLS failed: " + tlsProblem(cause);
        }
        if (cause instanceof java.net.ConnectException) {
            return where + "connection refused";
        }
        if (cause instanceof IOException) {
            // with TLS 1.3 a server that wants a client certificate checks it after the handshake and hangs up
            String hint = "wss".equals(settings.csmsUrl().getScheme())
                    ? "; if it wants a client certificate, give the station a key store with one (security profile 3)"
                    : "";
            return where + "the CSMS hung up without answering the handshake (" + cause.getMessage() + ")" + hint;
        }
        return where + cause;
    }

    private static String tlsProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return "the CSMS's certificate is not trusted or not issued for this host (" + cause.getMessage()
                        + "); give the station a trust store with the CSMS's CA";
            }
        }
        String message = String.valueOf(failure.getMessage());
        if (message.contains("certificate_required") || message.contains("bad_certificate")) {
            return "the CSMS wants a client certificate it trusts (" + message
                    + "); give the station a key store with one (security profile 3)";
        }
        return message;
    }

    /** Part 4 §3.2: 404 is how a CSMS (Java-WebSocket's included) says it does not know or admit the identity. */
    private static String refusalHint(int status) {
        return switch (status) {
            case 401, 403 -> " (check the station id and password)";
            case 404 -> " (the CSMS does not know this station id or refused its password)";
            default -> "";
        };
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Reassembles fragmented text messages and reports closing. */
    private static final class TextAssembler implements WebSocket.Listener {
        private final ConnectionListener listener;
        private final StringBuilder partial = new StringBuilder();

        private TextAssembler(ConnectionListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                listener.onText(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            listener.onClosed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            listener.onClosed(1006, String.valueOf(error.getMessage()));
        }
    }

    /** Serialises sends: the JDK WebSocket takes one outstanding send at a time. */
    private static final class JdkConnection implements Connection {
        private final WebSocket webSocket;
        private final ConnectionListener listener;
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        private JdkConnection(WebSocket webSocket, ConnectionListener listener) {
            this.webSocket = webSocket;
            this.listener = listener;
        }

        @Override
        public synchronized CompletableFuture<Void> send(String text) {
            CompletableFuture<Void> sent = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> webSocket.sendText(text, true))
                    .thenApply(ignored -> null);
            lastSend = sent;
            return sent;
        }

        @Override
        public void close() {
            lastSend.handle((ignored, failure) -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
        }

        @Override
        public void abort() {
            if (!webSocket.isInputClosed()) {
                webSocket.abort();
                listener.onClosed(1006, "aborted");
            }
        }
    }
}
