package io.ocppbdd.driver;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with placeholders: {@code {name}} for a value the trigger knows (station id, action, payload, a profile
 * value) and {@code ${NAME}} for an environment variable. The caller decides how each is filled and escaped.
 */
final class Template {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    private final String text;

    Template(String text) {
        this.text = text;
    }

    /** The {@code {name}} placeholders, in order of appearance. */
    Set<String> names() {
        return collect(2);
    }

    /** The {@code ${NAME}} environment variables, in order of appearance. */
    Set<String> variables() {
        return collect(1);
    }

    /** The text with each {@code {name}} replaced by {@code value} and each {@code ${NAME}} by {@code variable}. */
    String render(UnaryOperator<String> value, UnaryOperator<String> variable) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1) != null ? variable.apply(matcher.group(1))
                    : value.apply(matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private Set<String> collect(int group) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (matcher.group(group) != null) {
                found.add(matcher.group(group));
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return text;
    }
}
