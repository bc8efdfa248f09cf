package io.ocppbdd.driver;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver is the one door into a running station, from any number of threads at once. */
class StationDriverConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void eightThreadsDriveOneStationAndItsStateStaysConsistent() throws Exception {
        try (Simulation simulation = Simulation.builder().patience(PATIENCE).build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-8").evses(THREADS));
            simulation.await(station.start(), "CS-8 to connect");
            simulation.await(station.booted(), "CS-8 to boot");
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Set<String>>> written = new ArrayList<>();
                for (int thread = 1; thread <= THREADS; thread++) {
                    int evse = thread;
                    written.add(threads.submit(() -> {
                        start.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                        return drive(simulation, station, evse);
                    }));
                }
                Set<String> values = new java.util.HashSet<>();
                for (Future<Set<String>> future : written) {
                    values.addAll(future.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS));
                }
                simulation.pass(Duration.ZERO);

                StationSnapshot after = simulation.await(station.snapshot(), "a snapshot");
                assertThat(after.transactions()).isEmpty();
                assertThat(after.offlineQueue()).isZero();
                assertThat(after.evses()).allSatisfy(evse -> assertThat(evse.connectors()).allSatisfy(connector -> {
                    assertThat(connector.cablePlugged()).isFalse();
                    assertThat(connector.status()).isEqualTo("Available");
                }));
                assertThat(values).contains(simulation.await(station.variable("OCPPCommCtrlr.HeartbeatInterval"),
                        "the heartbeat interval").orElseThrow());
                assertEveryTransactionStartedAndEndedInOrder(station);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** Plugs in, starts and stops a transaction with a token, sets and reads a variable, unplugs; ROUNDS times. */
    private static Set<String> drive(Simulation simulation, StationDriver station, int evse) {
        Set<String> written = new java.util.HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            String token = String.format("%08X", evse * 1000 + round);
            String interval = Integer.toString(100 + evse * ROUNDS + round);
            simulation.await(station.plugIn(evse, 1), "plug at " + evse);
            assertThat(simulation.await(station.presentToken(evse, IdTokenEnum.ISO_14443, token), "start at " + evse))
                    .isEqualTo(TokenOutcome.AUTHORIZED);
            simulation.await(station.setVariable("OCPPCommCtrlr.HeartbeatInterval", interval), "set " + interval);
            written.add(interval);
            assertThat(simulation.await(station.variable("OCPPCommCtrlr.HeartbeatInterval"), "read")).isPresent();
            StationSnapshot during = simulation.await(station.snapshot(), "a snapshot at " + evse);
            assertThat(during.evse(evse).transaction()).isPresent();
            assertThat(simulation.await(station.presentToken(evse, IdTokenEnum.ISO_14443, token), "stop at " + evse))
                    .isEqualTo(TokenOutcome.STOPPED);
            simulation.await(station.unplug(evse), "unplug at " + evse);
        }
        return written;
    }

    private static void assertEveryTransactionStartedAndEndedInOrder(StationDriver station) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        station.calls().stream().filter(call -> call.fromStation() && call.action() == Action.TransactionEvent)
                .map(OcppCall::payload).forEach(event -> events.computeIfAbsent(
                        event.at("/transactionInfo/transactionId").asText(), id -> new ArrayList<>())
                        .add(event.path("seqNo").asInt() + ":" + event.path("eventType").asText()));
        assertThat(events).hasSize(THREADS * ROUNDS);
        events.forEach((id, sequence) -> {
            assertThat(sequence.get(0)).isEqualTo("0:Started");
            assertThat(sequence.get(sequence.size() - 1)).endsWith(":Ended");
            assertThat(sequence.stream().map(entry -> Integer.parseInt(entry.split(":")[0])).toList())
                    .isEqualTo(IntStream.range(0, sequence.size()).boxed().collect(Collectors.toList()));
        });
        assertThat(station.calls()).filteredOn(call -> call.fromStation()).allMatch(call -> call.answer() != null);
        assertThat(CompletableFuture.completedFuture(station.sentFrameProblems()).join()).isEmpty();
    }
}
