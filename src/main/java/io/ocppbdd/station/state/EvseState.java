package io.ocppbdd.station.state;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/** One EVSE in the state file: its id and its connectors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class EvseState {

    private int id;
    private List<ConnectorState> connectors = new ArrayList<>();

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

    /** One connector: its id (from 1 within the EVSE), its type and its last known status. */
    public static final class ConnectorState {
        private int id;
        private String type;
        private String status;

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
    }
}
