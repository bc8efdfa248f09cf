package io.ocppbdd.station.ev;

import io.ocppbdd.protocol.messages.ConnectorStatusEnum;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.evse.Connector;
import io.ocppbdd.station.evse.Evse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.remote.RemoteStartStopModule;
import io.ocppbdd.station.transactions.TransactionModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated EV and its driver. In {@link EvMode#AUTO} mode, once a remote start has authorized its idToken on
 * an EVSE without a cable (F02), the driver plugs the EV into the first free connector there after the plug delay,
 * timed by the station's scheduler; the EV then charges as the energy model and the charging profiles allow. Once
 * the authorization there ends (remote or local stop, deauthorization, fault, end of the transaction), the driver
 * unplugs the cable it plugged in, after the same delay. A driver whose authorization lapsed before the plug delay
 * (EVConnectionTimeOut, F02.FR.07/08) does not come. In {@link EvMode#MANUAL} mode, the default, it does nothing.
 * The mode and the delay may be set from any thread; the rest runs on the station's loop.
 */
public final class SimulatedEv implements StationModule {

    /** The plug delay unless one is set. */
    static final Duration DEFAULT_PLUG_DELAY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedEv.class);
    private static final Set<ConnectorStatusEnum> FREE = Set.of(ConnectorStatusEnum.AVAILABLE,
            ConnectorStatusEnum.RESERVED);

    private final EvseModule evses;
    private final TransactionModule transactions;
    private final RemoteStartStopModule remoteStarts;
    private final Set<Integer> pluggedByDriver = new HashSet<>();
    private volatile EvMode mode = EvMode.MANUAL;
    private volatile Duration plugDelay = DEFAULT_PLUG_DELAY;
    private StationContext context;

    public SimulatedEv(EvseModule evses, TransactionModule transactions, RemoteStartStopModule remoteStarts) {
        this.evses = evses;
        this.transactions = transactions;
        this.remoteStarts = remoteStarts;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        remoteStarts.onRemoteStartAuthorized(evseId -> later(() -> plugIn(evseId)));
        transactions.onAuthorizationEnded(evseId -> {
            if (pluggedByDriver.contains(evseId)) {
                later(() -> unplug(evseId));
            }
        });
    }

    public EvMode mode() {
        return mode;
    }

    /** Lets the simulated driver act on its own (auto) or not (manual). */
    public SimulatedEv mode(EvMode newMode) {
        this.mode = newMode;
        return this;
    }

    public Duration plugDelay() {
        return plugDelay;
    }

    /** How long the driver takes to plug in after a remote start, and to unplug once charging is over. */
    public SimulatedEv plugDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the EV plug delay cannot be negative (" + delay + ")");
        }
        this.plugDelay = delay;
        return this;
    }

    private void later(Runnable action) {
        if (mode == EvMode.AUTO) {
            context.scheduler().schedule(plugDelay, context.loop(), action);
        }
    }

    private void plugIn(int evseId) {
        Evse evse = evses.evse(evseId);
        if (mode != EvMode.AUTO || !transactions.isAuthorized(evseId) || evse.pluggedConnector().isPresent()) {
            return; // the authorization lapsed, or someone else plugged in
        }
        Optional<Connector> free = evse.connectors().stream().filter(c -> FREE.contains(c.status())).findFirst();
        if (free.isEmpty()) {
            LOG.info("{}: the simulated EV cannot plug into EVSE {}: no free connector", context.stationId(), evseId);
            return;
        }
        pluggedByDriver.add(evseId);
        report(evses.plugIn(evseId, free.get().id()), "plug into EVSE " + evseId);
    }

    private void unplug(int evseId) {
        if (mode != EvMode.AUTO || transactions.isAuthorized(evseId)) {
            return; // charging again, or the user took over
        }
        if (pluggedByDriver.remove(evseId) && evses.evse(evseId).pluggedConnector().isPresent()) {
            report(evses.unplug(evseId), "unplug from EVSE " + evseId);
        }
    }

    private void report(CompletableFuture<Void> action, String what) {
        action.whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("{}: the simulated EV could not {}: {}", context.stationId(), what, failure.getMessage());
            }
        });
    }
}
