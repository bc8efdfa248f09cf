package io.ocppbdd.testing;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** An embedded CSMS and stations on one virtual clock, for integration tests over real loopback sockets. */
public final class StationHarness implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    public final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    public final EmbeddedCsms csms = EmbeddedCsms.start("127.0.0.1", 0, null, time);
    private final List<ChargingStation> stations = new ArrayList<>();

    /** A started, connected station with this state, changed first by the customiser. */
    public ChargingStation station(StationState state, Consumer<ChargingStation.Builder> customiser) {
        ChargingStation.Builder builder = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time).seed(7);
        customiser.accept(builder);
        ChargingStation station = builder.build();
        stations.add(station);
        await(station.start());
        return station;
    }

    public ChargingStation station(String id) {
        return station(StationState.defaults(id), builder -> { });
    }

    /** Moves virtual time once the station has every answer in. */
    public void pass(ChargingStation station, Duration duration) {
        await(station.whenIdle());
        time.advance(duration);
    }

    /** The n-th (from 1) request of this action from the station, waiting for it to arrive. */
    public RecordedRequest nth(ChargingStation station, Action action, int n) {
        Awaitility.await().atMost(PATIENCE).until(() -> csms.requests(station.id(), action).size() >= n);
        return csms.requests(station.id(), action).get(n - 1);
    }

    /** The actions the station sent, in order. */
    public static List<String> sentActions(ChargingStation station) {
        return Exchange.of(station.trace().entries()).stream().filter(e -> e.direction() == Direction.SENT)
                .map(e -> e.call().action()).toList();
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("waited in vain: " + e, e);
        }
    }

    /** Stops every station of the harness, then the CSMS. */
    @Override
    public void close() {
        stations.forEach(ChargingStation::stop);
        csms.close();
    }
}
