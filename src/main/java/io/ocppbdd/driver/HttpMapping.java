package io.ocppbdd.driver;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbdd.config.YamlNode;
import io.ocppbdd.protocol.Action;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to make a real CSMS send each CSMS-initiated action through its own HTTP API, read from YAML:
 * <pre>
 * baseUrl: http://localhost:8080
 * timeoutSeconds: 30
 * defaults:                       # for every action, unless the action says otherwise
 *   method: POST
 *   headers: {Authorization: "Bearer ${CSMS_TOKEN}"}
 *   body: "{payload}"
 *   success: {status: [200], json: {pointer: /0/success, equals: true}}
 * actions:
 *   Reset: {url: "/ocpp/2.0.1/configuration/reset?identifier={stationId}&amp;tenantId={tenantId}"}
 * </pre>
 */
final class HttpMapping {

    private static final Set<String> TOP_KEYS = Set.of("baseUrl", "timeoutSeconds", "defaults", "actions");
    private static final Set<String> REQUEST_KEYS = Set.of("method", "url", "headers", "body", "success");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> BUILT_IN = Set.of("stationId", "action");
    static final String PAYLOAD = "payload";

    /** One action's HTTP request and what answer counts as success; {@code where} is its place in the file. */
    record Request(Action action, String method, Template url, Map<String, Template> headers, Template body,
                   Set<Integer> statuses, Optional<BodyCondition> condition, String where) {

        boolean successful(int status) {
            return statuses.isEmpty() ? status >= 200 && status < 300 : statuses.contains(status);
        }
    }

    /** The answer's JSON must hold {@code equals} at {@code pointer}. */
    record BodyCondition(JsonPointer pointer, JsonNode equals) {

        boolean holds(JsonNode answer) {
            JsonNode found = answer.at(pointer);
            return found.equals(equals) || found.isValueNode() && equals.isValueNode()
                    && found.asText().equals(equals.asText());
        }

        @Override
        public String toString() {
            return pointer + " = " + equals;
        }
    }

    private final Map<Action, Request> requests;
    private final String actionsWhere;
    private final Duration timeout;

    private HttpMapping(Map<Action, Request> requests, String actionsWhere, Duration timeout) {
        this.requests = requests;
        this.actionsWhere = actionsWhere;
        this.timeout = timeout;
    }

    /**
     * Reads a mapping; {@code values} are the names a template may use besides {@code stationId}, {@code action}
     * and (in a body) {@code payload}. A mistake is a {@link io.ocppbdd.config.ConfigError} naming file and line.
     */
    static HttpMapping parse(YamlNode root, Set<String> values) {
        root.onlyKeys(TOP_KEYS);
        String baseUrl = root.get("baseUrl").text().orElse("");
        if (!baseUrl.isEmpty() && !isAbsolute(baseUrl)) {
            throw root.get("baseUrl").error("baseUrl must start with http:// or https://, not '" + baseUrl + "'");
        }
        YamlNode defaults = root.get("defaults").onlyKeys(REQUEST_KEYS);
        YamlNode actions = root.get("actions");
        if (actions.fields().isEmpty()) {
            throw actions.error("the HTTP mapping has no actions; add actions: with one entry per CSMS action, "
                    + "for example 'Reset: {url: /reset?station={stationId}}'");
        }
        Map<Action, Request> requests = new EnumMap<>(Action.class);
        for (Map.Entry<String, YamlNode> entry : actions.fields()) {
            YamlNode spec = entry.getValue().onlyKeys(REQUEST_KEYS);
            Action action = Action.named(entry.getKey()).filter(Action::sentByCsms).orElseThrow(() -> spec.error(
                    "'" + entry.getKey() + "' is not an OCPP 2.0.1 action a CSMS sends; spell it as in the "
                            + "specification, for example RequestStartTransaction"));
            requests.put(action, request(action, baseUrl, spec, defaults, values));
        }
        int seconds = root.get("timeoutSeconds").integer().orElse(30);
        if (seconds <= 0) {
            throw root.get("timeoutSeconds").error("timeoutSeconds must be positive, not " + seconds);
        }
        return new HttpMapping(Map.copyOf(requests), actions.where(), Duration.ofSeconds(seconds));
    }

    /** The request for this action, if the mapping has one. */
    Optional<Request> request(Action action) {
        return Optional.ofNullable(requests.get(action));
    }

    /** Where the actions are listed ({@code citrineos.yaml:20}), to say where one is missing. */
    String actionsWhere() {
        return actionsWhere;
    }

    /** How long one API request may take. */
    Duration timeout() {
        return timeout;
    }

    private static Request request(Action action, String baseUrl, YamlNode spec, YamlNode defaults,
                                   Set<String> values) {
        YamlNode urlNode = pick(spec, defaults, "url");
        String url = urlNode.text().orElseThrow(() -> spec.error(action + " has no url; add url: with the API "
                + "path, for example /reset?station={stationId}"));
        if (!isAbsolute(url) && baseUrl.isEmpty()) {
            throw urlNode.error("url '" + url + "' is relative but the mapping has no baseUrl; add baseUrl: "
                    + "http://host:port or write the whole URL");
        }
        Template urlTemplate = checked(new Template(isAbsolute(url) ? url : baseUrl + url), urlNode, values, false);
        YamlNode methodNode = pick(spec, defaults, "method");
        String method = methodNode.text().orElse("POST").toUpperCase();
        if (!METHODS.contains(method)) {
            throw methodNode.error("method " + method + " is not one of " + new TreeSet<>(METHODS));
        }
        Map<String, Template> headers = new LinkedHashMap<>();
        for (YamlNode level : List.of(defaults, spec)) {
            for (Map.Entry<String, YamlNode> header : level.get("headers").fields()) {
                headers.put(header.getKey(), checked(new Template(header.getValue().text().orElse("")),
                        header.getValue(), values, false));
            }
        }
        YamlNode bodyNode = pick(spec, defaults, "body");
        Template body = checked(new Template(bodyNode.text().orElse("{" + PAYLOAD + "}")), bodyNode, values, true);
        YamlNode success = pick(spec, defaults, "success").onlyKeys(Set.of("status", "json"));
        return new Request(action, method, urlTemplate, Map.copyOf(headers), body, statuses(success.get("status")),
                condition(success.get("json")), spec.where());
    }

    /** The action's own setting if it has one, else the default. */
    private static YamlNode pick(YamlNode spec, YamlNode defaults, String key) {
        return spec.get(key).isMissing() ? defaults.get(key) : spec.get(key);
    }

    private static Template checked(Template template, YamlNode node, Set<String> values, boolean body) {
        for (String name : template.names()) {
            boolean known = BUILT_IN.contains(name) || values.contains(name) || body && PAYLOAD.equals(name);
            if (!known) {
                throw node.error("{" + name + "} is not stationId, action" + (body ? ", payload" : "")
                        + " or a key under values: in the profile; add values: {" + name + ": ...} to the profile");
            }
        }
        return template;
    }

    private static Set<Integer> statuses(YamlNode node) {
        List<YamlNode> listed = node.value().isArray() ? node.elements() : node.isMissing() ? List.of() : List.of(node);
        Set<Integer> statuses = new TreeSet<>();
        for (YamlNode status : listed) {
            int code = status.integer().orElseThrow();
            if (code < 100 || code > 599) {
                throw status.error("HTTP status " + code + " does not exist; use 100 to 599");
            }
            statuses.add(code);
        }
        return Set.copyOf(statuses);
    }

    private static Optional<BodyCondition> condition(YamlNode node) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        node.onlyKeys(Set.of("pointer", "equals"));
        String pointer = node.get("pointer").text().filter(p -> p.startsWith("/")).orElseThrow(() -> node.error(
                "success.json needs pointer: a JSON pointer such as /0/success"));
        if (node.get("equals").isMissing() || !node.get("equals").value().isValueNode()) {
            throw node.error("success.json needs equals: the value expected at " + pointer + ", such as true");
        }
        return Optional.of(new BodyCondition(JsonPointer.compile(pointer), node.get("equals").value()));
    }

    private static boolean isAbsolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://") || url.startsWith("{")
                || url.startsWith("${");
    }
}
