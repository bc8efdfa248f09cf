package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.UnlockConnectorRequest;
import io.ocppbdd.protocol.messages.UnlockConnectorResponse;
import io.ocppbdd.protocol.messages.UnlockStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.transactions.TransactionModule;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UnlockConnector (F05). An unknown connector is UnknownConnector (F05.FR.03); a connector of an EVSE with an
 * authorized transaction stays locked, OngoingAuthorizedTransaction (F05.FR.02); otherwise the unlock is tried,
 * with or without a cable (F05.FR.06), and fails only for a connector simulated as stuck (F05.FR.04/05).
 */
public final class UnlockConnectorModule implements StationModule {

    private final EvseModule evses;
    private final TransactionModule transactions;
    private final Set<String> stuck = ConcurrentHashMap.newKeySet();

    public UnlockConnectorModule(EvseModule evses, TransactionModule transactions) {
        this.evses = evses;
        this.transactions = transactions;
    }

    /** Simulates a connector whose lock does (true) or no longer does (false) fail to open. */
    public void stuck(int evseId, int connectorId, boolean isStuck) {
        if (isStuck) {
            stuck.add(evseId + "/" + connectorId);
        } else {
            stuck.remove(evseId + "/" + connectorId);
        }
    }

    @Override
    public void install(StationContext context) {
        context.handle(Action.UnlockConnector, CallHandler.of(UnlockConnectorRequest.class, this::unlock));
    }

    private UnlockConnectorResponse unlock(UnlockConnectorRequest request) {
        int evseId = request.getEvseId();
        int connectorId = request.getConnectorId();
        UnlockStatusEnum status;
        if (evseId < 1 || evseId > evses.evses().size() || connectorId < 1
                || connectorId > evses.evse(evseId).connectors().size()) {
            status = UnlockStatusEnum.UNKNOWN_CONNECTOR;
        } else if (transactions.hasTransaction(evseId) && transactions.isAuthorized(evseId)) {
            status = UnlockStatusEnum.ONGOING_AUTHORIZED_TRANSACTION;
        } else if (stuck.contains(evseId + "/" + connectorId)) {
            status = UnlockStatusEnum.UNLOCK_FAILED;
        } else {
            status = UnlockStatusEnum.UNLOCKED;
        }
        return new UnlockConnectorResponse().withStatus(status);
    }
}
