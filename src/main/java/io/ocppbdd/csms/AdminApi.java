package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.CallFailedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP API that lets another process drive an {@link EmbeddedCsms}, as WireMock's admin API does
 * (JSON in, JSON out, under {@code /admin}):
 * <pre>
 * GET    /admin/stations                                connected stations, and the ids that connected while
 *                                                       their previous connection was still open
 * POST   /admin/stations/{id}/calls/{action}            send a CSMS-initiated CALL (body: its payload);
 *                                                       200 {"result": {...}} or {"error": {"code": ...}}
 * GET    /admin/stations/{id}/requests[/{action}]       what the station sent, oldest first
 * GET    /admin/stubs                                   the stubs in force
 * POST   /admin/stubs                                   add a stub (the JSON form of {@link Stub}); 201 {"id": ...}
 * DELETE /admin/stubs/{id}                              remove one stub
 * DELETE /admin/stubs                                   remove every stub added through this API
 * </pre>
 * A bad request gets 400 with {@code {"error": "one line: what is wrong, how to fix"}}; an unknown station 404.
 * Stubs the CSMS had before the API started (a profile's answers) stay until removed one by one.
 */
public final class AdminApi implements AutoCloseable {

    private static final Pattern CALL = Pattern.compile("/admin/stations/([^/]+)/calls/([^/]+)");
    private static final Pattern REQUESTS = Pattern.compile("/admin/stations/([^/]+)/requests(?:/([^/]+))?");
    private static final Pattern STUB = Pattern.compile("/admin/stubs/([^/]+)");

    private final EmbeddedCsms csms;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Set<UUID> added = ConcurrentHashMap.newKeySet();

    private AdminApi(EmbeddedCsms csms, HttpServer server) {
        this.csms = csms;
        this.server = server;
        this.threads = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "csms-admin");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/admin", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /**
     * Starts the API of this CSMS on this host and port (0 for a free one).
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static AdminApi start(EmbeddedCsms csms, String host, int port) {
        try {
            return new AdminApi(csms, HttpServer.create(new InetSocketAddress(host, port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the admin API on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The API's base URL, {@code http://host:port/admin}. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/admin");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Answer answer;
            try {
                answer = route(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), exchange);
            } catch (IllegalArgumentException bad) {
                answer = Answer.error(400, bad.getMessage());
            }
            byte[] body = Json.write(answer.body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    private Answer route(String method, String path, HttpExchange exchange) throws IOException {
        Matcher call = CALL.matcher(path);
        Matcher requests = REQUESTS.matcher(path);
        Matcher stub = STUB.matcher(path);
        String route = method + " " + path;
        if (route.equals("GET /admin/stations")) {
            ObjectNode stations = Json.object();
            stations.set("stations", strings(csms.stations()));
            stations.set("duplicateConnections", strings(csms.duplicateConnections()));
            return Answer.ok(stations);
        } else if (method.equals("POST") && call.matches()) {
            return call(decoded(call.group(1)), action(decoded(call.group(2))), body(exchange));
        } else if (method.equals("GET") && requests.matches()) {
            return requests(decoded(requests.group(1)), requests.group(2));
        } else if (route.equals("GET /admin/stubs")) {
            ArrayNode stubs = Json.mapper().createArrayNode();
            csms.stubs().forEach(each -> stubs.add(describe(each)));
            return Answer.ok(Json.object().set("stubs", stubs));
        } else if (route.equals("POST /admin/stubs")) {
            Stub added = csms.stubFor(StubJson.read(body(exchange)));
            this.added.add(added.id());
            return new Answer(201, describe(added));
        } else if (route.equals("DELETE /admin/stubs")) {
            int removed = 0;
            for (UUID id : List.copyOf(added)) {
                removed += csms.removeStub(id) ? 1 : 0;
                added.remove(id);
            }
            return Answer.ok(Json.object().put("removed", removed));
        } else if (method.equals("DELETE") && stub.matches()) {
            UUID id = stubId(stub.group(1));
            added.remove(id);
            return csms.removeStub(id) ? Answer.ok(Json.object().put("removed", id.toString()))
                    : Answer.error(404, "no stub " + id + "; GET /admin/stubs lists the stubs in force");
        }
        return Answer.error(404, "no admin endpoint " + route + "; see GET /admin/stations, "
                + "POST /admin/stations/{id}/calls/{action}, GET /admin/stations/{id}/requests, /admin/stubs");
    }

    private Answer call(String stationId, Action action, JsonNode payload) {
        if (!action.sentByCsms()) {
            throw new IllegalArgumentException(action + " is sent by a station, not by a CSMS");
        }
        if (!payload.isObject()) {
            throw new IllegalArgumentException("the body must be the " + action + " payload, a JSON object");
        }
        if (!csms.isConnected(stationId)) {
            return Answer.error(404, "station " + stationId + " is not connected; GET /admin/stations lists "
                    + "those that are");
        }
        try {
            ObjectNode result = csms.send(stationId, action, (ObjectNode) payload).join();
            return Answer.ok(Json.object().set("result", result));
        } catch (CompletionException e) {
            if (e.getCause() instanceof CallFailedException failed) {
                return failure(stationId, action, failed);
            }
            throw e;
        }
    }

    private static Answer failure(String stationId, Action action, CallFailedException failed) {
        return switch (failed.reason()) {
            case CALL_ERROR -> {
                CallError error = failed.callError();
                ObjectNode body = Json.object();
                body.putObject("error").put("code", error.errorCode().name())
                        .put("description", error.errorDescription())
                        .set("details", error.errorDetails());
                yield Answer.ok(body);
            }
            case INVALID_REQUEST -> Answer.error(400, failed.getMessage());
            case NOT_CONNECTED, CONNECTION_LOST -> Answer.error(404, "station " + stationId
                    + " went away before it answered " + action + ": " + failed.getMessage());
            case TIMEOUT, INVALID_RESPONSE -> Answer.error(502, "station " + stationId + " did not answer "
                    + action + " as it should: " + failed.getMessage());
        };
    }

    private Answer requests(String stationId, String actionName) {
        List<RecordedRequest> recorded = actionName == null ? csms.requests(stationId)
                : csms.requests(stationId, action(decoded(actionName)));
        ArrayNode list = Json.mapper().createArrayNode();
        for (RecordedRequest request : recorded) {
            list.addObject().put("time", request.time().toString()).put("stationId", request.stationId())
                    .put("action", request.action().name()).put("messageId", request.messageId())
                    .set("payload", request.payload());
        }
        return Answer.ok(Json.object().set("requests", list));
    }

    private static ObjectNode describe(Stub stub) {
        return Json.object().put("id", stub.id().toString()).put("stub", stub.toString());
    }

    private static Action action(String name) {
        return Action.named(name).orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an "
                + "OCPP 2.0.1 action; spell it as in the specification, for example Reset"));
    }

    private static UUID stubId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a stub id; GET /admin/stubs lists them");
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Json.parse(text.isBlank() ? "{}" : text);
        }
    }

    private static String decoded(String pathPart) {
        return URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode array = Json.mapper().createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private record Answer(int status, JsonNode body) {

        static Answer ok(JsonNode body) {
            return new Answer(200, body);
        }

        static Answer error(int status, String line) {
            return new Answer(status, Json.object().put("error", line));
        }
    }
}
