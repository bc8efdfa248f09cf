package io.ocppbdd.station.remote;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.BootReasonEnum;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.ReasonEnum;
import io.ocppbdd.protocol.messages.ResetEnum;
import io.ocppbdd.protocol.messages.ResetRequest;
import io.ocppbdd.protocol.messages.ResetResponse;
import io.ocppbdd.protocol.messages.ResetStatusEnum;
import io.ocppbdd.protocol.messages.TriggerReasonEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.transactions.TransactionModule;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reset (B11, B12) of the station or of one EVSE. Immediate ends the transactions concerned with triggerReason
 * ResetCommand and stoppedReason ImmediateReset (B12.FR.04/08, errata 2025-04) and resets at once; OnIdle answers
 * Scheduled while a transaction runs and resets when the last one has ended (B12.FR.01/03/07). A station reset
 * waits for the answers to what it sent, then reboots (B11.FR.03/04: BootNotification with reason RemoteReset);
 * its persisted state, Unavailable and Reserved connectors included, survives (B11.FR.02/05). An EVSE reset
 * reports its Available connectors Unavailable and then Available again (B11.FR.08).
 */
public final class ResetModule implements StationModule {

    private final EvseModule evses;
    private final TransactionModule transactions;
    private final Set<Integer> evsesToReset = new HashSet<>();
    private boolean stationResetScheduled;
    private StationContext context;

    public ResetModule(EvseModule evses, TransactionModule transactions) {
        this.evses = evses;
        this.transactions = transactions;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.Reset, CallHandler.of(ResetRequest.class, this::reset));
        transactions.onTransactionEnded(this::transactionEnded);
    }

    private ResetResponse reset(ResetRequest request) {
        Integer evseId = request.getEvseId();
        if (evseId != null && (evseId < 1 || evseId > evses.evses().size())) {
            return new ResetResponse().withStatus(ResetStatusEnum.REJECTED);
        }
        List<Integer> concerned = evseId == null
                ? evses.evses().stream().map(Evse::id).toList() : List.of(evseId);
        boolean busy = concerned.stream().anyMatch(transactions::hasTransaction);
        if (busy && request.getType() == ResetEnum.ON_IDLE) { // B12.FR.01
            if (evseId == null) {
                stationResetScheduled = true;
            } else {
                evsesToReset.add(evseId);
            }
            return new ResetResponse().withStatus(ResetStatusEnum.SCHEDULED);
        }
        context.afterReply(() -> {
            concerned.forEach(id -> transactions.endNow(id, TriggerReasonEnum.RESET_COMMAND,
                    ReasonEnum.IMMEDIATE_RESET));
            if (evseId == null) {
                rebootWhenAnswered();
            } else {
                resetEvse(evseId);
            }
        });
        return new ResetResponse().withStatus(ResetStatusEnum.ACCEPTED);
    }

    private void transactionEnded(int evseId) {
        if (evsesToReset.remove(evseId)) {
            resetEvse(evseId);
        }
        if (stationResetScheduled && evses.evses().stream().noneMatch(evse -> transactions.hasTransaction(evse.id()))) {
            stationResetScheduled = false;
            rebootWhenAnswered();
        }
    }

    /** B12.FR.04: the Ended events are answered (or time out) before the station goes down. */
    private void rebootWhenAnswered() {
        context.whenIdle().thenRun(() -> context.reboot(BootReasonEnum.REMOTE_RESET));
    }

    private void resetEvse(int evseId) {
        for (Connector connector : evses.evse(evseId).connectors()) {
            if (connector.status() == ConnectorStatusEnum.AVAILABLE) {
                evses.setUnavailable(evseId, connector.id(), true);
                evses.setUnavailable(evseId, connector.id(), false);
            }
        }
    }
}
