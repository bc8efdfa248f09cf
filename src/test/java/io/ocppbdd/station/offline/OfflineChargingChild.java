package io.ocppbdd.station.offline;

import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.station.transactions.TransactionModule;
import io.ocppbdd.testing.TestHarness;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child process of {@link OfflineKillTest}: a station with its state file in args[1] and the CSMS at args[0].
 * With args[3] = "charge" it charges on EVSE 1 as fast as it can (plug in, token, the EV pauses and resumes, unplug)
 * and prints {@code made <transactionId> <seqNo>} for each TransactionEvent once the action that made it is done
 * and the state it left is on disk (the state file is written off the loop; until then the event is not kept);
 * otherwise it only connects and delivers what it kept. It runs until it is killed.
 */
public final class OfflineChargingChild {

    private OfflineChargingChild() {
    }

    public static void main(String[] args) throws Exception {
        StateFile file = new StateFile(Path.of(args[1]));
        StationState state = file.loadOrCreate(args[2]);
        state.getDeviceModel().putAll(Map.of("TxCtrlr.TxStartPoint", "EVConnected", "TxCtrlr.TxStopPoint",
                "EVConnected", "AuthCtrlr.OfflineTxForUnknownIdEnabled", "true", "SampledDataCtrlr.TxUpdatedInterval",
                "0", "AlignedDataCtrlr.Interval", "0"));
        ChargingStation station = ChargingStation.builder(state).csmsUrl(URI.create(args[0])).stateFile(file).build();
        AtomicReference<String> lastMade = new AtomicReference<>();
        station.module(TransactionModule.class).decorateEvents((evseId, event) ->
                lastMade.set(event.getTransactionInfo().getTransactionId() + " " + event.getSeqNo()));
        station.start();
        if (!"charge".equals(args[3])) {
            Thread.currentThread().join();
        }
        EvseModule evses = station.module(EvseModule.class);
        String printed = null;
        for (int action = 0; ; action++) {
            boolean plugged = station.onLoop(() -> evses.evse(1).pluggedConnector().isPresent()).get();
            boolean authorized = station.onLoop(() -> station.module(TransactionModule.class).isAuthorized(1)).get();
            if (!plugged) {
                evses.plugIn(1, 1).get(30, TimeUnit.SECONDS);
            } else if (!authorized) {
                station.module(TransactionModule.class).presentToken(1, TestHarness.rfid("OFFLINE-1"))
                        .get(30, TimeUnit.SECONDS);
            } else if (action % 7 == 6) {
                evses.unplug(1).get(30, TimeUnit.SECONDS);
            } else {
                boolean suspended = station.onLoop(() -> evses.evse(1).isEvSuspended()).get();
                evses.evSuspends(1, !suspended).get(30, TimeUnit.SECONDS);
            }
            station.stateSaved().get(30, TimeUnit.SECONDS);
            String made = lastMade.get();
            if (made != null && !made.equals(printed)) {
                System.out.println("made " + made);
                printed = made;
            }
        }
    }
}
