package io.ocppbdd.transport;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.concurrent.SerialExecutor;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ocppbdd.transport.PlainWebSocketServer.next;
import static org.assertj.core.api.Assertions.assertThat;

/** Part 4 §5.2/§8.4 WebSocketPingInterval: pings on the station's virtual time; a missing pong drops the connection. */
class WebSocketPingTest {

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));

    /** The timer alone, over a connection whose pongs the test gives. */
    @Nested
    class Timer {
        private final SerialExecutor loop = new SerialExecutor();
        private final PongsByHand connection = new PongsByHand();
        private final AtomicInteger interval = new AtomicInteger(30);

        @Test
        @DisplayName("Part 4 §8.4: a positive WebSocketPingInterval pings every that many seconds while pongs come")
        void pingsEveryInterval() {
            WebSocketPing.start(connection, time, loop, interval::get, "CS-1");

            time.advance(Duration.ofSeconds(29));
            assertThat(connection.pings).isEmpty();
            time.advance(Duration.ofSeconds(1));
            assertThat(connection.pings).hasSize(1);

            connection.pong();
            time.advance(Duration.ofSeconds(30));
            connection.pong();
            time.advance(Duration.ofSeconds(30));

            assertThat(connection.pings).hasSize(3);
            assertThat(connection.aborted).isFalse();
        }

        @Test
        @DisplayName("a ping without pong by the next ping counts as a lost connection: aborted, no more pings")
        void missingPongAbortsAtTheNextPing() {
            WebSocketPing.start(connection, time, loop, interval::get, "CS-1");
            time.advance(Duration.ofSeconds(30));

            time.advance(Duration.ofSeconds(29));
            assertThat(connection.aborted).isFalse();
            time.advance(Duration.ofSeconds(1));

            assertThat(connection.aborted).isTrue();
            assertThat(connection.pings).hasSize(1);
            assertThat(time.pending()).isZero();
        }

        @Test
        @DisplayName("Part 4 §8.4: 0 disables client side ping")
        void zeroMeansNoPing() {
            interval.set(0);

            WebSocketPing.start(connection, time, loop, interval::get, "CS-1");
            time.advance(Duration.ofDays(1));

            assertThat(connection.pings).isEmpty();
            assertThat(time.pending()).isZero();
        }

        @Test
        void aChangedIntervalAppliesFromTheNextPing() {
            WebSocketPing.start(connection, time, loop, interval::get, "CS-1");
            interval.set(10);

            time.advance(Duration.ofSeconds(30));
            connection.pong();
            time.advance(Duration.ofSeconds(10));

            assertThat(connection.pings).hasSize(2);
        }

        @Test
        void cancelledOnCloseItStops() {
            WebSocketPing ping = WebSocketPing.start(connection, time, loop, interval::get, "CS-1");

            ping.cancel();
            time.advance(Duration.ofHours(1));

            assertThat(connection.pings).isEmpty();
        }
    }

    @Test
    @DisplayName("Part 4 §5.2: a station whose pings get no pong reconnects with its back-off")
    void stationReconnectsWhenPongsStop() throws Exception {
        try (PlainWebSocketServer server = PlainWebSocketServer.started().answerPings(false)) {
            ChargingStation station = station(server);
            try {
                station.start().get(30, TimeUnit.SECONDS);
                next(server.opened);

                time.advance(Duration.ofSeconds(30));
                assertThat(next(server.pings)).as("first ping").isNotNull();
                time.advance(Duration.ofSeconds(30));

                assertThat(next(server.closes)).startsWith("1006");
                assertThat(station.onLoop(station::isConnected).get(30, TimeUnit.SECONDS)).isFalse();
                time.advance(Duration.ofSeconds(10));
                assertThat(next(server.opened)).as("reconnected after RetryBackOffWaitMinimum").isNotNull();
            } finally {
                station.stop();
            }
        }
    }

    @Test
    @DisplayName("Part 4 §5.2: while pongs come the station keeps its connection and keeps pinging")
    void answeredPingsKeepTheConnection() throws Exception {
        List<CompletableFuture<Void>> pongs = new CopyOnWriteArrayList<>();
        try (PlainWebSocketServer server = PlainWebSocketServer.started()) {
            ChargingStation station = ChargingStation.builder(pingingState()).csmsUrl(server.url()).scheduler(time)
                    .transport((settings, listener) -> NettyStationTransport.instance().connect(settings, listener)
                            .thenApply(connection -> new PongWatching(connection, pongs)))
                    .build();
            try {
                station.start().get(30, TimeUnit.SECONDS);

                for (int ping = 1; ping <= 3; ping++) {
                    time.advance(Duration.ofSeconds(30));
                    assertThat(next(server.pings)).as("ping " + ping).isNotNull();
                    pongs.get(ping - 1).get(30, TimeUnit.SECONDS);
                }

                assertThat(station.onLoop(station::isConnected).get(30, TimeUnit.SECONDS)).isTrue();
                assertThat(server.closes).isEmpty();
            } finally {
                station.stop();
            }
        }
    }

    private ChargingStation station(PlainWebSocketServer server) {
        return ChargingStation.builder(pingingState()).csmsUrl(server.url()).scheduler(time).build();
    }

    private static StationState pingingState() {
        StationState state = StationState.defaults("CS-PING");
        state.getDeviceModel().put("OCPPCommCtrlr.WebSocketPingInterval", "30");
        state.getDeviceModel().put("OCPPCommCtrlr.RetryBackOffWaitMinimum", "10");
        state.getDeviceModel().put("OCPPCommCtrlr.RetryBackOffRandomRange", "0");
        return state;
    }

    /** Counts pings; the test answers them. */
    private static final class PongsByHand implements Connection {
        final List<CompletableFuture<Void>> pings = new CopyOnWriteArrayList<>();
        volatile boolean aborted;

        void pong() {
            pings.forEach(ping -> ping.complete(null));
        }

        @Override
        public CompletableFuture<Void> ping() {
            CompletableFuture<Void> pong = new CompletableFuture<>();
            pings.add(pong);
            return pong;
        }

        @Override
        public CompletableFuture<Void> send(String text) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    /** The real connection, letting the test wait for the pong of each ping. */
    private record PongWatching(Connection real, List<CompletableFuture<Void>> pongs) implements Connection {
        @Override
        public CompletableFuture<Void> ping() {
            CompletableFuture<Void> pong = real.ping();
            pongs.add(pong);
            return pong;
        }

        @Override
        public CompletableFuture<Void> send(String text) {
            return real.send(text);
        }

        @Override
        public void close() {
            real.close();
        }

        @Override
        public void abort() {
            real.abort();
        }
    }
}
