package io.ocppbdd.station.provisioning;

import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.station.state.EvseState;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * B04, offline behaviour: once an accepted station has its connection back, it sends StatusNotification for every
 * connector when it was offline longer than OCPPCommCtrlr.OfflineThreshold (B04.FR.01), otherwise only for the
 * connectors whose status is not what it was when the connection went (B04.FR.02). A station that boots again
 * reports every connector anyway (B01.FR.05).
 */
public final class OfflineStatusModule implements StationModule {

    private final Map<String, String> statusesWhenLost = new HashMap<>();
    private Instant lostAt;

    @Override
    public void install(StationContext context) {
        context.events().onDisconnected(() -> {
            if (context.bootStatus() == BootStatus.ACCEPTED && lostAt == null) {
                lostAt = context.clock().instant();
                statusesWhenLost.clear();
                context.state().getEvses().forEach(evse -> evse.getConnectors().forEach(
                        connector -> statusesWhenLost.put(key(evse.getId(), connector), connector.getStatus())));
            }
        });
        context.events().onConnected(() -> {
            if (lostAt != null && context.bootStatus() == BootStatus.ACCEPTED) {
                Duration offline = Duration.between(lostAt, context.clock().instant());
                boolean all = offline.compareTo(context.deviceModel().seconds("OCPPCommCtrlr", "OfflineThreshold", 60)) > 0;
                BootModule.reportConnectorStatuses(context, (evseId, connector) -> all
                        || !connector.getStatus().equals(statusesWhenLost.get(key(evseId, connector))));
            }
            lostAt = null;
        });
    }

    private static String key(int evseId, EvseState.ConnectorState connector) {
        return evseId + "/" + connector.getId();
    }
}
