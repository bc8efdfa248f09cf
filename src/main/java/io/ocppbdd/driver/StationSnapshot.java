package io.ocppbdd.driver;

import io.ocppbdd.station.BootStatus;

import java.util.List;
import java.util.Optional;

/**
 * A read-only picture of a station taken on its loop, so every part of it belongs to the same moment.
 *
 * @param offlineQueue how many CALLs wait for the station to be accepted and online
 */
public record StationSnapshot(String id, boolean connected, BootStatus bootStatus, int offlineQueue,
                              List<EvseSnapshot> evses) {

    public StationSnapshot {
        evses = List.copyOf(evses);
    }

    /** The EVSE with this id. */
    public EvseSnapshot evse(int evseId) {
        return evses.stream().filter(evse -> evse.id() == evseId).findFirst().orElseThrow(() ->
                new IllegalArgumentException("EVSE " + evseId + " does not exist (" + id + " has EVSEs 1.."
                        + evses.size() + ")"));
    }

    /** Every transaction in progress, by EVSE. */
    public List<TransactionSnapshot> transactions() {
        return evses.stream().map(EvseSnapshot::transaction).flatMap(Optional::stream).toList();
    }
}
