package io.ocppbdd.cli;

import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.ev.EvMode;
import io.ocppbdd.station.ev.SimulatedEv;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --ev} and {@code --ev-plug-delay}: what the station's simulated EV driver does on its own. */
final class EvOptions {

    @Option(names = "--ev", paramLabel = "auto|manual", defaultValue = "auto", converter = ModeConverter.class,
            description = "auto: after a remote start the simulated driver plugs in, the EV charges, and the "
                    + "driver unplugs once charging is over; manual: nobody touches the cable. "
                    + "Default: ${DEFAULT-VALUE}.")
    private EvMode mode;

    @Option(names = "--ev-plug-delay", paramLabel = "<time>", defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How long the simulated driver takes to plug in after a remote start, and to unplug "
                    + "after charging: 500ms, 5s, 2m. Default: ${DEFAULT-VALUE}.")
    private Duration plugDelay;

    /** Sets the station's simulated EV as the options say. */
    void apply(ChargingStation station) {
        station.module(SimulatedEv.class).mode(mode).plugDelay(plugDelay);
    }

    static final class ModeConverter implements ITypeConverter<EvMode> {
        @Override
        public EvMode convert(String value) {
            try {
                return EvMode.fromName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A number with the unit ms, s, m or h; a bare number counts seconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

        @Override
        public Duration convert(String value) {
            Matcher matcher = DURATION.matcher(value.trim());
            if (!matcher.matches()) {
                throw new TypeConversionException("'" + value + "' is not a time (for example 500ms, 5s or 2m)");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }
}
