package io.ocppbdd.station.faults;

import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.EventData;
import io.ocppbdd.protocol.messages.EventNotificationEnum;
import io.ocppbdd.protocol.messages.NotifyEventRequest;
import io.ocppbdd.protocol.messages.NotifyEventResponse;
import io.ocppbdd.protocol.messages.TriggerReasonEnum;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.transactions.TransactionModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Simulated faults of connectors (see {@link FaultType} for the mapping). A fault that occurs on a connector
 * <ol>
 *   <li>is reported with NotifyEvent on its component and variable, trigger Delta or Alerting, the OCPP 1.6 name
 *       as techCode and the transaction it hits, if any (N07; G05.FR.02 for a lock failure);</li>
 *   <li>makes the connector Faulted, reported with StatusNotification (G01.FR.01);</li>
 *   <li>ends the transaction of its EVSE, unless that transaction's cable is in another connector, with
 *       triggerReason AbnormalCondition (E06.FR.16) and the fault's stoppedReason (E06.FR.08, E07.FR.06).</li>
 * </ol>
 * Clearing it sends NotifyEvent with {@code cleared} true and the variable's normal value (N07.FR.02); once the
 * connector has no fault left it returns to the status it would have without one (Occupied while a cable is in,
 * Available, ...). Faults are kept in the state file, so a faulted connector stays Faulted after a restart.
 * Every method runs on the station's loop and fails with a one-line reason.
 */
public final class FaultModule implements StationModule {

    private static final Logger LOG = LoggerFactory.getLogger(FaultModule.class);

    private final EvseModule evses;
    private final TransactionModule transactions;
    private StationContext context;
    private int nextEventId = 1;

    public FaultModule(EvseModule evses, TransactionModule transactions) {
        this.evses = evses;
        this.transactions = transactions;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        for (EvseState evse : context.state().getEvses()) {
            for (EvseState.ConnectorState connector : evse.getConnectors()) {
                if (!known(evse.getId(), connector).isEmpty()) {
                    evses.setFaulted(evse.getId(), connector.getId(), true);
                }
            }
        }
    }

    /** The fault occurs on this connector; on the station's loop. */
    public void raise(int evseId, int connectorId, FaultType type) {
        Evse evse = evses.evse(evseId);
        evse.connector(connectorId);
        List<String> faults = connectorState(evseId, connectorId).getFaults();
        if (faults.contains(type.ocpp16Name())) {
            throw new IllegalStateException(where(evseId, connectorId) + " already has " + type + " (clear it first)");
        }
        faults.add(type.ocpp16Name());
        context.saveState();
        boolean hitsTransaction = evse.pluggedConnector().map(plugged -> plugged.id() == connectorId).orElse(true);
        Optional<String> transactionId = hitsTransaction ? transactions.transactionIdOn(evseId) : Optional.empty();
        notifyEvent(evseId, connectorId, type, false, transactionId.orElse(null));
        evses.setFaulted(evseId, connectorId, true);
        if (transactionId.isPresent()) {
            transactions.endNow(evseId, TriggerReasonEnum.ABNORMAL_CONDITION, type.stoppedReason());
        }
    }

    /** This fault of the connector is cleared; on the station's loop. */
    public void clear(int evseId, int connectorId, FaultType type) {
        evses.evse(evseId).connector(connectorId);
        List<String> faults = connectorState(evseId, connectorId).getFaults();
        if (!faults.remove(type.ocpp16Name())) {
            throw new IllegalStateException(where(evseId, connectorId) + " has no " + type + " (its faults: "
                    + (faults.isEmpty() ? "none" : String.join(", ", faults)) + ")");
        }
        context.saveState();
        notifyEvent(evseId, connectorId, type, true, transactions.transactionIdOn(evseId).orElse(null));
        if (faults.isEmpty()) {
            evses.setFaulted(evseId, connectorId, false);
        }
    }

    /** Every fault of the connector is cleared; on the station's loop. */
    public void clearAll(int evseId, int connectorId) {
        Set<FaultType> active = faults(evseId, connectorId);
        if (active.isEmpty()) {
            throw new IllegalStateException(where(evseId, connectorId) + " has no fault to clear");
        }
        active.forEach(type -> clear(evseId, connectorId, type));
    }

    /** The faults the connector suffers now; on the station's loop. */
    Set<FaultType> faults(int evseId, int connectorId) {
        evses.evse(evseId).connector(connectorId);
        return known(evseId, connectorState(evseId, connectorId));
    }

    private Set<FaultType> known(int evseId, EvseState.ConnectorState connector) {
        Set<FaultType> types = EnumSet.noneOf(FaultType.class);
        for (String name : new ArrayList<>(connector.getFaults())) {
            try {
                types.add(FaultType.fromName(name));
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: {} in the state file: {}; ignored", context.stationId(), where(evseId, connector.getId()),
                        e.getMessage());
                connector.getFaults().remove(name);
            }
        }
        return types;
    }

    private void notifyEvent(int evseId, int connectorId, FaultType type, boolean cleared, String transactionId) {
        OffsetDateTime now = context.clock().instant().atOffset(ZoneOffset.UTC);
        EVSE evse = new EVSE().withId(evseId).withConnectorId(type.perConnector() ? connectorId : null);
        EventData event = new EventData()
                .withEventId(nextEventId++)
                .withTimestamp(now)
                .withTrigger(type.trigger())
                .withActualValue(cleared ? type.clearedValue() : type.faultValue())
                .withTechCode(type.ocpp16Name())
                .withTechInfo(type.description())
                .withCleared(cleared ? Boolean.TRUE : null)
                .withTransactionId(transactionId)
                .withComponent(new Component().withName(type.component()).withEvse(evse))
                .withVariable(new Variable().withName(type.variable()))
                .withEventNotificationType(EventNotificationEnum.HARD_WIRED_MONITOR);
        context.send(new NotifyEventRequest().withGeneratedAt(now).withSeqNo(0).withEventData(List.of(event)),
                NotifyEventResponse.class).whenComplete((answer, failure) -> {
                    if (failure != null) {
                        LOG.warn("{}: NotifyEvent for {} on {} failed: {}", context.stationId(), type,
                                where(evseId, connectorId), failure.getMessage());
                    }
                });
    }

    private EvseState.ConnectorState connectorState(int evseId, int connectorId) {
        return context.state().getEvses().get(evseId - 1).getConnectors().get(connectorId - 1);
    }

    private static String where(int evseId, int connectorId) {
        return "connector " + connectorId + " of EVSE " + evseId;
    }
}
