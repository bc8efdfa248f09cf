package io.ocppbdd.cucumber;

import io.ocppbdd.protocol.Action;

import java.util.Arrays;

/**
 * The statuses a station reports about one CSMS request (FirmwareStatusNotification, LogStatusNotification): the
 * next unchecked notifications with the request's id carry exactly these statuses, in this order.
 */
final class StatusSteps {

    /** The regular expression of a comma-separated status list in a step: "Downloading, Downloaded". */
    static final String LIST = "(\\w+(?:, \\w+)*)";

    private StatusSteps() {
    }

    static void expectNext(OcppWorld world, Action notification, int requestId, String statuses) {
        world.expect().sends(notification).where("requestId", Integer.toString(requestId))
                .inOrder("status", Arrays.asList(statuses.split(", ")), OcppWorld.PATIENCE);
    }
}
