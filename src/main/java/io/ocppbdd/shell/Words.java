package io.ocppbdd.shell;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdTokenEnum;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values as the shell and scenario files write them: durations, token types, actions. */
public final class Words {

    /** A duration as written: {@code 10 s}, {@code 500ms}, {@code 2 min}, {@code 1 h}. */
    static final String DURATION_PATTERN = "^\\s*(\\d+)\\s*(ms|s|min|h)\\s*$";

    private static final Pattern DURATION = Pattern.compile(DURATION_PATTERN);

    private Words() {
    }

    /** The duration written this way, or empty. */
    public static Optional<Duration> duration(String text) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "min" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** The IdTokenEnumType of this name (ISO14443, eMAID, Central, ...), or empty. */
    static Optional<IdTokenEnum> tokenType(String name) {
        return Arrays.stream(IdTokenEnum.values()).filter(type -> type.value().equalsIgnoreCase(name)).findFirst();
    }

    /** The action of this name, case-insensitive, or empty. */
    static Optional<Action> action(String name) {
        return Arrays.stream(Action.values()).filter(action -> action.name().equalsIgnoreCase(name)).findFirst();
    }
}
