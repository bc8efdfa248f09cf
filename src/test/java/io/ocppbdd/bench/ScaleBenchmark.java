package io.ocppbdd.bench;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How many stations one JVM carries: boots N stations against the embedded CSMS in the same process, then lets
 * them heartbeat every 10 s for a while. Stations connect in waves of 250, as a load test ramps up. Prints
 * numbers; asserts nothing about speed.
 * Run: {@code mvn test -Dtest=ScaleBenchmark -Dbench.stations=5000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScaleBenchmark {

    /** Stations that connect at once; the next wave starts when this one is connected. */
    private static final int WAVE = 250;

    @Test
    void bootAndHeartbeat() throws Exception {
        String count = System.getProperty("bench.stations");
        assumeTrue(count != null, "a benchmark; run with -Dbench.stations=N");
        int stations = Integer.parseInt(count);
        Duration heartbeatPhase = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            csms.messageTimeout(Duration.ofSeconds(60));
            csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("interval", 10)));
            long cpuBefore = processCpuNanos();
            long start = System.nanoTime();
            List<ChargingStation> fleet = new ArrayList<>();
            List<CompletableFuture<Void>> connected = new ArrayList<>();
            for (int i = 0; i < stations; i++) {
                if (i % WAVE == 0) {
                    CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).join();
                }
                StationState state = StationState.defaults(String.format("BENCH-%05d", i));
                ChargingStation station = ChargingStation.builder(state).csmsUrl(csms.url()).seed(i)
                        .connectTimeout(Duration.ofSeconds(60)).build();
                fleet.add(station);
                connected.add(station.start());
            }
            CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).join();
            report("connected", stations, (System.nanoTime() - start) / 1e9, processCpuNanos() - cpuBefore);
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> fleet.stream().allMatch(s -> s.bootStatus() == BootStatus.ACCEPTED)
                            && csms.requests().stream().filter(r -> r.action() == Action.StatusNotification)
                            .count() == stations);
            double bootSeconds = (System.nanoTime() - start) / 1e9;
            long bootCpu = processCpuNanos() - cpuBefore;
            report("booted", stations, bootSeconds, bootCpu);

            long heartbeatsBefore = countHeartbeats(csms);
            long cpuHeartbeats = processCpuNanos();
            Awaitility.await().atMost(heartbeatPhase.plusSeconds(30)).pollDelay(heartbeatPhase).until(() -> true);
            long heartbeats = countHeartbeats(csms) - heartbeatsBefore;
            long heartbeatCpu = processCpuNanos() - cpuHeartbeats;
            System.out.printf("heartbeats in %d s: %d (%.0f µs CPU each, station and CSMS side together)%n",
                    heartbeatPhase.toSeconds(), heartbeats, heartbeats == 0 ? 0 : heartbeatCpu / 1e3 / heartbeats);
            fleet.forEach(ChargingStation::stop);
        }
    }

    private static long countHeartbeats(EmbeddedCsms csms) {
        return csms.requests().stream().filter(r -> r.action() == Action.Heartbeat).count();
    }

    private static void report(String what, int stations, double seconds, long cpuNanos) throws IOException {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s %d stations in %.1f s (%.1f s CPU); threads %d; heap used %d MB; RSS %s%n",
                what, stations, seconds, cpuNanos / 1e9, Thread.activeCount(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, rss());
    }

    private static String rss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("?");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
