package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.TransactionState;
import io.ocppbdd.testing.ChildJvm;
import io.ocppbdd.testing.ReceivedEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL while offline: a real child JVM ({@link OfflineChargingChild}) charges without a CSMS and is killed at
 * random moments, again and again; then it meets the CSMS. Every TransactionEvent any child made must arrive.
 */
class OfflineKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineKillTest.class);
    private static final int ROUNDS = Integer.getInteger("offlineKillRounds", 12);
    private static final String STATION = "KILL-OFFLINE";

    @TempDir
    Path folder;

    @Test
    @DisplayName("E04.FR.01-03, E12.FR.01-02: killed with SIGKILL while offline at 12 random moments, the station "
            + "loses no TransactionEvent: after restart and reconnect the CSMS gets each one (offline true), resends "
            + "identical, no seqNo gap")
    void killedWhileOfflineLosesNothing() throws Exception {
        Path stateFile = folder.resolve(StateFile.DEFAULT_NAME);
        Random random = new Random(Long.getLong("offlineKillSeed", 20261201));
        String nowhere = "ws://127.0.0.1:" + closedPort() + "/ocpp";
        List<String> made = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            int wanted = 1 + random.nextInt(15);
            ChildJvm child = ChildJvm.start(OfflineChargingChild.class, folder.resolve("offline-" + round + ".log"),
                    nowhere, stateFile.toString(), STATION, "charge");
            try {
                child.awaitAlive("make " + wanted + " TransactionEvents", () -> made(child).size() >= wanted);
            } finally {
                child.kill();
            }
            made.addAll(made(child));
            new StateFile(stateFile).load();
        }

        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            ChildJvm child = ChildJvm.start(OfflineChargingChild.class, folder.resolve("online.log"),
                    csms.url().toString(), stateFile.toString(), STATION, "deliver");
            try {
                child.awaitAlive("deliver every TransactionEvent", () -> missing(made, csms).isEmpty());
            } catch (AssertionError e) {
                throw new AssertionError("missing " + missing(made, csms) + " of " + made.size() + "; received "
                        + keys(received(csms)), e);
            } finally {
                child.kill();
            }
            List<ObjectNode> received = received(csms);
            TransactionState inProgress = new StateFile(stateFile).load().getEvses().get(0).getTransaction();
            ReceivedEvents events = ReceivedEvents.of(received)
                    .assertComplete(inProgress == null ? null : inProgress.getId());
            if (inProgress != null) {
                assertThat(events.transactions().get(inProgress.getId()).lastKey())
                        .as("the last event of the transaction in progress").isEqualTo(inProgress.getNextSeqNo() - 1);
            }
            assertThat(received).as("made offline").allMatch(event -> event.path("offline").asBoolean());
            LOG.info("{} kills; {} TransactionEvents in {} transactions delivered ({} repeated)", ROUNDS,
                    received.size() - events.resends(), events.transactions().size(), events.resends());
        }
    }

    /** The events a child reported as made, as "transactionId/seqNo". */
    private static List<String> made(ChildJvm child) {
        return child.lines().stream().filter(line -> line.startsWith("made "))
                .map(line -> line.substring(5).replace(' ', '/')).toList();
    }

    private static List<String> missing(List<String> made, EmbeddedCsms csms) {
        Set<String> received = keys(received(csms));
        return made.stream().filter(key -> !received.contains(key)).toList();
    }

    private static List<ObjectNode> received(EmbeddedCsms csms) {
        return csms.requests(STATION, Action.TransactionEvent).stream().map(RecordedRequest::payload).toList();
    }

    private static Set<String> keys(List<ObjectNode> events) {
        return events.stream().map(e -> e.at("/transactionInfo/transactionId").asText() + "/" + e.path("seqNo").asInt())
                .collect(Collectors.toSet());
    }

    /** A port nothing listens on: the CSMS is down. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
