package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox on virtual time: E13 retries, resends after a lost connection, offline flags, B04, QueueAllMessages. */
class OfflineQueueTest {

    private final TestHarness harness = new TestHarness();
    private final AtomicBoolean faulty = new AtomicBoolean(true);

    @AfterEach
    void stop() {
        harness.close();
    }

    /**
     * A station with transactions from cable to cable, no meter-value events, an exact reconnect back-off of 10 s
     * and these variables.
     */
    private ChargingStation station(String id, int evses, Map<String, String> variables) {
        StationState state = StationState.withEvses(id, evses);
        state.getDeviceModel().putAll(Map.of("TxCtrlr.TxStartPoint", "EVConnected", "TxCtrlr.TxStopPoint", "EVConnected",
                "OCPPCommCtrlr.RetryBackOffRandomRange", "0", "SampledDataCtrlr.TxUpdatedInterval", "0",
                "AlignedDataCtrlr.Interval", "0"));
        state.getDeviceModel().putAll(variables);
        ChargingStation station = harness.connect(state, null).simulator();
        await().atMost(TestHarness.PATIENCE).until(() -> harness.csms.requests(id, Action.StatusNotification).size() == evses);
        join(station.whenIdle());
        return station;
    }

    private static List<TraceEntry> sent(ChargingStation station, Action action) {
        return station.trace().entries().stream().filter(e -> e.direction() == Direction.SENT)
                .filter(e -> e.frame().startsWith("[2,") && e.frame().contains("\"" + action.name() + "\"")).toList();
    }

    private static List<TraceEntry> awaitSent(ChargingStation station, Action action, int count) {
        await().atMost(TestHarness.PATIENCE).until(() -> sent(station, action).size() >= count);
        return sent(station, action);
    }

    private static ObjectNode payload(TraceEntry entry) {
        return (ObjectNode) Json.parse(entry.frame()).get(3);
    }

    private static String messageId(TraceEntry entry) {
        return Json.parse(entry.frame()).get(1).asText();
    }

    private void plug(ChargingStation station, int evseId) {
        join(station.module(EvseModule.class).plugIn(evseId, 1));
    }

    private void unplug(ChargingStation station, int evseId) {
        join(station.module(EvseModule.class).unplug(evseId));
    }

    /** Lets time pass, then waits for the station to have sent what fell due. */
    private void pass(ChargingStation station, int seconds) {
        harness.pass(Duration.ofSeconds(seconds));
        join(station.whenIdle());
    }

    private void dropAndReconnect(ChargingStation station) {
        station.dropConnection();
        await().atMost(TestHarness.PATIENCE).until(() -> !station.isConnected());
    }

    private void reconnect(ChargingStation station) {
        harness.pass(Duration.ofSeconds(10));
        await().atMost(TestHarness.PATIENCE).until(station::isConnected);
        join(station.whenIdle());
    }

    @Test
    @DisplayName("E13.FR.02/03/04: a TransactionEvent answered with CALLERROR goes again after 60 s, then 120 s, "
            + "identical with a new message id (Part 4 §4.1.4); after the third failure it is discarded and the next one goes")
    void retriesAfterCallErrorThenDiscards() {
        harness.csms.stubFor(Stub.on(Action.TransactionEvent).when(p -> faulty.get())
                .willFailWith(ErrorCode.InternalError, "billing is down"));
        ChargingStation station = station("E13-ERR", 1, Map.of());
        plug(station, 1);
        Instant first = awaitSent(station, Action.TransactionEvent, 1).get(0).time();
        join(station.whenIdle());

        pass(station, 59);
        assertThat(sent(station, Action.TransactionEvent)).hasSize(1);
        pass(station, 1);
        assertThat(awaitSent(station, Action.TransactionEvent, 2).get(1).time()).isEqualTo(first.plusSeconds(60));
        pass(station, 119);
        assertThat(sent(station, Action.TransactionEvent)).hasSize(2);
        pass(station, 1);
        List<TraceEntry> attempts = awaitSent(station, Action.TransactionEvent, 3);
        assertThat(attempts.get(2).time()).isEqualTo(first.plusSeconds(180));
        join(station.whenIdle());
        pass(station, 3600);
        assertThat(sent(station, Action.TransactionEvent)).as("discarded after MessageAttempts = 3").hasSize(3);
        assertThat(attempts).extracting(OfflineQueueTest::payload).containsOnly(payload(attempts.get(0)));
        assertThat(attempts).extracting(OfflineQueueTest::messageId).doesNotHaveDuplicates();

        faulty.set(false);
        unplug(station, 1);
        ObjectNode ended = payload(awaitSent(station, Action.TransactionEvent, 4).get(3));
        assertThat(ended.path("eventType").asText()).isEqualTo("Ended");
        assertThat(ended.path("seqNo").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("E13.FR.01/03: with MessageAttempts 2 and MessageAttemptInterval 5, an unanswered TransactionEvent "
            + "times out after MessageTimeout (30 s), goes again 5 s later, and is discarded after its second timeout")
    void retriesAfterTimeout() {
        harness.csms.stubFor(Stub.on(Action.TransactionEvent).when(p -> faulty.get()).willNotAnswer());
        ChargingStation station = station("E13-TIMEOUT", 1, Map.of("OCPPCommCtrlr.MessageAttempts:TransactionEvent", "2",
                "OCPPCommCtrlr.MessageAttemptInterval:TransactionEvent", "5"));
        plug(station, 1);
        Instant first = awaitSent(station, Action.TransactionEvent, 1).get(0).time();

        harness.jump(Duration.ofSeconds(30));
        join(station.whenIdle());
        pass(station, 4);
        assertThat(sent(station, Action.TransactionEvent)).hasSize(1);
        harness.jump(Duration.ofSeconds(1));
        assertThat(awaitSent(station, Action.TransactionEvent, 2).get(1).time()).isEqualTo(first.plusSeconds(35));
        harness.jump(Duration.ofSeconds(30));
        join(station.whenIdle());
        pass(station, 600);
        assertThat(sent(station, Action.TransactionEvent)).as("discarded after MessageAttempts = 2").hasSize(2);
    }

    @Test
    @DisplayName("E11.FR.07, E12.FR.02, E04.FR.03: after a lost connection the event in flight goes again identical "
            + "(offline false), one queued behind it now says offline, one made offline says offline; one at a time, in order")
    void resendsAfterLostConnection() {
        harness.csms.stubFor(Stub.on(Action.TransactionEvent).when(p -> faulty.get()).willNotAnswer());
        ChargingStation station = station("E11-DROP", 2, Map.of());
        plug(station, 1);
        TraceEntry inFlight = awaitSent(station, Action.TransactionEvent, 1).get(0);
        plug(station, 2);
        assertThat(sent(station, Action.TransactionEvent)).as("one outstanding CALL").hasSize(1);

        dropAndReconnect(station);
        unplug(station, 1);
        faulty.set(false);
        reconnect(station);

        List<ObjectNode> events = awaitSent(station, Action.TransactionEvent, 4).stream()
                .map(OfflineQueueTest::payload).toList();
        assertThat(events).hasSize(4);
        assertThat(events.get(1)).as("the event in flight, again and identical").isEqualTo(payload(inFlight));
        assertThat(events.get(1).path("offline").asBoolean()).isFalse();
        assertThat(events.get(2).path("evse").path("id").asInt()).isEqualTo(2);
        assertThat(events.get(2).path("offline").asBoolean()).as("E11.FR.07: queued when the connection went").isTrue();
        assertThat(events.get(3).path("eventType").asText()).isEqualTo("Ended");
        assertThat(events.get(3).path("offline").asBoolean()).as("E04.FR.03: made offline").isTrue();
        assertThat(harness.csms.requests(station.id(), Action.TransactionEvent)).hasSize(4);
    }

    @Test
    @DisplayName("B04.FR.02: back within OfflineThreshold, the station reports only the connector that changed")
    void reportsChangedConnectorsAfterShortOutage() {
        ChargingStation station = station("B04-SHORT", 2, Map.of("OCPPCommCtrlr.OfflineThreshold", "60"));
        int before = harness.csms.requests(station.id(), Action.StatusNotification).size();
        dropAndReconnect(station);
        plug(station, 2);
        reconnect(station);
        await().atMost(TestHarness.PATIENCE)
                .until(() -> harness.csms.requests(station.id(), Action.StatusNotification).size() > before);
        join(station.whenIdle());
        List<ObjectNode> reported = harness.csms.requests(station.id(), Action.StatusNotification).stream()
                .skip(before).map(r -> r.payload()).toList();
        assertThat(reported).singleElement().satisfies(p -> {
            assertThat(p.path("evseId").asInt()).isEqualTo(2);
            assertThat(p.path("connectorStatus").asText()).isEqualTo("Occupied");
        });
    }

    @Test
    @DisplayName("B04.FR.01: offline longer than OfflineThreshold, the station reports every connector")
    void reportsEveryConnectorAfterLongOutage() {
        ChargingStation station = station("B04-LONG", 2, Map.of("OCPPCommCtrlr.OfflineThreshold", "5"));
        int before = harness.csms.requests(station.id(), Action.StatusNotification).size();
        dropAndReconnect(station);
        reconnect(station);
        await().atMost(TestHarness.PATIENCE)
                .until(() -> harness.csms.requests(station.id(), Action.StatusNotification).size() >= before + 2);
        join(station.whenIdle());
        assertThat(harness.csms.requests(station.id(), Action.StatusNotification).stream().skip(before)
                .map(r -> r.payload().path("evseId").asInt() + ":" + r.payload().path("connectorStatus").asText()))
                .containsExactly("1:Available", "2:Available");
    }

    @Test
    @DisplayName("QueueAllMessages: a StatusNotification made offline is kept and delivered after reconnecting; "
            + "without it, the station drops it and B04 reports the connector instead")
    void queueAllMessagesKeepsOtherMessages() {
        ChargingStation station = station("QUEUE-ALL", 1, Map.of("OCPPCommCtrlr.QueueAllMessages", "true",
                "OCPPCommCtrlr.OfflineThreshold", "3600"));
        int before = harness.csms.requests(station.id(), Action.StatusNotification).size();
        dropAndReconnect(station);
        plug(station, 1);
        unplug(station, 1);
        reconnect(station);
        await().atMost(TestHarness.PATIENCE)
                .until(() -> harness.csms.requests(station.id(), Action.StatusNotification).size() >= before + 2);
        join(station.whenIdle());
        assertThat(harness.csms.requests(station.id(), Action.StatusNotification).stream().skip(before)
                .map(r -> r.payload().path("connectorStatus").asText())).containsExactly("Occupied", "Available");
    }
}
