package io.ocppbdd.station.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.ChildJvm;
import io.ocppbdd.testing.ReceivedEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * B01 persistence under kill -9: a real child JVM ({@link ChargingChild}) charges and saves its state all the time;
 * it is killed at random moments, restarted from its file, killed again. The file must always load, and the
 * transaction must carry on with the same id; a seqNo the CSMS has seen comes again only as an identical resend.
 */
class StateFileKillTest {

    private static final int ROUNDS = Integer.getInteger("killRounds", 20);
    private static final String STATION = "KILL-9";

    @TempDir
    Path folder;

    private static List<ObjectNode> events(EmbeddedCsms csms) {
        return csms.requests(STATION, Action.TransactionEvent).stream().map(RecordedRequest::payload).toList();
    }

    @Test
    @DisplayName("B01.FR.07 / E01.FR.08 / E02.FR.07: kill -9 at random points never leaves an unreadable state "
            + "file, and the resumed transaction carries on with the next seqNo (resends identical, E13)")
    void survivesKills() throws Exception {
        Path stateFile = folder.resolve(StateFile.DEFAULT_NAME);
        Random random = new Random(20261124);
        try (TestHarness harness = new TestHarness()) {
            EmbeddedCsms csms = harness.csms;
            String transactionId = null;
            int lastSeen = -1;
            for (int round = 0; round < ROUNDS; round++) {
                int eventsBefore = events(csms).size();
                int wanted = 1 + random.nextInt(12);
                ChildJvm child = ChildJvm.start(ChargingChild.class, folder.resolve("child-" + round + ".log"),
                        csms.url().toString(), stateFile.toString(), STATION);
                try {
                    child.awaitAlive("send " + wanted + " TransactionEvents",
                            () -> events(csms).size() >= eventsBefore + wanted);
                } finally {
                    child.kill();
                }

                StationState state = new StateFile(stateFile).load();
                TransactionState transaction = state.getEvses().get(0).getTransaction();
                assertThat(transaction).as("round %d: a transaction in progress", round).isNotNull();
                if (transactionId == null) {
                    transactionId = transaction.getId();
                }
                assertThat(transaction.getId()).as("round %d: same transaction", round).isEqualTo(transactionId);
                List<ObjectNode> received = events(csms);
                ReceivedEvents.of(received); // an event in flight at the kill goes again after the restart, identical
                for (ObjectNode event : received.subList(eventsBefore, received.size())) {
                    assertThat(event.path("transactionInfo").path("transactionId").asText()).isEqualTo(transactionId);
                    int seqNo = event.path("seqNo").asInt();
                    assertThat(seqNo).as("round %d: a new event has the next seqNo, an older one is a resend", round)
                            .isLessThanOrEqualTo(lastSeen + 1);
                    lastSeen = Math.max(lastSeen, seqNo);
                }
                assertThat(transaction.getNextSeqNo()).isGreaterThan(lastSeen);
            }

            StationState state = new StateFile(stateFile).load();
            int next = state.getEvses().get(0).getTransaction().getNextSeqNo();
            int eventsBefore = events(csms).size();
            TestHarness.Station fx = harness.boot(state, new StateFile(stateFile));
            boolean suspended = fx.onLoop(() -> fx.module(EvseModule.class).evse(1).isEvSuspended());
            fx.evSuspends(1, !suspended);
            await().atMost(Duration.ofSeconds(30)).until(() -> events(csms).stream().skip(eventsBefore)
                    .anyMatch(event -> event.path("seqNo").asInt() == next));
            ObjectNode resumed = events(csms).stream().skip(eventsBefore)
                    .filter(event -> event.path("seqNo").asInt() == next).findFirst().orElseThrow();
            assertThat(resumed.path("transactionInfo").path("transactionId").asText()).isEqualTo(transactionId);
            assertThat(next).isGreaterThan(lastSeen);
            ReceivedEvents.of(events(csms));
        }
    }
}
