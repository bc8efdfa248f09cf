package io.ocppbdd.driver;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A real CSMS made to act through its own HTTP API, one request per CSMS-initiated CALL as an {@link HttpMapping}
 * says. Environment variables in the mapping ({@code ${CSMS_TOKEN}}) are read when a request is made and never
 * appear in a message: those show {@code ${CSMS_TOKEN}} instead.
 */
final class HttpCsmsDriver extends ExternalCsmsDriver {

    private static final int BODY_SHOWN = 200;

    private final HttpMapping mapping;
    private final Map<String, String> values;
    private final Function<String, String> environment;
    private final HttpClient client;

    HttpCsmsDriver(URI url, HttpMapping mapping, Map<String, String> values, Function<String, String> environment,
                   Duration patience) {
        super(url, patience);
        this.mapping = mapping;
        this.values = Map.copyOf(values);
        this.environment = environment;
        this.client = HttpClient.newBuilder().connectTimeout(mapping.timeout()).build();
    }

    @Override
    public String describe() {
        return "the CSMS at " + url() + ", steered through its HTTP API (" + mapping.actionsWhere() + ")";
    }

    @Override
    CompletionStage<Void> order(String stationId, Action action, ObjectNode payload) {
        Optional<HttpMapping.Request> mapped = mapping.request(action);
        if (mapped.isEmpty()) {
            return CompletableFuture.failedFuture(new CsmsCannotAct("the HTTP mapping " + mapping.actionsWhere()
                    + " has no entry for " + action + ", so the CSMS cannot be made to send it; add " + action
                    + ": {url: ...} under actions:"));
        }
        HttpMapping.Request request = mapped.get();
        Map<String, String> known = new HashMap<>(values);
        known.put("stationId", stationId);
        known.put("action", action.name());
        String shownUrl = request.method() + " " + request.url().render(
                name -> percentEncoded(known.get(name)), variable -> "${" + variable + "}");
        try {
            HttpRequest http = build(request, known, payload);
            return client.sendAsync(http, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        if (failure != null) {
                            throw new CompletionException(new CsmsTriggerFailed("could not reach the CSMS API for "
                                    + action + " to " + stationId + ": " + cause(failure) + " from " + shownUrl
                                    + "; is the API running? check baseUrl and url at " + request.where()));
                        }
                        check(request, response, stationId, shownUrl);
                        return null;
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HttpRequest build(HttpMapping.Request request, Map<String, String> known, ObjectNode payload) {
        UnaryOperator<String> variable = name -> variable(request, name);
        String target = request.url().render(name -> percentEncoded(known.get(name)),
                name -> percentEncoded(variable.apply(name)));
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw new CsmsTriggerFailed("the url at " + request.where() + " makes '" + request.url()
                    + "' an invalid URL (" + e.getMessage() + "); fix the url or baseUrl");
        }
        String body = request.body().render(
                name -> HttpMapping.PAYLOAD.equals(name) ? Json.write(payload) : jsonEscaped(known.get(name)),
                name -> jsonEscaped(variable.apply(name)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(mapping.timeout())
                .method(request.method(), request.method().equals("GET") || request.method().equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean contentType = false;
        for (Map.Entry<String, Template> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue().render(known::get, variable));
            contentType |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!contentType) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private String variable(HttpMapping.Request request, String name) {
        String value = environment.apply(name);
        if (value == null || value.isEmpty()) {
            throw new CsmsCannotAct("the HTTP mapping for " + request.action() + " at " + request.where()
                    + " needs the environment variable " + name + ", which is not set; set it before the run");
        }
        return value;
    }

    private static void check(HttpMapping.Request request, HttpResponse<String> response, String stationId,
                              String shownUrl) {
        String body = response.body() == null ? "" : response.body();
        boolean statusOk = request.successful(response.statusCode());
        Optional<String> conditionFailed = statusOk ? request.condition().filter(c -> !holds(c, body))
                .map(c -> " (expected " + c + ")") : Optional.empty();
        if (!statusOk || conditionFailed.isPresent()) {
            throw new CompletionException(new CsmsTriggerFailed("the CSMS API did not take " + request.action()
                    + " for " + stationId + ": HTTP " + response.statusCode() + " " + shortened(body)
                    + conditionFailed.orElse("") + " from " + shownUrl + "; check that the CSMS knows the station "
                    + "and that it is connected, and the mapping at " + request.where()));
        }
    }

    private static boolean holds(HttpMapping.BodyCondition condition, String body) {
        JsonNode answer;
        try {
            answer = Json.parse(body);
        } catch (RuntimeException e) {
            return false;
        }
        return condition.holds(answer);
    }

    private static String shortened(String body) {
        String line = body.replaceAll("\\s+", " ").trim();
        return line.length() <= BODY_SHOWN ? line : line.substring(0, BODY_SHOWN) + "...";
    }

    private static String cause(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so a value is safe in a path or a query. */
    static String percentEncoded(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String jsonEscaped(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }
}
