package io.ocppbdd.station.evse;

import io.ocppbdd.protocol.messages.ConnectorStatusEnum;

import java.util.List;
import java.util.Optional;

/** One EVSE: its connectors and whether the EV behind its plugged cable wants energy. */
public final class Evse {

    private final int id;
    private final List<Connector> connectors;
    private boolean evSuspended;
    private boolean parkingBayOccupied;

    Evse(int id, List<Connector> connectors) {
        this.id = id;
        this.connectors = List.copyOf(connectors);
    }

    public int id() {
        return id;
    }

    public List<Connector> connectors() {
        return connectors;
    }

    /** The connector with this id (1-based). */
    public Connector connector(int connectorId) {
        if (connectorId < 1 || connectorId > connectors.size()) {
            throw new IllegalArgumentException("EVSE " + id + " has no connector " + connectorId
                    + " (its connectors are 1.." + connectors.size() + ")");
        }
        return connectors.get(connectorId - 1);
    }

    /** The connector with a cable plugged in, if any (one per EVSE at a time, E01.FR.14). */
    public Optional<Connector> pluggedConnector() {
        return connectors.stream().filter(Connector::isCablePlugged).findFirst();
    }

    public boolean isEvSuspended() {
        return evSuspended;
    }

    public boolean isParkingBayOccupied() {
        return parkingBayOccupied;
    }

    void evSuspended(boolean suspended) {
        this.evSuspended = suspended;
    }

    void parkingBayOccupied(boolean occupied) {
        this.parkingBayOccupied = occupied;
    }

    /** The EVSE's own AvailabilityState: the strongest status among its connectors. */
    ConnectorStatusEnum availability() {
        List<ConnectorStatusEnum> statuses = connectors.stream().map(Connector::status).toList();
        for (ConnectorStatusEnum status : List.of(ConnectorStatusEnum.OCCUPIED, ConnectorStatusEnum.RESERVED,
                ConnectorStatusEnum.AVAILABLE, ConnectorStatusEnum.UNAVAILABLE)) {
            if (statuses.contains(status)) {
                return status;
            }
        }
        return ConnectorStatusEnum.FAULTED;
    }
}
