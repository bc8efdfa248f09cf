package io.ocppbdd.scenario;

import io.ocppbdd.protocol.Action;

import java.time.Duration;
import java.util.Map;

/** One step of a scenario, with the line of the file it was written on. */
sealed interface Step {

    int line();

    /** The step as the summary names it. */
    String describe();

    /** A command of the shell's vocabulary, e.g. {@code plug 1}. */
    record Command(int line, String text) implements Step {
        @Override
        public String describe() {
            return text;
        }
    }

    /** Waits until a connector has a status. */
    record Until(int line, int evse, int connector, String status, Duration atMost) implements Step {
        @Override
        public String describe() {
            return "until connector " + connector + " of EVSE " + evse + " is " + status + ", at most "
                    + atMost.toSeconds() + " s";
        }
    }

    /** Expects a message of the conversation: what the station sent or answered, what the CSMS sent or answered. */
    record Expectation(int line, Kind kind, Action action, Map<String, String> where, Duration atMost)
            implements Step {
        @Override
        public String describe() {
            return "expect " + kind.phrase + " " + action + (where.isEmpty() ? "" : " where " + where);
        }
    }

    /** Whose message an expectation is about. */
    enum Kind {
        STATION_SENDS("stationSends", "the station sends"),
        CSMS_ANSWERS("csmsAnswers", "the CSMS answers"),
        CSMS_SENDS("csmsSends", "the CSMS sends"),
        STATION_ANSWERS("stationAnswers", "the station answers");

        final String key;
        final String phrase;

        Kind(String key, String phrase) {
            this.key = key;
            this.phrase = phrase;
        }
    }
}
