package io.ocppbdd.cli;

import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;
import io.ocppbdd.transport.ConnectionSettings;

import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Prints one line on stdout when the station boots, reconnects, reboots or loses its CSMS, e.g.
 * {@code CS-001 connected to ws://127.0.0.1:9000/ocpp/CS-001; BootNotification Accepted, heartbeat every 300 s},
 * and closes the station cleanly.
 */
final class StatusLine implements StationModule {

    private final PrintWriter out;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private StationContext context;
    private boolean stopping;
    private boolean rebooting;

    StatusLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.events().onBootStatus(this::booted);
        context.events().onConnected(() -> {
            rebooting = false;
            if (context.bootStatus() == BootStatus.ACCEPTED) {
                print("reconnected to " + csmsUrl());
            }
        });
        context.events().onDisconnected(() -> {
            if (stopping) {
                closed.complete(null);
            } else if (rebooting) {
                print("rebooting (" + context.bootReason().value() + "); closed the connection to " + csmsUrl());
            } else {
                print("lost the connection to " + csmsUrl() + "; reconnecting");
            }
        });
    }

    /** Stops the station; completes once its connection is closed, at once when it has none. */
    CompletableFuture<Void> stop(ChargingStation station) {
        CompletableFuture<Void> done = station.onLoop(() -> {
            stopping = true;
            return station.isConnected() ? closed : CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(Function.identity());
        station.stop();
        return done;
    }

    private void booted(BootStatus status) {
        String connected = "connected to " + csmsUrl() + "; BootNotification ";
        String retry = "; the station asks again after the interval the CSMS gave";
        switch (status) {
            case ACCEPTED -> print(connected + "Accepted, heartbeat every "
                    + context.deviceModel().intValue("OCPPCommCtrlr", "HeartbeatInterval", 300) + " s");
            case PENDING -> print(connected + "Pending" + retry);
            case REJECTED -> print(connected + "Rejected" + retry);
            default -> rebooting = true; // NOT_BOOTED: a reboot began; its BootNotification prints the next line
        }
    }

    /** The URL the station connects to: the CSMS's endpoint and its own id (Part 4, §3.1.1). */
    private String csmsUrl() {
        return ConnectionSettings.connectionUri(URI.create(context.state().getCsms().getUrl()), context.stationId())
                .toString();
    }

    private void print(String line) {
        out.println(context.stationId() + " " + line);
        out.flush();
    }
}
