package io.ocppbdd.shell;

import io.ocppbdd.driver.ConnectorSnapshot;
import io.ocppbdd.driver.EvseSnapshot;
import io.ocppbdd.driver.StationSnapshot;
import io.ocppbdd.driver.TransactionSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code status} command's lines: the station, then one line per EVSE. */
final class StatusReport {

    private StatusReport() {
    }

    static String of(StationSnapshot station) {
        List<String> lines = new ArrayList<>();
        lines.add(station.id() + ": " + (station.connected() ? "connected" : "not connected") + ", boot "
                + station.bootStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", offline queue "
                + station.offlineQueue());
        station.evses().forEach(evse -> lines.add(evse(evse)));
        return String.join("\n", lines);
    }

    private static String evse(EvseSnapshot evse) {
        StringBuilder line = new StringBuilder("  EVSE " + evse.id() + ":");
        for (ConnectorSnapshot connector : evse.connectors()) {
            line.append(" connector ").append(connector.id()).append(' ').append(connector.status())
                    .append(connector.cablePlugged() ? " (cable in)" : "").append(';');
        }
        line.append(evse.transaction().map(StatusReport::transaction).orElse(" no transaction"));
        if (evse.evSuspended()) {
            line.append(", EV suspended");
        }
        return line.toString();
    }

    private static String transaction(TransactionSnapshot transaction) {
        return " transaction " + transaction.id() + " " + (transaction.chargingState() == null ? "(no charging state)"
                : transaction.chargingState()) + (transaction.authorized() ? ", authorized" : ", not authorized");
    }
}
