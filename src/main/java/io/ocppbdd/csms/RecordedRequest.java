package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;

import java.time.Instant;

/** A request a station sent to the embedded CSMS. */
public record RecordedRequest(Instant time, String stationId, Action action, String messageId, ObjectNode payload) {
}
