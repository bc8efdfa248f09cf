package io.ocppbdd.station.evse;

import io.ocppbdd.protocol.messages.AttributeEnum;
import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.protocol.messages.StatusNotificationRequest;
import io.ocppbdd.protocol.messages.StatusNotificationResponse;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.state.EvseState;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The EVSEs and connectors of the station, built from the state file. Every change of a connector's status is
 * saved, reported with StatusNotification (E02.FR.05, G01) and mirrored in the AvailabilityState variables of
 * Connector and EVSE when the device model has them. The simulated actions (cable, EV, parking bay) run on the
 * station's loop and return futures that fail with a one-line reason when the action is impossible.
 */
public final class EvseModule implements StationModule {

    private final List<EvseListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Evse> evses = new ArrayList<>();
    private volatile StationContext context;

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        for (EvseState state : context.state().getEvses()) {
            List<Connector> connectors = state.getConnectors().stream()
                    .map(c -> new Connector(state.getId(), c.getId(), ConnectorStatusEnum.fromValue(c.getStatus())))
                    .toList();
            Evse evse = new Evse(state.getId(), connectors);
            evse.evSuspended(Boolean.TRUE.equals(state.getEvSuspended()));
            evse.parkingBayOccupied(Boolean.TRUE.equals(state.getParkingBayOccupied()));
            evses.add(evse);
        }
    }

    /** Listens to cable, EV and parking-bay events. */
    public void addListener(EvseListener listener) {
        listeners.add(listener);
    }

    /** Every EVSE, in id order; read on the station's loop. */
    public List<Evse> evses() {
        return List.copyOf(evses);
    }

    /** The EVSE with this id. */
    public Evse evse(int evseId) {
        if (evseId < 1 || evseId > evses.size()) {
            throw new IllegalArgumentException("EVSE " + evseId + " does not exist (this station has EVSEs 1.."
                    + evses.size() + ")");
        }
        return evses.get(evseId - 1);
    }

    /** The driver plugs a cable into this connector (E02); a Faulted connector takes none. */
    public CompletableFuture<Void> plugIn(int evseId, int connectorId) {
        return onLoop(() -> {
            Evse evse = evse(evseId);
            Connector connector = evse.connector(connectorId);
            evse.pluggedConnector().ifPresent(plugged -> {
                throw new IllegalStateException("EVSE " + evseId + " already has a cable in connector "
                        + plugged.id() + " (unplug it first)");
            });
            if (connector.status() == ConnectorStatusEnum.FAULTED) {
                throw new IllegalStateException("connector " + connectorId + " of EVSE " + evseId
                        + " is Faulted (clear the fault first)");
            }
            evse.evSuspended(false);
            change(connector, () -> connector.cablePlugged(true));
            listeners.forEach(listener -> listener.cablePlugged(evse, connector));
            return null;
        });
    }

    /** The driver unplugs the cable of this EVSE (E09/E10). */
    public CompletableFuture<Void> unplug(int evseId) {
        return onLoop(() -> {
            Evse evse = evse(evseId);
            Connector connector = evse.pluggedConnector().orElseThrow(() ->
                    new IllegalStateException("EVSE " + evseId + " has no cable plugged in (plug one in first)"));
            change(connector, () -> connector.cablePlugged(false));
            listeners.forEach(listener -> listener.cableUnplugged(evse, connector));
            return null;
        });
    }

    /** The EV suspends (true) or resumes (false) drawing energy (E01.FR.19). */
    public CompletableFuture<Void> evSuspends(int evseId, boolean suspended) {
        return onLoop(() -> {
            Evse evse = evse(evseId);
            if (evse.pluggedConnector().isEmpty()) {
                throw new IllegalStateException("EVSE " + evseId + " has no EV plugged in (plug one in first)");
            }
            if (evse.isEvSuspended() != suspended) {
                evse.evSuspended(suspended);
                persist(evse);
                listeners.forEach(listener -> listener.evDemandChanged(evse));
            }
            return null;
        });
    }

    /** The parking bay detector of this EVSE sees (true) or no longer sees (false) an EV (E01.FR.01). */
    public CompletableFuture<Void> parkingBay(int evseId, boolean occupied) {
        return onLoop(() -> {
            Evse evse = evse(evseId);
            if (evse.isParkingBayOccupied() != occupied) {
                evse.parkingBayOccupied(occupied);
                persist(evse);
                listeners.forEach(listener -> listener.parkingBayChanged(evse));
            }
            return null;
        });
    }

    /** Marks a connector Unavailable or not (for availability, G03); call on the station's loop. */
    public void setUnavailable(int evseId, int connectorId, boolean unavailable) {
        Connector connector = evse(evseId).connector(connectorId);
        change(connector, () -> connector.unavailable(unavailable));
    }

    /** Marks a connector Reserved or not (for reservations, H01); call on the station's loop. */
    public void setReserved(int evseId, int connectorId, boolean reserved) {
        Connector connector = evse(evseId).connector(connectorId);
        change(connector, () -> connector.reserved(reserved));
    }

    /** Marks a connector Faulted or not (for faults); call on the station's loop. */
    public void setFaulted(int evseId, int connectorId, boolean faulted) {
        Connector connector = evse(evseId).connector(connectorId);
        change(connector, () -> connector.faulted(faulted));
    }

    private void change(Connector connector, Runnable mutation) {
        ConnectorStatusEnum before = connector.status();
        mutation.run();
        ConnectorStatusEnum after = connector.status();
        if (before == after) {
            return;
        }
        Evse evse = evse(connector.evseId());
        persist(evse);
        setAvailabilityState(new VariableKey("Connector", null, evse.id(), connector.id(), "AvailabilityState", null),
                after);
        setAvailabilityState(new VariableKey("EVSE", null, evse.id(), null, "AvailabilityState", null),
                evse.availability());
        context.send(new StatusNotificationRequest()
                .withTimestamp(context.clock().instant().atOffset(ZoneOffset.UTC))
                .withConnectorStatus(after)
                .withEvseId(evse.id())
                .withConnectorId(connector.id()), StatusNotificationResponse.class);
    }

    private void persist(Evse evse) {
        EvseState state = context.state().getEvses().get(evse.id() - 1);
        evse.connectors().forEach(c -> state.getConnectors().get(c.id() - 1).setStatus(c.status().value()));
        state.setEvSuspended(evse.isEvSuspended() ? Boolean.TRUE : null);
        state.setParkingBayOccupied(evse.isParkingBayOccupied() ? Boolean.TRUE : null);
        context.saveState();
    }

    private void setAvailabilityState(VariableKey key, ConnectorStatusEnum status) {
        if (context.deviceModel().find(key).isPresent()) {
            context.deviceModel().setInternally(key, AttributeEnum.ACTUAL, status.value());
        }
    }

    private <T> CompletableFuture<T> onLoop(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, context.loop());
    }
}
