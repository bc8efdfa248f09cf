package io.ocppbdd.fileserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 (ephemeral port) for the files around OCPP: firmware images that stations
 * download (UpdateFirmware) and logs that they upload (GetLog). It answers by the longest matching path prefix
 * (404 when none matches) and records every request. Built on the JDK's own HTTP server: no extra dependency.
 *
 * <pre>{@code
 * FileServer files = FileServer.start().answer("/fw/2.0.bin", 200, image).answer("/logs/", 201, new byte[0]);
 * String location = files.url("/fw/2.0.bin");
 * }</pre>
 */
public final class FileServer implements AutoCloseable {

    /** One request the server received. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header, whatever the case of its name. */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream()).findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record Answer(int status, byte[] body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FileServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server on 127.0.0.1 and a free port. */
    public static FileServer start() {
        try {
            return new FileServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a file server on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** The URL of a path on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every request whose path starts with this prefix with this status and body. */
    public FileServer answer(String pathPrefix, int status, byte[] body) {
        answers.put(pathPrefix, new Answer(status, body.clone()));
        return this;
    }

    /** Every request so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            Answer answer = answers.entrySet().stream().filter(entry -> path.startsWith(entry.getKey()))
                    .max(Comparator.comparingInt(entry -> entry.getKey().length())).map(Map.Entry::getValue)
                    .orElse(new Answer(404, new byte[0]));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }
}
