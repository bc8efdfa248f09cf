package io.ocppbdd.station.ev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.protocol.messages.RequestStopTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStopTransactionResponse;
import io.ocppbdd.station.remote.Remote;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.testing.TestHarness.join;
import static io.ocppbdd.testing.TestHarness.rfid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SimulatedEvTest {

    private static final Duration PLUG_DELAY = Duration.ofSeconds(5);

    private static TestHarness.Station autoStation(TestHarness harness, String id, Map<String, String> variables) {
        TestHarness.Station fx = harness.boot(Remote.station(id, variables));
        fx.module(SimulatedEv.class).mode(EvMode.AUTO).plugDelay(PLUG_DELAY);
        return fx;
    }

    private static List<String> statuses(TestHarness.Station fx) {
        return fx.csms.requests(fx.id, Action.StatusNotification).stream().map(RecordedRequest::payload)
                .map(p -> p.path("connectorStatus").asText()).toList();
    }

    private static String type(ObjectNode event) {
        return event.path("eventType").asText() + "/" + event.path("triggerReason").asText();
    }

    private static double measured(ObjectNode event, String measurand) {
        for (JsonNode sampled : event.path("meterValue").get(0).path("sampledValue")) {
            if (sampled.path("measurand").asText("Energy.Active.Import.Register").equals(measurand)) {
                return sampled.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + measurand + " in " + event);
    }

    private static RequestStopTransactionResponse stop(TestHarness.Station fx, String transactionId) {
        RequestStopTransactionResponse answer = join(fx.csms.send(fx.id,
                new RequestStopTransactionRequest().withTransactionId(transactionId),
                RequestStopTransactionResponse.class));
        fx.idle();
        return answer;
    }

    @Test
    @DisplayName("Auto EV: after an accepted remote start the driver plugs in exactly after the plug delay; Started "
            + "carries RemoteStart and the remoteStartId (F02.FR.01/21); the EV charges within the TxProfile of the "
            + "request (F02.FR.18), Updated carries meter values (F02.FR.03); a remote stop ends it (F03.FR.03) and "
            + "the driver unplugs after the delay (G01.FR.04)")
    void remoteStartedSession() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = autoStation(harness, "EV-AUTO", Map.of("SampledDataCtrlr.TxUpdatedInterval", "60"));
            ChargingProfile profile = Remote.txProfile(5, 4000);
            RequestStartTransactionResponse answer = join(fx.csms.send(fx.id, new RequestStartTransactionRequest()
                    .withEvseId(1).withIdToken(rfid("APP-1")).withRemoteStartId(77).withChargingProfile(profile),
                    RequestStartTransactionResponse.class));
            assertThat(answer.getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);

            fx.pass(PLUG_DELAY.minusSeconds(1));
            assertThat(fx.events()).as("no cable yet").isEmpty();
            assertThat(statuses(fx)).containsExactly("Available");
            fx.pass(Duration.ofSeconds(1));
            ObjectNode started = fx.event(0);
            assertThat(type(started)).isEqualTo("Started/RemoteStart");
            assertThat(started.path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(77);
            assertThat(started.path("idToken").path("idToken").asText()).isEqualTo("APP-1");
            assertThat(started.path("evse").path("connectorId").asInt()).isEqualTo(1);
            assertThat(statuses(fx)).containsExactly("Available", "Occupied");

            fx.pass(Duration.ofSeconds(60));
            ObjectNode updated = fx.events().stream().filter(e -> type(e).equals("Updated/MeterValuePeriodic"))
                    .findFirst().orElseThrow(() -> new AssertionError("no periodic Updated in " + fx.events()));
            assertThat(measured(updated, "Power.Active.Import")).as("capped by the TxProfile").isEqualTo(4000.0);
            assertThat(measured(updated, "Energy.Active.Import.Register"))
                    .isGreaterThan(measured(started, "Energy.Active.Import.Register"));

            String transactionId = started.path("transactionInfo").path("transactionId").asText();
            assertThat(stop(fx, transactionId).getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            ObjectNode ended = fx.events().get(fx.events().size() - 1);
            assertThat(type(ended)).isEqualTo("Ended/RemoteStop");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("Remote");
            assertThat(statuses(fx)).as("the driver takes the delay to unplug").containsExactly("Available", "Occupied");
            fx.pass(PLUG_DELAY);
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(fx).size() == 3);
            assertThat(statuses(fx)).containsExactly("Available", "Occupied", "Available");
        }
    }

    @Test
    @DisplayName("F01.FR.24 / F02.FR.26 a second remote start on the busy EVSE is Rejected with reason code "
            + "TxInProgress; B02.FR.05 reason codes for an unknown EVSE and F03.FR.08 for an unknown transaction")
    void secondRemoteStartRejected() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = autoStation(harness, "EV-BUSY", Map.of());
            assertThat(Remote.start(fx, 1, "APP-1", 1).getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            RequestStartTransactionResponse second = Remote.start(fx, 1, "APP-2", 2);
            assertThat(second.getStatus()).isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(second.getStatusInfo().getReasonCode()).isEqualTo("TxInProgress");
            assertThat(second.getStatusInfo().getAdditionalInfo())
                    .isEqualTo("EVSE 1 already has an authorized transaction");
            RequestStartTransactionResponse anyEvse = Remote.start(fx, null, "APP-2", 3);
            assertThat(anyEvse.getStatusInfo().getReasonCode()).as("F01.FR.20, the only EVSE is busy")
                    .isEqualTo("TxInProgress");
            assertThat(Remote.start(fx, 9, "APP-2", 4).getStatusInfo().getReasonCode()).isEqualTo("UnknownEvse");
            assertThat(stop(fx, "no-such-transaction").getStatusInfo().getReasonCode()).isEqualTo("TxNotFound");

            fx.pass(PLUG_DELAY);
            assertThat(fx.event(0).path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("F02.FR.07 a remote start whose EV comes later than EVConnectionTimeOut (TxStartPoint Authorized): "
            + "Ended with triggerReason EVConnectTimeout and stoppedReason Timeout; the driver then stays away")
    void connectionTimeoutEndsTransaction() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = autoStation(harness, "EV-LATE", Map.of("TxCtrlr.TxStartPoint", "Authorized",
                "TxCtrlr.EVConnectionTimeOut", "3"));
            Remote.start(fx, 1, "APP-1", 5);
            assertThat(type(fx.event(0))).isEqualTo("Started/RemoteStart");
            fx.pass(PLUG_DELAY);
            ObjectNode ended = fx.event(1);
            assertThat(type(ended)).isEqualTo("Ended/EVConnectTimeout");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("Timeout");
            fx.pass(PLUG_DELAY);
            assertThat(statuses(fx)).as("no cable").containsExactly("Available");
            assertThat(fx.events()).hasSize(2);
        }
    }

    @Test
    @DisplayName("F02.FR.08 with TxStopPoint ParkingBayOccupancy the timeout deauthorizes: Updated with "
            + "EVConnectTimeout, the transaction goes on until the bay is free")
    void connectionTimeoutWithParkingBay() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = autoStation(harness, "EV-BAY", Map.of("TxCtrlr.TxStartPoint", "Authorized",
                "TxCtrlr.TxStopPoint", "ParkingBayOccupancy", "TxCtrlr.EVConnectionTimeOut", "3"));
            Remote.start(fx, 1, "APP-1", 6);
            fx.event(0);
            fx.pass(PLUG_DELAY);
            ObjectNode updated = fx.event(1);
            assertThat(type(updated)).isEqualTo("Updated/EVConnectTimeout");
            fx.pass(PLUG_DELAY);
            assertThat(statuses(fx)).containsExactly("Available");
        }
    }

    @Test
    @DisplayName("E07.FR.01 a local stop by the driver's own token ends the session, and the driver unplugs")
    void localStop() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = autoStation(harness, "EV-LOCAL", Map.of());
            Remote.start(fx, 1, "APP-1", 8);
            fx.pass(PLUG_DELAY);
            fx.event(0);
            fx.present(1, "APP-1");
            assertThat(type(fx.event(1))).isEqualTo("Ended/StopAuthorized");
            fx.pass(PLUG_DELAY);
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(fx).size() == 3);
            assertThat(statuses(fx)).containsExactly("Available", "Occupied", "Available");
        }
    }

    @Test
    @DisplayName("Manual EV (the library's default): a remote start waits for someone to plug in; a negative delay "
            + "is refused")
    void manualByDefault() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(Remote.station("EV-MANUAL", Map.of()));
            SimulatedEv ev = fx.module(SimulatedEv.class);
            assertThat(ev.mode()).isEqualTo(EvMode.MANUAL);
            assertThat(ev.plugDelay()).isEqualTo(SimulatedEv.DEFAULT_PLUG_DELAY);
            Remote.start(fx, 1, "APP-1", 9);
            fx.pass(Duration.ofSeconds(30));
            assertThat(fx.events()).isEmpty();
            assertThat(statuses(fx)).containsExactly("Available");
            assertThatThrownBy(() -> ev.plugDelay(Duration.ofSeconds(-1)))
                    .hasMessage("the EV plug delay cannot be negative (PT-1S)");
            assertThat(EvMode.fromName("Auto")).isEqualTo(EvMode.AUTO);
            assertThatThrownBy(() -> EvMode.fromName("robot")).hasMessage("unknown EV mode 'robot' (auto or manual)");
        }
    }
}
