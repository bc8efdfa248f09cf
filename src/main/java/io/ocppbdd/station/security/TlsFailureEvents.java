package io.ocppbdd.station.security;

import io.ocppbdd.station.StationContext;

import java.util.HashSet;
import java.util.Set;

/**
 * Reports TLS failures of connection attempts as security events once the station is connected and accepted
 * again (A00.FR.310/316, A00.FR.413/419, TC_A_05_CS, TC_A_06_CS): one event per kind for any number of failed
 * attempts in a row, so that a station retrying for hours does not flood its queue (A00.FR.316 note).
 */
final class TlsFailureEvents {

    private final StationContext context;
    private final Set<String> waiting = new HashSet<>();

    TlsFailureEvents(StationContext context) {
        this.context = context;
    }

    void failed(ConnectFailure kind, Throwable failure) {
        kind.securityEvent().filter(waiting::add).ifPresent(type -> SecurityEvents
                .send(context, type, String.valueOf(failure.getMessage()))
                .whenComplete((answer, problem) -> waiting.remove(type)));
    }
}
