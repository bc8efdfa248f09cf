package io.ocppbdd.station.transactions;

import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenInfo;

import java.util.concurrent.CompletableFuture;

/**
 * How the transaction engine judges an idToken a driver presents (Part 2 §C: cache, local list, Authorize).
 * The station's authorization block provides it; {@link CsmsTokenAuthorizer} asks the CSMS every time.
 * Futures complete on any thread; the engine goes back to the station's loop itself.
 */
public interface TokenAuthorizer {

    /** The verdict on this idToken for this EVSE (C01). */
    CompletableFuture<IdTokenInfo> authorize(IdToken token, int evseId);

    /** Whether this verdict lets the driver charge at this EVSE (C01.FR.21: idTokenInfo.evseId). */
    default boolean mayStart(IdTokenInfo info, int evseId) {
        return info.getStatus() == AuthorizationStatusEnum.ACCEPTED
                && (info.getEvseId() == null || info.getEvseId().isEmpty() || info.getEvseId().contains(evseId));
    }

    /**
     * Whether a token presented during an authorized transaction ends its authorization (E07.FR.01, C09): the
     * starter's own token, or an accepted one of the starter's group.
     */
    CompletableFuture<Boolean> mayStop(IdToken presented, IdToken starter, IdTokenInfo starterInfo);

    /** Learns the idTokenInfo the CSMS returned in a TransactionEventResponse (C10 cache update). */
    void remember(IdToken token, IdTokenInfo info);
}
