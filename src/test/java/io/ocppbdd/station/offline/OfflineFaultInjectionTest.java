package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.station.transactions.TransactionModule;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.ReceivedEvents;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection, seeded: transactions on three EVSEs while the embedded CSMS is stopped and started again on the
 * same port, connections drop from either side at random moments, and the CSMS answers some TransactionEvents with
 * CALLERROR or not at all. In the end the CSMS must have every TransactionEvent the station made.
 */
class OfflineFaultInjectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineFaultInjectionTest.class);
    private static final String STATION = "FAULTS";
    private static final int EVSES = 3;
    private static final int STEPS = Integer.getInteger("faultSteps", 400);
    private static final long SEED = Long.getLong("faultSeed", 20260301);

    /** One TransactionEvent as the station made it, and whether the CSMS was down (and seen down) then. */
    private record Made(String transactionId, int seqNo, boolean offline, boolean csmsDown, boolean warmUp) {
    }

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-01T00:00:00Z"));
    private final Random random = new Random(SEED);
    private final Random faults = new Random(424242);
    private final AtomicBoolean faulty = new AtomicBoolean();
    private final List<EmbeddedCsms> csmsRuns = new ArrayList<>();
    private final ConcurrentLinkedQueue<Made> made = new ConcurrentLinkedQueue<>();
    private final boolean[] plugged = new boolean[EVSES + 1];
    private volatile boolean csmsDown;
    private volatile boolean warmUp = true;
    private EmbeddedCsms csms;
    private ChargingStation station;
    private int port;

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        if (station != null) {
            station.stop();
        }
        csmsRuns.forEach(EmbeddedCsms::close);
    }

    @Test
    @DisplayName("E04.FR.01-04, E11.FR.07, E12.FR.01-02, E13.FR.02-04: through CSMS restarts, dropped connections and "
            + "failed answers the CSMS gets every TransactionEvent at least once per (transactionId, seqNo), resends "
            + "identical, no seqNo gap, offline true for events made while the CSMS was down")
    void everyTransactionEventArrives() {
        startCsms(0);
        StationState state = StationState.withEvses(STATION, EVSES);
        state.getDeviceModel().putAll(Map.of("TxCtrlr.TxStartPoint", "EVConnected", "TxCtrlr.TxStopPoint", "EVConnected",
                "AuthCtrlr.OfflineTxForUnknownIdEnabled", "true", "SampledDataCtrlr.TxUpdatedInterval", "30",
                "AlignedDataCtrlr.Interval", "0", "OCPPCommCtrlr.RetryBackOffWaitMinimum", "2",
                "OCPPCommCtrlr.RetryBackOffRepeatTimes", "2", "OCPPCommCtrlr.MessageAttemptInterval:TransactionEvent", "5"));
        station = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time).seed(11)
                .stateFile(new StateFile(folder.resolve(StateFile.DEFAULT_NAME))).build();
        station.module(TransactionModule.class).decorateEvents((evseId, event) -> made.add(new Made(
                event.getTransactionInfo().getTransactionId(), event.getSeqNo(), Boolean.TRUE.equals(event.getOffline()),
                csmsDown, warmUp)));
        join(station.start());
        await().atMost(TestHarness.PATIENCE).until(() -> station.bootStatus() == BootStatus.ACCEPTED);

        for (int step = 0; step < 12; step++) {
            evAction();
        }
        join(station.whenIdle());
        warmUp = false;
        faulty.set(true);
        int drops = 0;
        int restarts = 0;
        for (int step = 0; step < STEPS; step++) {
            int dice = random.nextInt(100);
            if (dice < 55) {
                evAction();
            } else if (dice < 80) {
                time.advance(Duration.ofSeconds(1 + random.nextInt(20)));
            } else if (dice < 88) {
                station.dropConnection();
                drops++;
            } else if (dice < 92) {
                csms.disconnect(STATION);
                drops++;
            } else if (dice < 96) {
                if (csmsDown) {
                    startCsms(port);
                } else {
                    stopCsms();
                    restarts++;
                }
            } else {
                time.advance(Duration.ofSeconds(30 + random.nextInt(300)));
            }
        }

        faulty.set(false);
        if (csmsDown) {
            startCsms(port);
        }
        for (int evse = 1; evse <= EVSES; evse++) {
            if (plugged[evse]) {
                join(station.module(EvseModule.class).unplug(evse));
                plugged[evse] = false;
            }
        }
        Set<String> wanted = made.stream().map(m -> m.transactionId + "/" + m.seqNo).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            time.advance(Duration.ofSeconds(5));
            return received().stream().map(p -> p.at("/transactionInfo/transactionId").asText() + "/"
                    + p.path("seqNo").asInt()).collect(Collectors.toSet()).containsAll(wanted);
        });

        ReceivedEvents events = ReceivedEvents.of(received()).assertCompleteAndEnded();
        for (Made event : made) {
            ObjectNode delivered = events.event(event.transactionId, event.seqNo);
            if (event.csmsDown) {
                assertThat(delivered.path("offline").asBoolean()).as("E04.FR.03: made while the CSMS was down: %s", event)
                        .isTrue();
            }
            if (event.warmUp) {
                assertThat(delivered.path("offline").asBoolean()).as("made online: %s", event).isFalse();
            }
            if (event.offline) {
                assertThat(delivered.path("offline").asBoolean()).as("made offline: %s", event).isTrue();
            }
        }
        assertThat(made.stream().filter(Made::csmsDown)).as("some events made while the CSMS was down").isNotEmpty();
        assertThat(events.resends()).as("some events went twice").isPositive();
        LOG.info("seed {}: {} TransactionEvents in {} transactions, {} deliveries ({} repeated), {} drops, "
                + "{} CSMS restarts", SEED, made.size(), events.transactions().size(), received().size(), events.resends(), drops, restarts);
    }

    private List<ObjectNode> received() {
        return csmsRuns.stream().flatMap(run -> run.requests(STATION, Action.TransactionEvent).stream())
                .map(RecordedRequest::payload).toList();
    }

    /** Plugs in, presents a token, lets the EV pause or resume, or unplugs, on a random EVSE. */
    private void evAction() {
        int evse = 1 + random.nextInt(EVSES);
        EvseModule evses = station.module(EvseModule.class);
        if (!plugged[evse]) {
            join(evses.plugIn(evse, 1));
            plugged[evse] = true;
            return;
        }
        int choice = random.nextInt(10);
        if (choice < 3) {
            // not awaited: an Authorize may wait behind a TransactionEvent that waits for virtual time
            station.module(TransactionModule.class).presentToken(evse, TestHarness.rfid("TOKEN-" + evse));
        } else if (choice < 7) {
            boolean suspended = join(station.onLoop(() -> evses.evse(evse).isEvSuspended()));
            join(evses.evSuspends(evse, !suspended));
        } else {
            join(evses.unplug(evse));
            plugged[evse] = false;
        }
    }

    private void startCsms(int onPort) {
        csms = EmbeddedCsms.start("127.0.0.1", onPort, null, time).remembersAccepted(STATION);
        port = csms.url().getPort();
        csms.stubFor(Stub.on(Action.TransactionEvent).when(p -> faulty.get() && faults.nextInt(100) < 10)
                .willFailWith(ErrorCode.InternalError, "injected fault"));
        csms.stubFor(Stub.on(Action.TransactionEvent).when(p -> faulty.get() && faults.nextInt(100) < 4)
                .willNotAnswer());
        csmsRuns.add(csms);
        csmsDown = false;
    }

    /** Stops the CSMS and waits until the station knows. */
    private void stopCsms() {
        csms.close();
        await().atMost(TestHarness.PATIENCE).until(() -> !station.isConnected());
        csmsDown = true;
    }
}
