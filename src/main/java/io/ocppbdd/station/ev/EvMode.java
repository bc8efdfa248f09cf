package io.ocppbdd.station.ev;

import java.util.Arrays;
import java.util.Locale;

/** Who handles the cable: the simulated driver on its own (auto), or the user through steps, shell or API. */
public enum EvMode {

    /** After a remote start the simulated driver plugs in; once charging is over it unplugs. */
    AUTO,
    /** Nothing happens at the EVSE unless someone says so. */
    MANUAL;

    /** The mode named {@code auto} or {@code manual} (case-insensitive). */
    public static EvMode fromName(String name) {
        return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown EV mode '" + name + "' (auto or manual)"));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
