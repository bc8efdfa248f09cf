package io.ocppbdd.station.availability;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.ChangeAvailabilityRequest;
import io.ocppbdd.protocol.messages.ChangeAvailabilityResponse;
import io.ocppbdd.protocol.messages.ChangeAvailabilityStatusEnum;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.OperationalStatusEnum;
import io.ocppbdd.rpc.CallHandler;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.reservation.ReservationModule;
import io.ocppbdd.station.transactions.TransactionModule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ChangeAvailability of the station (G04), an EVSE or a connector (G03). Inoperative connectors turn Unavailable
 * (G03.FR.06, G04.FR.07) and Operative ones back (G03.FR.07, G04.FR.08), each change reported with
 * StatusNotification (G03.FR.04, G04.FR.05) by the EVSE block, which also saves the status so that it survives a
 * reboot or restart (G03.FR.08, G04.FR.09, B11.FR.02). An EVSE with a transaction changes when the transaction
 * ends; the answer is then Scheduled (G03.FR.05, G04.FR.06). Reservations of an EVSE that becomes Unavailable are
 * removed (H01.FR.17). The read-only Available variables of Connector, EVSE and ChargingStation follow.
 */
public final class AvailabilityModule implements StationModule {

    private final EvseModule evses;
    private final TransactionModule transactions;
    private final ReservationModule reservations;
    /** Per EVSE with a transaction: the connectors and whether they become Inoperative when it ends. */
    private final Map<Integer, Map<Integer, Boolean>> scheduled = new HashMap<>();
    private StationContext context;

    public AvailabilityModule(EvseModule evses, TransactionModule transactions, ReservationModule reservations) {
        this.evses = evses;
        this.transactions = transactions;
        this.reservations = reservations;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.handle(Action.ChangeAvailability, CallHandler.of(ChangeAvailabilityRequest.class, this::change));
        transactions.onTransactionEnded(evseId -> Optional.ofNullable(scheduled.remove(evseId))
                .ifPresent(connectors -> connectors.forEach((connectorId, inoperative) ->
                        apply(evseId, connectorId, inoperative))));
        evses.evses().forEach(evse -> evse.connectors().forEach(this::mirror));
    }

    private ChangeAvailabilityResponse change(ChangeAvailabilityRequest request) {
        Optional<List<Connector>> targets = targets(request.getEvse());
        if (targets.isEmpty()) {
            return new ChangeAvailabilityResponse().withStatus(ChangeAvailabilityStatusEnum.REJECTED);
        }
        boolean inoperative = request.getOperationalStatus() == OperationalStatusEnum.INOPERATIVE;
        List<Connector> now = new ArrayList<>();
        boolean later = false;
        for (Connector connector : targets.get()) {
            if (inoperative && transactions.hasTransaction(connector.evseId())) {
                scheduled.computeIfAbsent(connector.evseId(), id -> new HashMap<>()).put(connector.id(), true);
                later = true;
            } else {
                Optional.ofNullable(scheduled.get(connector.evseId())).ifPresent(m -> m.remove(connector.id()));
                now.add(connector);
            }
        }
        context.afterReply(() -> now.forEach(c -> apply(c.evseId(), c.id(), inoperative)));
        return new ChangeAvailabilityResponse().withStatus(later
                ? ChangeAvailabilityStatusEnum.SCHEDULED : ChangeAvailabilityStatusEnum.ACCEPTED);
    }

    /** The connectors the request is about: all (no evse or EVSE 0), one EVSE's, or one; empty when unknown. */
    private Optional<List<Connector>> targets(EVSE evse) {
        if (evse == null || evse.getId() == 0) {
            return Optional.of(evses.evses().stream().flatMap(e -> e.connectors().stream()).toList());
        }
        if (evse.getId() < 0 || evse.getId() > evses.evses().size()) {
            return Optional.empty();
        }
        Evse target = evses.evse(evse.getId());
        Integer connectorId = evse.getConnectorId();
        if (connectorId == null) {
            return Optional.of(target.connectors());
        }
        if (connectorId < 1 || connectorId > target.connectors().size()) {
            return Optional.empty();
        }
        return Optional.of(List.of(target.connector(connectorId)));
    }

    private void apply(int evseId, int connectorId, boolean inoperative) {
        evses.setUnavailable(evseId, connectorId, inoperative);
        Connector connector = evses.evse(evseId).connector(connectorId);
        mirror(connector);
        if (inoperative) {
            reservations.removeOn(evseId);
        }
    }

    /** Sets the read-only Available variables of the connector, its EVSE and the station, where they exist. */
    private void mirror(Connector connector) {
        boolean available = connector.status() != ConnectorStatusEnum.UNAVAILABLE;
        Evse evse = evses.evse(connector.evseId());
        set(new VariableKey("Connector", null, evse.id(), connector.id(), "Available", null), available);
        set(new VariableKey("EVSE", null, evse.id(), null, "Available", null), evse.connectors().stream()
                .anyMatch(c -> c.status() != ConnectorStatusEnum.UNAVAILABLE));
        set(VariableKey.of("ChargingStation", "Available"), evses.evses().stream()
                .flatMap(e -> e.connectors().stream()).anyMatch(c -> c.status() != ConnectorStatusEnum.UNAVAILABLE));
    }

    private void set(VariableKey key, boolean value) {
        if (context.deviceModel().find(key).isPresent()) {
            context.deviceModel().setInternally(key, AttributeEnum.ACTUAL, Boolean.toString(value));
        }
    }
}
