package io.ocppbdd.station.transactions;

import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;

import java.util.concurrent.CompletableFuture;

/**
 * How the transaction engine authorizes an idToken a driver presents (Part 2 §C: cache, local list, Authorize).
 * The station's authorization block provides it; {@link CsmsTokenAuthorizer} asks the CSMS every time.
 */
public interface TokenAuthorizer {

    /** The verdict on this idToken for this EVSE; the future completes on the station's loop. */
    CompletableFuture<IdTokenInfo> authorize(IdToken token, int evseId);

    /** Learns the idTokenInfo the CSMS returned in a TransactionEventResponse (C10 cache update). */
    void remember(IdToken token, IdTokenInfo info);
}
