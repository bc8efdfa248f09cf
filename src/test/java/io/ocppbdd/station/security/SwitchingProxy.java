package io.ocppbdd.station.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A TCP proxy on 127.0.0.1 whose next connections each get a planned fate (forwarded to another server, or
 * answered with raw bytes), the rest forwarded to a default server: one station URL that fails first, then works.
 */
final class SwitchingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int defaultPort;
    private final Queue<Consumer<Socket>> plan = new ConcurrentLinkedQueue<>();

    SwitchingProxy(int defaultPort) throws IOException {
        this.defaultPort = defaultPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptForever);
    }

    URI url() {
        return URI.create("wss://127.0.0.1:" + server.getLocalPort() + "/ocpp");
    }

    /** The next connection goes to this port instead. */
    SwitchingProxy thenForwardTo(int port) {
        plan.add(client -> forward(client, port));
        return this;
    }

    /** The next connection gets these bytes once the client has said something, then is closed. */
    SwitchingProxy thenAnswer(byte[] bytes) {
        plan.add(client -> {
            try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
                in.read(new byte[16_384]);
                out.write(bytes);
                out.flush();
                in.read();
            } catch (IOException e) {
                // the client hung up, as expected
            }
        });
        return this;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptForever() {
        try {
            while (true) {
                Socket client = server.accept();
                Consumer<Socket> fate = plan.poll();
                daemon(() -> (fate != null ? fate : (Consumer<Socket>) c -> forward(c, defaultPort)).accept(client));
            }
        } catch (IOException closed) {
            // the proxy is closed
        }
    }

    private static void forward(Socket client, int port) {
        try {
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port);
            daemon(() -> copy(client, upstream));
            copy(upstream, client);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side hung up
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "switching-proxy");
        thread.setDaemon(true);
        thread.start();
    }
}
