package io.ocppbdd.station.smartcharging;

import java.time.Instant;
import java.util.Optional;

/**
 * What smart charging needs to know about transactions: which one runs on an EVSE (a TxProfile needs one,
 * K01.FR.09/K01.FR.33) and when it started (Relative profiles count from there, K01.FR.42).
 * The transaction engine implements it; {@link #NONE} says no EVSE has a transaction. Asked on the station's
 * loop, for existing EVSEs (id 1 and up) only.
 */
public interface ActiveTransactions {

    /** No transaction on any EVSE. */
    ActiveTransactions NONE = new ActiveTransactions() {
        @Override
        public Optional<String> transactionId(int evseId) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> startedAt(int evseId) {
            return Optional.empty();
        }
    };

    /** The id of the transaction running on this EVSE, if any. */
    Optional<String> transactionId(int evseId);

    /** When the transaction on this EVSE became ready to deliver energy, if one runs. */
    Optional<Instant> startedAt(int evseId);
}
