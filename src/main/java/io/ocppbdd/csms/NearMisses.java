package io.ocppbdd.csms;

import io.ocppbdd.protocol.Action;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Explains a failed {@link EmbeddedCsms#verify verification}: what was expected, how many came, and the requests
 * that came closest (fewest failed conditions first), each with why it missed.
 */
final class NearMisses {

    /** Near misses shown at most. */
    static final int SHOWN = 5;
    private static final int PAYLOAD_SHOWN = 160;

    private record Miss(RecordedRequest request, List<String> reasons) {
    }

    private NearMisses() {
    }

    /** The report; candidates come best first when they miss equally (the station's newest first, say). */
    static String report(String stationId, int times, Action action, RequestMatcher matcher,
                         List<RecordedRequest> matched, List<RecordedRequest> candidates) {
        String where = matcher.equals(RequestMatcher.any()) ? "" : " where " + matcher.description();
        StringBuilder text = new StringBuilder("Expected exactly ").append(times).append(' ').append(action)
                .append(" from ").append(stationId).append(where).append(", but ").append(matched.size())
                .append(" came.");
        if (!matched.isEmpty()) {
            text.append("\nMatching:");
            matched.forEach(request -> text.append("\n  ").append(line(request)));
        }
        List<Miss> misses = misses(stationId, action, matcher, candidates);
        if (misses.isEmpty()) {
            text.append(matched.isEmpty() ? "\nNo other request came from " + stationId + " nor any " + action
                    + " from another station." : "");
        } else {
            text.append("\nNearest misses:");
            misses.stream().limit(SHOWN).forEach(miss -> text.append("\n  ").append(line(miss.request()))
                    .append(": ").append(String.join(", ", miss.reasons())));
        }
        return text.toString();
    }

    /** The candidates that miss, fewest failed conditions first, in the order given among equals. */
    private static List<Miss> misses(String stationId, Action action, RequestMatcher matcher,
                                     List<RecordedRequest> candidates) {
        List<Miss> misses = new ArrayList<>();
        for (RecordedRequest request : new LinkedHashSet<>(candidates)) {
            List<String> reasons = new ArrayList<>();
            if (request.action() != action) {
                reasons.add("it is " + request.action());
            }
            if (!request.stationId().equals(stationId)) {
                reasons.add("from " + request.stationId());
            }
            reasons.addAll(matcher.mismatches(request));
            if (!reasons.isEmpty()) {
                misses.add(new Miss(request, reasons));
            }
        }
        misses.sort(Comparator.comparingInt(miss -> miss.reasons().size()));
        return misses;
    }

    private static String line(RecordedRequest request) {
        return request.action() + " from " + request.stationId() + " at " + request.time() + " (message "
                + request.messageId() + ") " + abbreviated(request.payload().toString());
    }

    private static String abbreviated(String json) {
        return json.length() <= PAYLOAD_SHOWN ? json : json.substring(0, PAYLOAD_SHOWN) + "...";
    }
}
