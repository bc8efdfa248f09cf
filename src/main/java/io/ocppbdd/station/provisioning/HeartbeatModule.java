package io.ocppbdd.station.provisioning;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.protocol.messages.HeartbeatRequest;
import io.ocppbdd.protocol.messages.HeartbeatResponse;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.StationContext;
import io.ocppbdd.station.StationModule;

import java.time.Duration;

/**
 * Heartbeats (G02) every {@code OCPPCommCtrlr.HeartbeatInterval} seconds once accepted (B01.FR.04); a changed
 * interval takes effect at once. No heartbeat is sent, nor queued, while offline.
 */
public final class HeartbeatModule implements StationModule {

    private StationContext context;
    private Scheduler.Cancellable next = Scheduler.Cancellable.NONE;

    @Override
    public void install(StationContext stationContext) {
        this.context = stationContext;
        context.events().onBootStatus(status -> {
            if (status == BootStatus.ACCEPTED) {
                scheduleNext();
            } else {
                next.cancel();
            }
        });
        context.deviceModel().onChange((variable, attribute) -> {
            if (variable.key().variable().equals("HeartbeatInterval")
                    && context.bootStatus() == BootStatus.ACCEPTED) {
                scheduleNext();
            }
        });
    }

    private void scheduleNext() {
        next.cancel();
        Duration interval = context.deviceModel().seconds("OCPPCommCtrlr", "HeartbeatInterval", 300);
        next = context.scheduler().schedule(interval, context.loop(), this::beat);
    }

    private void beat() {
        if (context.isOnline()) {
            context.send(new HeartbeatRequest(), HeartbeatResponse.class);
        }
        scheduleNext();
    }
}
