package io.ocppbdd.profile;

import io.ocppbdd.config.ConfigError;
import io.ocppbdd.config.YamlNode;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a profile setting may come from, in the order that wins: a system property, an environment variable, the
 * profile file. Each value remembers where it came from, so a complaint about it can say so.
 */
record Settings(Function<String, String> properties, Function<String, String> environment) {

    /** A setting's text and where it was found ({@code -Dname}, {@code NAME} or {@code file:line}). */
    record Found(String text, String where) {

        ConfigError error(String problem) {
            return new ConfigError(where + ": " + problem);
        }
    }

    /** The setting from the property, else the environment variable, else the profile node. */
    Optional<Found> find(String property, String variable, YamlNode node) {
        String value = environment.apply(variable);
        return present(value) && !present(properties.apply(property))
                ? Optional.of(new Found(value.trim(), variable + "=" + value.trim()))
                : find(property, Optional.of(node));
    }

    /** The setting from the property, else the profile node, if there is one. */
    Optional<Found> find(String property, Optional<YamlNode> node) {
        String value = properties.apply(property);
        if (present(value)) {
            return Optional.of(new Found(value.trim(), "-D" + property + "=" + value.trim()));
        }
        return node.flatMap(YamlNode::text).filter(Settings::present)
                .map(text -> new Found(text.trim(), node.get().where()));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
