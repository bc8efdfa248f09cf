package io.ocppbdd.expect;

import io.ocppbdd.driver.StationDriver;

/**
 * Expectations on what a station sent and what the CSMS answered, with failures that explain themselves: what
 * was expected, what came instead (the nearest miss first) and the station's recent frames.
 *
 * <pre>{@code
 * expect(station).sends(Action.BootNotification).where("reason", "PowerUp").within(Duration.ofSeconds(10));
 * expect(station).csmsAnswer(Action.BootNotification).where("status", "Accepted").within(Duration.ofSeconds(10));
 * expect(station).sends(Action.Heartbeat).hasNotSent();
 * }</pre>
 *
 * "Sends" expectations take the next CALL of the action that no expectation has checked yet, so two of them need
 * two messages; the checked ones are remembered per station for as long as its driver lives.
 */
public final class Expect {

    private static final int RECENT_FRAMES = 12;

    private Expect() {
    }

    /** Expectations on this station's conversation. */
    public static StationExpectations expect(StationDriver station) {
        return new StationExpectations(station, Cursors.of(station));
    }

    /** A failure that says what was expected, what came, and the station's recent frames. */
    public static AssertionError failure(StationDriver station, String expected, String actual) {
        return new AssertionError("Expected: " + expected + "\nBut:      " + actual + "\n" + recent(station));
    }

    private static String recent(StationDriver station) {
        var lines = station.recentFrames(RECENT_FRAMES);
        if (lines.isEmpty()) {
            return "No OCPP message was exchanged by " + station.id() + ".";
        }
        return "Recent OCPP messages of " + station.id() + " (→ sent, ← received):\n  " + String.join("\n  ", lines);
    }
}
