package io.ocppbdd.cucumber;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.ChargingStation;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.util.Arrays;
import java.util.List;

/**
 * The statuses a station reported about one CSMS request in its notifications (FirmwareStatusNotification,
 * LogStatusNotification), matched by requestId, and the step check that they are exactly the expected ones.
 */
final class StatusSequence {

    /** The regular expression of a comma-separated status list in a step: "Downloading, Downloaded". */
    static final String LIST = "(\\w+(?:, \\w+)*)";

    private StatusSequence() {
    }

    /** Waits until the station has reported exactly these statuses ("A, B, C") for the request, in this order. */
    static void await(OcppWorld world, Action notification, int requestId, String statuses) {
        List<String> expected = Arrays.asList(statuses.split(", "));
        ChargingStation station = world.station();
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE)
                    .until(() -> reported(station, notification, requestId).equals(expected));
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure(notification + " statuses " + expected + " for requestId " + requestId,
                    "they were " + reported(station, notification, requestId), station);
        }
    }

    private static List<String> reported(ChargingStation station, Action notification, int requestId) {
        return Conversation.sentBy(station, notification).stream().map(exchange -> exchange.call().payload())
                .filter(payload -> payload.path("requestId").asInt() == requestId)
                .map(payload -> payload.path("status").asText()).toList();
    }
}
