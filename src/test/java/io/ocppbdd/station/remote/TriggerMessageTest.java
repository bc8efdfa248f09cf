package io.ocppbdd.station.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.MessageTriggerEnum;
import io.ocppbdd.protocol.messages.TriggerMessageRequest;
import io.ocppbdd.protocol.messages.TriggerMessageResponse;
import io.ocppbdd.protocol.messages.TriggerMessageStatusEnum;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.station.remote.Remote.station;
import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TriggerMessageTest {

    private static TriggerMessageStatusEnum trigger(EmbeddedCsms csms, String id, MessageTriggerEnum message,
                                                    EVSE evse) {
        return join(csms.send(id, new TriggerMessageRequest().withRequestedMessage(message).withEvse(evse),
                TriggerMessageResponse.class)).getStatus();
    }

    private static TriggerMessageStatusEnum trigger(TestHarness.Station fx, MessageTriggerEnum message, EVSE evse) {
        TriggerMessageStatusEnum status = trigger(fx.csms, fx.id, message, evse);
        fx.idle();
        return status;
    }

    private static List<ObjectNode> sent(TestHarness.Station fx, Action action) {
        return fx.csms.requests(fx.id, action).stream().map(RecordedRequest::payload).toList();
    }

    @Test
    @DisplayName("F06.FR.17 BootNotification after an Accepted boot is Rejected; F06.FR.08 "
            + "SignChargingStationCertificate is NotImplemented; an unknown EVSE is Rejected")
    void rejectedAndNotImplemented() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TRG-REJ", Map.of()));
            assertThat(trigger(fx, MessageTriggerEnum.BOOT_NOTIFICATION, null))
                    .isEqualTo(TriggerMessageStatusEnum.REJECTED);
            assertThat(trigger(fx, MessageTriggerEnum.SIGN_CHARGING_STATION_CERTIFICATE, null))
                    .isEqualTo(TriggerMessageStatusEnum.NOT_IMPLEMENTED);
            assertThat(trigger(fx, MessageTriggerEnum.STATUS_NOTIFICATION, new EVSE().withId(9).withConnectorId(1)))
                    .isEqualTo(TriggerMessageStatusEnum.REJECTED);
            assertThat(sent(fx, Action.BootNotification)).hasSize(1);
        }
    }

    @Test
    @DisplayName("F06.FR.04 the answer goes out before the Heartbeat it triggers; F06.FR.12/13 StatusNotification "
            + "for one connector; F06.FR.11 without evse for every connector; F06.FR.15/16 Log- and "
            + "FirmwareStatusNotification Idle")
    void triggeredMessages() {
        StationState state = station("TRG-OK", Map.of());
        state.getEvses().add(io.ocppbdd.station.state.EvseState.withConnectors(2, 2));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            int heartbeats = sent(fx, Action.Heartbeat).size();
            assertThat(trigger(fx, MessageTriggerEnum.HEARTBEAT, null)).isEqualTo(TriggerMessageStatusEnum.ACCEPTED);
            assertThat(sent(fx, Action.Heartbeat)).hasSize(heartbeats + 1);
            List<TraceEntry> out = fx.simulator().trace().entries().stream()
                    .filter(e -> e.direction() == Direction.SENT).toList();
            int answer = indexOf(out, "[3,");
            int heartbeat = indexOf(out, "\"Heartbeat\"");
            assertThat(answer).isLessThan(heartbeat).isNotNegative();

            int statuses = sent(fx, Action.StatusNotification).size();
            trigger(fx, MessageTriggerEnum.STATUS_NOTIFICATION, new EVSE().withId(2).withConnectorId(2));
            List<ObjectNode> all = sent(fx, Action.StatusNotification);
            assertThat(all).hasSize(statuses + 1);
            assertThat(all.get(statuses).path("evseId").asInt()).isEqualTo(2);
            assertThat(all.get(statuses).path("connectorId").asInt()).isEqualTo(2);
            trigger(fx, MessageTriggerEnum.STATUS_NOTIFICATION, null);
            assertThat(sent(fx, Action.StatusNotification)).hasSize(statuses + 4);

            trigger(fx, MessageTriggerEnum.LOG_STATUS_NOTIFICATION, null);
            trigger(fx, MessageTriggerEnum.FIRMWARE_STATUS_NOTIFICATION, null);
            assertThat(sent(fx, Action.LogStatusNotification).get(0).path("status").asText()).isEqualTo("Idle");
            assertThat(sent(fx, Action.FirmwareStatusNotification).get(0).path("status").asText()).isEqualTo("Idle");
        }
    }

    private static int indexOf(List<TraceEntry> entries, String fragment) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).frame().contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @DisplayName("F06.FR.06 MeterValues with context Trigger; F06.FR.07 TransactionEvent Updated with triggerReason "
            + "Trigger, chargingState and meter values; Rejected without a transaction")
    void meterValuesAndTransactionEvent() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TRG-TX", Map.of()));
            assertThat(trigger(fx, MessageTriggerEnum.TRANSACTION_EVENT, null))
                    .isEqualTo(TriggerMessageStatusEnum.REJECTED);
            assertThat(trigger(fx, MessageTriggerEnum.METER_VALUES, new EVSE().withId(1)))
                    .isEqualTo(TriggerMessageStatusEnum.ACCEPTED);
            ObjectNode meter = sent(fx, Action.MeterValues).get(0);
            assertThat(meter.path("evseId").asInt()).isEqualTo(1);
            assertThat(meter.path("meterValue").get(0).path("sampledValue").get(0).path("context").asText())
                    .isEqualTo("Trigger");

            fx.plugIn(1);
            fx.present(1, "TOKEN");
            assertThat(trigger(fx, MessageTriggerEnum.TRANSACTION_EVENT, null))
                    .isEqualTo(TriggerMessageStatusEnum.ACCEPTED);
            ObjectNode event = fx.event(1);
            assertThat(event.path("eventType").asText()).isEqualTo("Updated");
            assertThat(event.path("triggerReason").asText()).isEqualTo("Trigger");
            assertThat(event.path("transactionInfo").path("chargingState").asText()).isEqualTo("Charging");
            assertThat(event.path("meterValue").get(0).path("sampledValue").get(0).path("context").asText())
                    .isEqualTo("Trigger");
        }
    }

    @Test
    @DisplayName("F06 / B02.FR.02 while Pending, a triggered BootNotification and Heartbeat are sent")
    void triggeredWhilePending() {
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", "Pending",
                    "interval", 3600)));
            ChargingStation station = ChargingStation.builder(StationState.defaults("TRG-PEND"))
                    .csmsUrl(csms.url()).scheduler(new io.ocppbdd.concurrent.ManualScheduler(TestHarness.START))
                    .build();
            try (station) {
                join(station.start());
                await().atMost(Duration.ofSeconds(30)).until(() -> station.bootStatus() == BootStatus.PENDING);
                assertThat(trigger(csms, "TRG-PEND", MessageTriggerEnum.HEARTBEAT, null))
                        .isEqualTo(TriggerMessageStatusEnum.ACCEPTED);
                join(csms.request("TRG-PEND", Action.Heartbeat, p -> true));
                assertThat(trigger(csms, "TRG-PEND", MessageTriggerEnum.BOOT_NOTIFICATION, null))
                        .isEqualTo(TriggerMessageStatusEnum.ACCEPTED);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> csms.requests("TRG-PEND", Action.BootNotification).size() == 2);
            }
        }
    }
}
