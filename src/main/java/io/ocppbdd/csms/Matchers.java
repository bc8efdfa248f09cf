package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The kinds of {@link RequestMatcher}. */
final class Matchers {

    private Matchers() {
    }

    /** Every one of some conditions; none means any request. */
    record AllOf(List<RequestMatcher> parts) implements RequestMatcher {

        static final AllOf NONE = new AllOf(List.of());

        static RequestMatcher of(RequestMatcher first, RequestMatcher second) {
            List<RequestMatcher> parts = new ArrayList<>();
            for (RequestMatcher matcher : List.of(first, second)) {
                parts.addAll(matcher instanceof AllOf all ? all.parts : List.of(matcher));
            }
            return parts.size() == 1 ? parts.get(0) : new AllOf(List.copyOf(parts));
        }

        @Override
        public String description() {
            return parts.isEmpty() ? "any" : String.join(" and ", parts.stream().map(RequestMatcher::description)
                    .toList());
        }

        @Override
        public List<String> mismatches(RecordedRequest request) {
            return parts.stream().flatMap(part -> part.mismatches(request).stream()).toList();
        }
    }

    record FromStation(String stationId) implements RequestMatcher {
        @Override
        public String description() {
            return "from " + stationId;
        }

        @Override
        public List<String> mismatches(RecordedRequest request) {
            return request.stationId().equals(stationId) ? List.of() : List.of("from " + request.stationId());
        }
    }

    record ValueAt(String pointer, String name, JsonNode expected) implements RequestMatcher {
        @Override
        public String description() {
            return name + " = " + expected;
        }

        @Override
        public List<String> mismatches(RecordedRequest request) {
            JsonNode actual = request.payload().at(pointer);
            if (actual.equals(expected) || expected.isTextual() && actual.isValueNode()
                    && actual.asText().equals(expected.textValue())) {
                return List.of();
            }
            return List.of(name + (actual.isMissingNode() ? " is absent" : " is " + actual));
        }
    }

    record Present(String pointer) implements RequestMatcher {
        @Override
        public String description() {
            return pointer + " present";
        }

        @Override
        public List<String> mismatches(RecordedRequest request) {
            return request.payload().at(pointer).isMissingNode() ? List.of(pointer + " is absent") : List.of();
        }
    }

    record PayloadTest(String description, Predicate<ObjectNode> test) implements RequestMatcher {
        @Override
        public List<String> mismatches(RecordedRequest request) {
            return test.test(request.payload()) ? List.of() : List.of("not " + description);
        }
    }
}
