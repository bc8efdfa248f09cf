package io.ocppbdd.rpc;

import java.time.Instant;

/**
 * One frame on the wire: when, which station's connection, which way, and the exact text.
 *
 * @param endpoint the identity of the endpoint that recorded it (a station id, or "CSMS/station id")
 */
public record TraceEntry(Instant time, String endpoint, Direction direction, String frame) {
}
