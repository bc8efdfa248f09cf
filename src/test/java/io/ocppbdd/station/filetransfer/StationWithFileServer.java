package io.ocppbdd.station.filetransfer;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.TriggerMessageRequest;
import io.ocppbdd.protocol.messages.TriggerMessageResponse;
import io.ocppbdd.protocol.messages.TriggerMessageStatusEnum;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

/**
 * A booted station on virtual time, its embedded CSMS and a real HTTP file server (WireMock) on 127.0.0.1:
 * the world of the firmware and log tests. Each instance has its own station id, ports and clock.
 */
public final class StationWithFileServer implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final AtomicInteger COUNT = new AtomicInteger();

    public final ManualScheduler time = new ManualScheduler(START);
    public final EmbeddedCsms csms = EmbeddedCsms.start();
    public final WireMockServer files = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    public final String stationId;
    public final ChargingStation station;
    private int idleTimers;

    /** A station named {@code prefix-n}, its state adjusted by {@code setup} before it starts. */
    public StationWithFileServer(String prefix, Consumer<StationState> setup) throws Exception {
        files.start();
        stationId = prefix + "-" + COUNT.incrementAndGet();
        StationState state = StationState.defaults(stationId);
        setup.accept(state);
        station = ChargingStation.builder(state).csmsUrl(csms.url()).scheduler(time).seed(1).build();
        station.start().get(30, TimeUnit.SECONDS);
        csms.request(stationId, Action.StatusNotification, r -> true).get(30, TimeUnit.SECONDS);
        station.whenIdle().get(30, TimeUnit.SECONDS);
        idleTimers = time.pending();
    }

    public StationWithFileServer(String prefix) throws Exception {
        this(prefix, state -> { });
    }

    /** A URL of the file server. */
    public String url(String path) {
        return "http://127.0.0.1:" + files.port() + path;
    }

    /** The station's virtual "now" plus an offset, as OCPP date-times are sent. */
    public OffsetDateTime now(Duration offset) {
        return time.clock().instant().plus(offset).atOffset(ZoneOffset.UTC);
    }

    /** Every request of this action the CSMS received from the station, oldest first. */
    public List<RecordedRequest> requests(Action action) {
        return csms.requests(stationId, action);
    }

    /** The {@code status} field of every request of this action, oldest first. */
    public List<String> statuses(Action action) {
        return requests(action).stream().map(r -> r.payload().path("status").asText()).toList();
    }

    /** Waits until the station sends this action with this status (or has sent it). */
    public RecordedRequest awaitStatus(Action action, String status) throws Exception {
        return awaitRequest(action, "status", status);
    }

    /** Waits until the station sends this action with this value in this top-level field (or has sent it). */
    public RecordedRequest awaitRequest(Action action, String field, String value) throws Exception {
        return csms.request(stationId, action, r -> r.payload().path(field).asText().equals(value))
                .get(30, TimeUnit.SECONDS);
    }

    /** Has the CSMS trigger this notification (F06) and returns the one the station then sends. */
    public RecordedRequest trigger(MessageTriggerEnum message, Action notification) throws Exception {
        int before = requests(notification).size();
        TriggerMessageResponse response = csms.send(stationId, new TriggerMessageRequest().withRequestedMessage(
                message), TriggerMessageResponse.class).get(30, TimeUnit.SECONDS);
        if (response.getStatus() != TriggerMessageStatusEnum.ACCEPTED) {
            throw new AssertionError("TriggerMessage " + message.value() + " answered " + response.getStatus());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(notification).size() > before);
        return requests(notification).get(before);
    }

    /**
     * Waits until the station, idle on the wire, has one more timer than after boot (a retry or a scheduled
     * step), then moves virtual time forward.
     */
    public void advanceWhenScheduled(Duration duration) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            station.whenIdle().get(30, TimeUnit.SECONDS);
            return time.pending() > idleTimers;
        });
        time.advance(duration);
    }

    /**
     * Lets virtual time pass like real time: in steps shorter than the message timeout, the station idle on the
     * wire before each, so heartbeats on the way are answered rather than timed out.
     */
    public void pass(Duration duration) throws Exception {
        Duration step = Duration.ofSeconds(20);
        for (Duration left = duration; !left.isZero(); left = left.minus(step.compareTo(left) < 0 ? step : left)) {
            station.whenIdle().get(30, TimeUnit.SECONDS);
            time.advance(step.compareTo(left) < 0 ? step : left);
        }
    }

    @Override
    public void close() {
        station.stop();
        csms.close();
        files.stop();
    }
}
