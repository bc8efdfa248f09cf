package io.ocppbdd.driver;

/**
 * A transaction in progress as it was at one moment.
 *
 * @param chargingState the last reported charging state (Charging, SuspendedEV, ...), null before any
 * @param nextSeqNo     the seqNo of its next TransactionEvent
 */
public record TransactionSnapshot(String id, int evseId, boolean authorized, String chargingState, int nextSeqNo) {
}
