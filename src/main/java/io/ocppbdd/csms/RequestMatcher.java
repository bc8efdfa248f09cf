package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;

import java.util.List;
import java.util.function.Predicate;

/**
 * A condition on a station request that says what it wants and, for a request that misses it, why:
 * <pre>{@code
 * RequestMatcher bad = RequestMatcher.at("/idToken/idToken", "BAD");
 * bad.description();        // /idToken/idToken = "BAD"
 * bad.mismatches(request);  // [/idToken/idToken is "GOOD"]
 * }</pre>
 * Conditions on paths compare JSON values; a string also matches a number or boolean written the same way,
 * so {@code at("/evseId", "1")} matches {@code "evseId": 1}.
 */
public interface RequestMatcher {

    /** What a matching request looks like, e.g. {@code /idToken/idToken = "BAD"}. */
    String description();

    /** Why this request does not match, one reason per failed condition; empty when it matches. */
    List<String> mismatches(RecordedRequest request);

    default boolean matches(RecordedRequest request) {
        return mismatches(request).isEmpty();
    }

    /** Both conditions. */
    default RequestMatcher and(RequestMatcher other) {
        return Matchers.AllOf.of(this, other);
    }

    /** Every request. */
    static RequestMatcher any() {
        return Matchers.AllOf.NONE;
    }

    /** Requests from this station. */
    static RequestMatcher station(String stationId) {
        return new Matchers.FromStation(stationId);
    }

    /** Requests whose top-level payload field has this value, e.g. {@code field("reason", "PowerUp")}. */
    static RequestMatcher field(String name, Object value) {
        String pointer = "/" + name.replace("~", "~0").replace("/", "~1");
        return new Matchers.ValueAt(pointer, name, Json.mapper().valueToTree(value));
    }

    /**
     * Requests with this value at a JSON pointer ({@code /idToken/idToken}) or a dotted path
     * ({@code idToken.idToken}, {@code evse.0.id}).
     */
    static RequestMatcher at(String path, Object value) {
        String pointer = pointer(path);
        return new Matchers.ValueAt(pointer, pointer, Json.mapper().valueToTree(value));
    }

    /** Requests that have a value at this JSON pointer or dotted path. */
    static RequestMatcher exists(String path) {
        return new Matchers.Present(pointer(path));
    }

    /** Requests whose payload passes a test; the description names it in failure reports. */
    static RequestMatcher payload(String description, Predicate<ObjectNode> test) {
        return new Matchers.PayloadTest(description, test);
    }

    private static String pointer(String path) {
        return path.startsWith("/") ? path : "/" + path.replace('.', '/');
    }
}
