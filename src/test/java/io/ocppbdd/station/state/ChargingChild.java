package io.ocppbdd.station.state;

import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.transactions.TransactionModule;
import org.awaitility.Awaitility;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The child process of {@link StateFileKillTest}: a station (state file in args[1]) that starts or resumes a
 * transaction on EVSE 1 against the CSMS at args[0], then lets its EV suspend and resume charging as fast as the
 * CSMS answers, so that it saves its state all the time, until it is killed.
 */
public final class ChargingChild {

    private ChargingChild() {
    }

    public static void main(String[] args) throws Exception {
        StateFile file = new StateFile(Path.of(args[1]));
        StationState state = file.loadOrCreate(args[2]);
        ChargingStation station = ChargingStation.builder(state).csmsUrl(URI.create(args[0])).stateFile(file)
                .build();
        station.start().get(30, TimeUnit.SECONDS);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> station.bootStatus() == BootStatus.ACCEPTED);
        boolean resumed = station.onLoop(() -> station.state().getEvses().get(0).getTransaction() != null).get();
        if (!resumed) {
            station.module(EvseModule.class).plugIn(1, 1).get(30, TimeUnit.SECONDS);
            station.module(TransactionModule.class).presentToken(1, new IdToken().withIdToken("KILL-ME")
                    .withType(IdTokenEnum.ISO_14443)).get(30, TimeUnit.SECONDS);
        }
        while (true) {
            boolean suspended = station.onLoop(() -> station.module(EvseModule.class).evse(1).isEvSuspended()).get();
            station.module(EvseModule.class).evSuspends(1, !suspended).get(30, TimeUnit.SECONDS);
            station.whenIdle().get(30, TimeUnit.SECONDS);
        }
    }
}
