package io.ocppbdd.station.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.transactions.TxFixture;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * B01 persistence under kill -9: a real child JVM ({@link ChargingChild}) charges and saves its state all the time;
 * it is killed at random moments, restarted from its file, killed again. The file must always load, and the
 * transaction must carry on with the same id and never repeat a seqNo the CSMS has seen.
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
            + "file, and the resumed transaction carries on with the next seqNo")
    void survivesKills() throws Exception {
        Path stateFile = folder.resolve(StateFile.DEFAULT_NAME);
        Random random = new Random(20261124);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            String transactionId = null;
            int lastSeen = -1;
            for (int round = 0; round < ROUNDS; round++) {
                int eventsBefore = events(csms).size();
                int wanted = 1 + random.nextInt(12);
                Path log = folder.resolve("child-" + round + ".log");
                Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        ChargingChild.class.getName(), csms.url().toString(), stateFile.toString(), STATION)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                try {
                    try {
                        await().atMost(Duration.ofSeconds(60)).until(
                                () -> events(csms).size() >= eventsBefore + wanted || !child.isAlive());
                    } catch (ConditionTimeoutException e) {
                        throw new AssertionError("round " + round + ": the child sent no " + wanted
                                + " TransactionEvents; its log:\n" + Files.readString(log), e);
                    }
                    assertThat(child.isAlive()).as("child of round %d is alive; its log:%n%s", round,
                            Files.readString(log)).isTrue();
                } finally {
                    child.destroyForcibly();
                    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
                }

                StationState state = new StateFile(stateFile).load();
                TransactionState transaction = state.getEvses().get(0).getTransaction();
                assertThat(transaction).as("round %d: a transaction in progress", round).isNotNull();
                if (transactionId == null) {
                    transactionId = transaction.getId();
                }
                assertThat(transaction.getId()).as("round %d: same transaction", round).isEqualTo(transactionId);
                List<ObjectNode> received = events(csms);
                for (ObjectNode event : received.subList(eventsBefore, received.size())) {
                    assertThat(event.path("transactionInfo").path("transactionId").asText()).isEqualTo(transactionId);
                    assertThat(event.path("seqNo").asInt()).as("round %d: seqNo only goes up", round)
                            .isGreaterThan(lastSeen);
                    lastSeen = event.path("seqNo").asInt();
                }
                assertThat(transaction.getNextSeqNo()).isGreaterThan(lastSeen);
            }

            StationState state = new StateFile(stateFile).load();
            int next = state.getEvses().get(0).getTransaction().getNextSeqNo();
            int eventsBefore = events(csms).size();
            try (TxFixture fx = TxFixture.boot(csms, state, new StateFile(stateFile))) {
                boolean suspended = TxFixture.join(fx.station.onLoop(() -> fx.station.module(EvseModule.class).evse(1).isEvSuspended()));
                fx.evSuspends(1, !suspended);
                await().atMost(Duration.ofSeconds(30)).until(() -> events(csms).size() > eventsBefore);
                ObjectNode resumed = events(csms).get(eventsBefore);
                assertThat(resumed.path("transactionInfo").path("transactionId").asText()).isEqualTo(transactionId);
                assertThat(resumed.path("seqNo").asInt()).isEqualTo(next).isGreaterThan(lastSeen);
            }
        }
    }
}
