package io.ocppbdd.driver;

import java.util.List;
import java.util.Optional;

/** An EVSE as it was at one moment: its connectors, the EV and parking bay, and its transaction if one runs. */
public record EvseSnapshot(int id, List<ConnectorSnapshot> connectors, boolean evSuspended, boolean parkingBayOccupied,
                           Optional<TransactionSnapshot> transaction) {

    public EvseSnapshot {
        connectors = List.copyOf(connectors);
    }
}
