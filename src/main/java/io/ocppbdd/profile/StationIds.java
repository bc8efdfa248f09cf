package io.ocppbdd.profile;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Which identity each station of a scenario has at the CSMS under test. Three ways: the names the feature writes,
 * as written (the embedded CSMS: one per scenario, so no clash); a fresh id per station and scenario from a prefix
 * (an external CSMS that accepts unknown stations: no two running scenarios share an id); or fixed ids the CSMS
 * knows, handed out in order (then scenarios must run one at a time, see {@link #requiresSerialExecution()}).
 */
public final class StationIds {

    /** OCPP 2.0.1 Part 4 §3.1.1: identifierString without ':' (the Basic auth separator), at most 48 characters. */
    static final int MAX_LENGTH = 48;
    static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9*\\-_=+|@.]+");
    static final String DEFAULT_PREFIX = "ocppbdd-";
    /** Room a fresh id needs after its prefix: the run's tag, a dash and up to six digits of a counter. */
    static final int FRESH_PART = 8 + 1 + 6;

    private static final String RUN = runTag();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String source;
    private final String prefix;
    private final List<String> fixed;

    private StationIds(String source, String prefix, List<String> fixed) {
        this.source = source;
        this.prefix = prefix;
        this.fixed = fixed;
    }

    static StationIds asWritten(String source) {
        return new StationIds(source, null, List.of());
    }

    static StationIds fresh(String source, String prefix) {
        return new StationIds(source, prefix, List.of());
    }

    static StationIds fixed(String source, List<String> ids) {
        return new StationIds(source, null, List.copyOf(ids));
    }

    /** Whether scenarios must run one at a time: the profile lists fixed ids, which two scenarios cannot share. */
    public boolean requiresSerialExecution() {
        return !fixed.isEmpty();
    }

    /** A new allocation for one scenario. */
    public Scenario newScenario() {
        return new Scenario();
    }

    /** The ids of one scenario's stations: the same name gets the same id, a new name the next id. */
    public final class Scenario {

        private final Map<String, String> ids = new HashMap<>();

        private Scenario() {
        }

        /** The identity at the CSMS of the station this scenario calls {@code name}. */
        public synchronized String idFor(String name) {
            return ids.computeIfAbsent(name, this::next);
        }

        private String next(String name) {
            if (prefix != null) {
                return prefix + RUN + "-" + SEQUENCE.incrementAndGet();
            }
            if (fixed.isEmpty()) {
                return name;
            }
            if (ids.size() == fixed.size()) {
                throw new ProfileValueMissing(source, "stations.ids entry for a station number " + (ids.size() + 1),
                        "it lists " + fixed.size() + " and station '" + name + "' needs one more");
            }
            return fixed.get(ids.size());
        }
    }

    /** Eight base-36 characters, random per JVM, so ids differ across runs as well as within one. */
    private static String runTag() {
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            tag.append(Character.forDigit(random.nextInt(36), 36));
        }
        return tag.toString();
    }

    @Override
    public String toString() {
        return prefix != null ? "fresh ids from the prefix " + prefix
                : fixed.isEmpty() ? "the ids the features write" : "the fixed ids " + fixed;
    }
}
