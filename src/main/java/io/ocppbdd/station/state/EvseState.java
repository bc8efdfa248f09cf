package io.ocppbdd.station.state;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/** One EVSE in the state file: its id and its connectors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class EvseState {

    private int id;
    private List<ConnectorState> connectors = new ArrayList<>();
    private Boolean evSuspended;
    private Boolean parkingBayOccupied;
    private MeterState meter;
    private TransactionState transaction;

    /** An EVSE with connectors numbered 1..count, all Available. */
    public static EvseState withConnectors(int id, int count) {
        EvseState evse = new EvseState();
        evse.id = id;
        for (int connector = 1; connector <= count; connector++) {
            evse.connectors.add(new ConnectorState(connector, "cType2", "Available"));
        }
        return evse;
    }

    public int getId() {
        return id;
    }

    public void setId(int id) {
        this.id = id;
    }

    public List<ConnectorState> getConnectors() {
        return connectors;
    }

    public void setConnectors(List<ConnectorState> connectors) {
        this.connectors = connectors;
    }

    /** Whether the plugged-in EV has suspended charging; absent when not. */
    public Boolean getEvSuspended() {
        return evSuspended;
    }

    public void setEvSuspended(Boolean evSuspended) {
        this.evSuspended = evSuspended;
    }

    /** Whether the parking bay detector sees an EV; absent when not. */
    public Boolean getParkingBayOccupied() {
        return parkingBayOccupied;
    }

    public void setParkingBayOccupied(Boolean parkingBayOccupied) {
        this.parkingBayOccupied = parkingBayOccupied;
    }

    /** The EVSE's energy meter and the plugged EV's battery; absent before the first reading. */
    public MeterState getMeter() {
        return meter;
    }

    public void setMeter(MeterState meter) {
        this.meter = meter;
    }

    /** The transaction in progress on this EVSE; absent when there is none. */
    public TransactionState getTransaction() {
        return transaction;
    }

    public void setTransaction(TransactionState transaction) {
        this.transaction = transaction;
    }

    /** One connector: its id (from 1 within the EVSE), its type (cType2 unless given) and its last known status. */
    public static final class ConnectorState {
        private int id;
        private String type = "cType2";
        private String status = "Available";
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        private List<String> faults = new ArrayList<>();

        public ConnectorState() {
        }

        public ConnectorState(int id, String type, String status) {
            this.id = id;
            this.type = type;
            this.status = status;
        }

        public int getId() {
            return id;
        }

        public void setId(int id) {
            this.id = id;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        /** The faults this connector suffers, by their OCPP 1.6 names (e.g. GroundFailure); absent when none. */
        public List<String> getFaults() {
            return faults;
        }

        public void setFaults(List<String> faults) {
            this.faults = faults;
        }
    }
}
