package io.ocppbdd.expect;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** One thing a payload must satisfy, able to say what it wants and what a payload has instead. */
record Condition(String wanted, Predicate<ObjectNode> test, Function<ObjectNode, String> instead) {

    static Condition fieldIs(String path, String value) {
        return new Condition("\"" + path + "\" is \"" + value + "\"",
                payload -> value.equals(Fields.text(payload, path)),
                payload -> "\"" + path + "\" is \"" + Fields.text(payload, path) + "\"");
    }

    static Condition fieldIsOneOf(String path, List<String> values) {
        return new Condition("\"" + path + "\" is one of " + values,
                payload -> values.contains(Fields.text(payload, path)),
                payload -> "\"" + path + "\" is \"" + Fields.text(payload, path) + "\"");
    }

    static Condition fieldPresent(String path) {
        return new Condition("\"" + path + "\" is present", payload -> !Fields.read(payload, path).isMissingNode(),
                payload -> "\"" + path + "\" is absent");
    }

    static Condition custom(String description, Predicate<ObjectNode> test) {
        return new Condition(description, test, payload -> "it does not");
    }
}
