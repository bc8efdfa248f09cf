package io.ocppbdd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A bare JDK TLS server on 127.0.0.1 that does the TLS handshake with each client and then hangs up: enough to see
 * how a station's TLS fails. Runs in the test JVM, or as a child JVM ({@link #main}) where the test needs TLS
 * settings the JVM forbids globally, such as TLS 1.1.
 */
final class HandshakeOnlyTlsServer implements AutoCloseable {

    private final SSLServerSocket socket;

    /**
     * @param protocols          the TLS versions the server allows
     * @param needClientAuth     whether the server insists on a client certificate its context trusts
     */
    HandshakeOnlyTlsServer(SSLContext context, String[] protocols, boolean needClientAuth) throws IOException {
        socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        socket.setEnabledProtocols(protocols);
        socket.setNeedClientAuth(needClientAuth);
        Thread acceptor = new Thread(this::serve, "handshake-only-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** wss:// URL of this server, for a station to append its identity to. */
    URI url() {
        return URI.create("wss://127.0.0.1:" + socket.getLocalPort() + "/ocpp");
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                ((SSLSocket) client).startHandshake();
                InputStream in = client.getInputStream();
                in.read(); // the client speaks first after the handshake, which fails with a missing client certificate
            } catch (IOException handshakeFailed) {
                // the client sees the alert; the next client may come
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Child-JVM entry: {@code <PKCS12 key store> <password> <protocol>}; prints the port, serves until stdin closes.
     */
    public static void main(String[] args) throws Exception {
        SSLContext context = TlsContexts.of(Path.of(args[0]), args[1].toCharArray(), null, null);
        try (HandshakeOnlyTlsServer server = new HandshakeOnlyTlsServer(context, new String[] {args[2]}, false)) {
            System.out.println(server.socket.getLocalPort());
            System.out.flush();
            while (System.in.read() != -1) {
                // until the test closes our stdin or ends
            }
        }
    }
}
