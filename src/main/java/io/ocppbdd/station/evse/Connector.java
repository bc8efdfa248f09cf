package io.ocppbdd.station.evse;

import io.ocppbdd.protocol.messages.ConnectorStatusEnum;

/**
 * One connector of an EVSE and its status state machine. The status follows from what is true of the connector,
 * strongest first: Faulted, Occupied (a cable is plugged in), Unavailable, Reserved, Available.
 */
public final class Connector {

    private final int evseId;
    private final int id;
    private boolean cablePlugged;
    private boolean unavailable;
    private boolean reserved;
    private boolean faulted;

    Connector(int evseId, int id, ConnectorStatusEnum lastKnown) {
        this.evseId = evseId;
        this.id = id;
        this.cablePlugged = lastKnown == ConnectorStatusEnum.OCCUPIED;
        this.unavailable = lastKnown == ConnectorStatusEnum.UNAVAILABLE;
        this.reserved = lastKnown == ConnectorStatusEnum.RESERVED;
        this.faulted = lastKnown == ConnectorStatusEnum.FAULTED;
    }

    public int evseId() {
        return evseId;
    }

    public int id() {
        return id;
    }

    public boolean isCablePlugged() {
        return cablePlugged;
    }

    /** The status this connector reports in StatusNotification. */
    public ConnectorStatusEnum status() {
        if (faulted) {
            return ConnectorStatusEnum.FAULTED;
        }
        if (cablePlugged) {
            return ConnectorStatusEnum.OCCUPIED;
        }
        if (unavailable) {
            return ConnectorStatusEnum.UNAVAILABLE;
        }
        return reserved ? ConnectorStatusEnum.RESERVED : ConnectorStatusEnum.AVAILABLE;
    }

    void cablePlugged(boolean plugged) {
        this.cablePlugged = plugged;
    }

    void unavailable(boolean value) {
        this.unavailable = value;
    }

    void reserved(boolean value) {
        this.reserved = value;
    }

    void faulted(boolean value) {
        this.faulted = value;
    }

    @Override
    public String toString() {
        return "EVSE " + evseId + " connector " + id + " (" + status().value() + ")";
    }
}
