package io.ocppbdd.station.state;

import io.ocppbdd.csms.RequestMatcher;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

/** How a running station writes its state file: off its loop, coalesced, atomic, latest last, before it speaks. */
class StateFileWritesTest {

    @TempDir
    Path folder;

    private final TestHarness harness = new TestHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("snapshots handed in before the writer's turn are written once, the latest one")
    void latestSnapshotWins() throws Exception {
        WriterByHand writer = new WriterByHand();
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME), writer);
        List<CompletableFuture<Void>> written = new ArrayList<>();
        for (String content : List.of("one", "two", "three")) {
            written.add(file.writeLater(new StateFile.Snapshot(content.getBytes(StandardCharsets.UTF_8), null)));
        }
        assertThat(written).noneMatch(CompletableFuture::isDone);

        writer.runQueued();

        assertThat(file.writes()).isEqualTo(1);
        assertThat(Files.readString(file.path())).isEqualTo("three");
        assertThat(written).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
    }

    @Test
    @DisplayName("on the shared writer thread, 500 snapshots in a row end with the last one on disk")
    void noWriteOvertakesANewerOne() throws Exception {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        CompletableFuture<Void> last = null;
        for (int n = 1; n <= 500; n++) {
            last = file.writeLater(new StateFile.Snapshot(Integer.toString(n).getBytes(StandardCharsets.UTF_8), null));
        }
        last.get(30, TimeUnit.SECONDS);

        assertThat(Files.readString(file.path())).isEqualTo("500");
        assertThat(file.writes()).isBetween(1L, 500L);
        assertThat(folder.toFile().list()).containsExactly(StateFile.DEFAULT_NAME);
    }

    @Test
    @DisplayName("ten changes in one turn of the station's loop make one write of the state file")
    void oneWritePerLoopTurn() {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        ChargingStation station = harness.connect(StationState.withEvses("CS-COALESCE", 2), file).simulator();
        harness.nth(station.id(), Action.StatusNotification, 2);
        join(station.stateSaved());
        long before = file.writes();

        join(station.onLoop(() -> {
            EvseModule evses = station.module(EvseModule.class);
            for (int n = 0; n < 10; n++) {
                evses.setUnavailable(1 + n % 2, 1, n % 4 < 2);
            }
            return null;
        }));
        join(station.stateSaved());

        assertThat(file.writes()).isEqualTo(before + 1);
        assertThat(file.load().getEvses()).extracting(evse -> evse.getConnectors().get(0).getStatus())
                .containsExactly("Unavailable", "Unavailable");
    }

    @Test
    @DisplayName("B01.FR.07: the CSMS hears of a change only once it is in the state file")
    void theCsmsHearsOnlyWhatIsOnDisk() throws Exception {
        WriterByHand writer = new WriterByHand();
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME), writer);
        ChargingStation station = harness.connect(StationState.defaults("CS-DISK-FIRST"), file).simulator();
        writer.runUntil(() -> harness.csms.requests("CS-DISK-FIRST", Action.StatusNotification).size() == 1);

        join(station.onLoop(() -> {
            station.module(EvseModule.class).setUnavailable(1, 1, true);
            return null;
        }));
        join(station.onLoop(() -> null));
        assertThat(sentStatuses(station)).containsExactly("Available");
        assertThat(file.load().getEvses().get(0).getConnectors().get(0).getStatus()).isEqualTo("Available");

        writer.runQueued();

        harness.csms.request("CS-DISK-FIRST", Action.StatusNotification,
                RequestMatcher.field("connectorStatus", "Unavailable")).get(30, TimeUnit.SECONDS);
        assertThat(file.load().getEvses().get(0).getConnectors().get(0).getStatus()).isEqualTo("Unavailable");
    }

    @Test
    @DisplayName("stop() writes the last state before it returns, so the file can be read at once")
    void stopWritesTheLastState() {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        ChargingStation station = harness.connect(StationState.defaults("CS-STOP"), file).simulator();
        join(station.onLoop(() -> {
            station.module(EvseModule.class).setUnavailable(1, 1, true);
            return null;
        }));

        station.stop();

        assertThat(file.load().getEvses().get(0).getConnectors().get(0).getStatus()).isEqualTo("Unavailable");
    }

    private static List<String> sentStatuses(ChargingStation station) {
        return Exchange.of(station.trace().entries()).stream()
                .filter(e -> e.direction() == Direction.SENT && e.call().action().equals("StatusNotification"))
                .map(e -> e.call().payload().path("connectorStatus").asText()).toList();
    }

    /** A writer thread that the test runs by hand. */
    private static final class WriterByHand implements Executor {
        private final BlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable write) {
            queued.add(write);
        }

        void runQueued() {
            Runnable write;
            while ((write = queued.poll()) != null) {
                write.run();
            }
        }

        /** Runs writes as they come until the condition holds (at most the harness's patience). */
        void runUntil(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TestHarness.PATIENCE.toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("condition within the patience").isLessThan(deadline);
                Runnable write = queued.poll(100, TimeUnit.MILLISECONDS);
                if (write != null) {
                    write.run();
                }
            }
        }
    }
}
