package io.ocppbdd.station.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A transaction in progress as saved in the state file, enough to carry on after a restart with the same id and
 * the next seqNo: its id, the seqNo of the next TransactionEvent, when it started, what was last reported and who
 * authorized it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class TransactionState {

    private String id;
    private int nextSeqNo;
    private String startedAt;
    private String chargingState;
    private boolean connectorReported;
    private Token idToken;
    private Token groupIdToken;
    private boolean authorized;
    private String stoppedReason;
    private List<ObjectNode> endedMeterValues = new ArrayList<>();

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** The seqNo the next TransactionEvent of this transaction carries. */
    public int getNextSeqNo() {
        return nextSeqNo;
    }

    public void setNextSeqNo(int nextSeqNo) {
        this.nextSeqNo = nextSeqNo;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    /** The charging state last reported to the CSMS. */
    public String getChargingState() {
        return chargingState;
    }

    public void setChargingState(String chargingState) {
        this.chargingState = chargingState;
    }

    /** Whether an event already carried evse.connectorId (E01.FR.16). */
    public boolean isConnectorReported() {
        return connectorReported;
    }

    public void setConnectorReported(boolean connectorReported) {
        this.connectorReported = connectorReported;
    }

    /** The idToken that authorized the transaction; absent before authorization. */
    public Token getIdToken() {
        return idToken;
    }

    public void setIdToken(Token idToken) {
        this.idToken = idToken;
    }

    public Token getGroupIdToken() {
        return groupIdToken;
    }

    public void setGroupIdToken(Token groupIdToken) {
        this.groupIdToken = groupIdToken;
    }

    /** Whether the authorization still holds (it ends with a stop token, deauthorization or timeout). */
    public boolean isAuthorized() {
        return authorized;
    }

    public void setAuthorized(boolean authorized) {
        this.authorized = authorized;
    }

    /** The reason the transaction will give when it ends, once known (e.g. Local after a stop token). */
    public String getStoppedReason() {
        return stoppedReason;
    }

    public void setStoppedReason(String stoppedReason) {
        this.stoppedReason = stoppedReason;
    }

    /** The readings of SampledDataCtrlr.TxEndedMeasurands so far, as MeterValue JSON, for the Ended event. */
    public List<ObjectNode> getEndedMeterValues() {
        return endedMeterValues;
    }

    public void setEndedMeterValues(List<ObjectNode> endedMeterValues) {
        this.endedMeterValues = endedMeterValues;
    }

    /** An idToken: its value and type. */
    public record Token(String idToken, String type) {
    }
}
