package io.ocppbdd.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a test makes the CSMS under test send CSMS-initiated messages. */
enum Trigger {
    /** The embedded CSMS, which sends any CALL on request. */
    EMBEDDED,
    /** A real CSMS, through its own HTTP API and the profile's mapping. */
    HTTP,
    /** A real CSMS, through an operator who reads one line per CALL. */
    MANUAL,
    /** No way: scenarios that need the CSMS to act are skipped. */
    NONE;

    /** The trigger written as {@code embedded|http|manual|none}, any case. */
    static Optional<Trigger> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
