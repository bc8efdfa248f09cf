package io.ocppbdd.cli;

import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Prints one line on stdout when the station boots, reconnects or loses its CSMS, e.g.
 * {@code CS-001 connected to ws://127.0.0.1:9000/ocpp; BootNotification Accepted, heartbeat every 300 s},
 * and closes the station cleanly.
 */
final class StatusLine implements StationModule {

    private final PrintWriter out;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private StationContext context;
    private boolean stopping;

    StatusLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.events().onBootStatus(this::booted);
        context.events().onConnected(() -> {
            if (context.bootStatus() == BootStatus.ACCEPTED) {
                print("reconnected to " + csmsUrl());
            }
        });
        context.events().onDisconnected(() -> {
            if (stopping) {
                closed.complete(null);
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
            default -> {
                // NOT_BOOTED: a reboot began; its BootNotification prints the next line
            }
        }
    }

    private String csmsUrl() {
        return context.state().getCsms().getUrl();
    }

    private void print(String line) {
        out.println(context.stationId() + " " + line);
        out.flush();
    }
}
