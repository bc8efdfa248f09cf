package io.ocppbdd.station.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.GetCompositeScheduleRequest;
import io.ocppbdd.protocol.messages.GetCompositeScheduleResponse;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.protocol.messages.RequestStopTransactionRequest;
import io.ocppbdd.protocol.messages.RequestStopTransactionResponse;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.ocppbdd.station.remote.Remote.start;
import static io.ocppbdd.station.remote.Remote.station;
import static io.ocppbdd.testing.TestHarness.join;
import static io.ocppbdd.testing.TestHarness.rfid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RemoteStartStopTest {

    static RequestStopTransactionResponse stop(TestHarness.Station fx, String transactionId) {
        RequestStopTransactionResponse response = join(fx.csms.send(fx.id,
                new RequestStopTransactionRequest().withTransactionId(transactionId),
                RequestStopTransactionResponse.class));
        fx.idle();
        return response;
    }

    private static String type(ObjectNode event) {
        return event.path("eventType").asText() + "/" + event.path("triggerReason").asText();
    }

    @Test
    @DisplayName("F02.FR.01/21 remote start first: Started carries triggerReason RemoteStart, remoteStartId and "
            + "idToken (F02.FR.12); F01.FR.02 no Authorize; F03.FR.03 remote stop ends with RemoteStop / Remote")
    void remoteStartFirstThenRemoteStop() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RS-F02", Map.of()));
            assertThat(start(fx, 1, "REMOTE-1", 42).getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            assertThat(fx.events()).as("PowerPathClosed needs the cable").isEmpty();
            fx.plugIn(1);
            ObjectNode started = fx.event(0);
            assertThat(type(started)).isEqualTo("Started/RemoteStart");
            assertThat(started.path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(42);
            assertThat(started.path("idToken").path("idToken").asText()).isEqualTo("REMOTE-1");
            assertThat(fx.csms.requests(fx.id, Action.Authorize)).isEmpty();

            String transactionId = started.path("transactionInfo").path("transactionId").asText();
            assertThat(stop(fx, transactionId).getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            ObjectNode ended = fx.event(1);
            assertThat(type(ended)).isEqualTo("Ended/RemoteStop");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("Remote");
            assertThat(ended.path("transactionInfo").has("remoteStartId")).as("only the first event").isFalse();
        }
    }

    @Test
    @DisplayName("F01.FR.13/19/25 cable first (TxStartPoint EVConnected): the answer has the transactionId, the "
            + "next event is Updated with RemoteStart and the remoteStartId; F03.FR.02 with TxStopPoint EVConnected "
            + "a remote stop is an Updated event with RemoteStop and the transaction goes on")
    void cableFirstThenRemoteStart() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RS-F01", Map.of("TxCtrlr.TxStartPoint", "EVConnected",
                "TxCtrlr.TxStopPoint", "EVConnected")));
            fx.plugIn(1);
            String transactionId = fx.event(0).path("transactionInfo").path("transactionId").asText();
            RequestStartTransactionResponse response = start(fx, 1, "REMOTE-2", 7);
            assertThat(response.getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            assertThat(response.getTransactionId()).isEqualTo(transactionId);
            ObjectNode updated = fx.event(1);
            assertThat(type(updated)).isEqualTo("Updated/RemoteStart");
            assertThat(updated.path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(7);

            assertThat(stop(fx, transactionId).getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            assertThat(type(fx.event(2))).isEqualTo("Updated/RemoteStop");
            assertThat(fx.event(2).path("transactionInfo").path("chargingState").asText()).isEqualTo("SuspendedEVSE");
        }
    }

    @Test
    @DisplayName("F02.FR.07 / C01.FR.26 a remote start whose driver never plugs in lapses after EVConnectionTimeOut: "
            + "a later plug-in starts a transaction without RemoteStart or remoteStartId")
    void remoteStartLapses() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RS-LAPSE", Map.of("TxCtrlr.TxStartPoint", "EVConnected",
                "TxCtrlr.EVConnectionTimeOut", "60")));
            start(fx, 1, "REMOTE-3", 9);
            fx.pass(java.time.Duration.ofSeconds(61));
            fx.plugIn(1);
            ObjectNode started = fx.event(0);
            assertThat(type(started)).isEqualTo("Started/CablePluggedIn");
            assertThat(started.path("transactionInfo").has("remoteStartId")).isFalse();
        }
    }

    @Test
    @DisplayName("F01.FR.01 with AuthorizeRemoteStart true the idToken is authorized first; a rejected idToken "
            + "starts nothing")
    void authorizeRemoteStart() {
        StationState state = station("RS-AUTH", Map.of());
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            boolean known = fx.onLoop(() -> fx.simulator().deviceModel()
                    .actual("AuthCtrlr", "AuthorizeRemoteStart").isPresent());
            org.junit.jupiter.api.Assumptions.assumeTrue(known, "device model lacks AuthCtrlr.AuthorizeRemoteStart");
        }
        state = station("RS-AUTH2", Map.of("AuthCtrlr.AuthorizeRemoteStart", "true"));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.csms.stubFor(Stub.on(Action.Authorize).forStation(fx.id)
                    .when(p -> p.path("idToken").path("idToken").asText().equals("BAD"))
                    .willReturn(p -> p.with("idTokenInfo").put("status", "Blocked")));
            assertThat(start(fx, 1, "BAD", 1).getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            fx.plugIn(1);
            assertThat(fx.csms.requests(fx.id, Action.Authorize)).hasSize(1);
            assertThat(fx.events()).isEmpty();
            fx.unplug(1);

            start(fx, 1, "GOOD", 2);
            fx.plugIn(1);
            assertThat(fx.csms.requests(fx.id, Action.Authorize)).hasSize(2);
            assertThat(fx.event(0).path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("F01.FR.23/24 Rejected on an Unavailable EVSE and on an EVSE with an authorized transaction; "
            + "F03.FR.08 unknown transactionId Rejected; F01.FR.20 without evseId the station picks a free EVSE")
    void rejections() {
        StationState state = station("RS-REJ", Map.of());
        state.getEvses().add(io.ocppbdd.station.state.EvseState.withConnectors(2, 1));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.onLoop(() -> {
                fx.module(io.ocppbdd.station.evse.EvseModule.class).setUnavailable(2, 1, true);
                return null;
            });
            fx.idle();
            assertThat(start(fx, 2, "T", 1).getStatus()).as("F01.FR.23").isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(start(fx, 3, "T", 1).getStatus()).as("unknown EVSE").isEqualTo(RequestStartStopStatusEnum.REJECTED);

            fx.plugIn(1);
            fx.present(1, "LOCAL");
            assertThat(fx.event(0).path("eventType").asText()).isEqualTo("Started");
            assertThat(start(fx, 1, "T", 1).getStatus()).as("F01.FR.24").isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(start(fx, null, "T", 1).getStatus()).as("no free EVSE left")
                    .isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(stop(fx, "no-such-transaction").getStatus()).as("F03.FR.08")
                    .isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(fx.events()).hasSize(1);
        }
    }

    @Test
    @DisplayName("F01.FR.10/F02.FR.18 the TxProfile of an accepted remote start limits the transaction it starts "
            + "(K08: the composite schedule shows it)")
    void chargingProfileApplied() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RS-PROF", Map.of()));
            ChargingProfile profile = Remote.txProfile(5, 4000);
            RequestStartTransactionResponse response = join(fx.csms.send(fx.id, new RequestStartTransactionRequest()
                    .withEvseId(1).withIdToken(rfid("P")).withRemoteStartId(3).withChargingProfile(profile),
                    RequestStartTransactionResponse.class));
            assertThat(response.getStatus()).isEqualTo(RequestStartStopStatusEnum.ACCEPTED);
            fx.idle();
            fx.plugIn(1);
            assertThat(fx.event(0).path("transactionInfo").path("remoteStartId").asInt()).isEqualTo(3);
            GetCompositeScheduleResponse composite = join(fx.csms.send(fx.id, new GetCompositeScheduleRequest()
                    .withEvseId(1).withDuration(60).withChargingRateUnit(ChargingRateUnitEnum.W),
                    GetCompositeScheduleResponse.class));
            assertThat(composite.getSchedule().getChargingSchedulePeriod().get(0).getLimit()).isEqualTo(4000.0);
        }
    }

    @Test
    @DisplayName("B02.FR.05 while Pending RequestStartTransaction and RequestStopTransaction are Rejected")
    void rejectedWhilePending() {
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", "Pending")));
            ChargingStation station = ChargingStation.builder(StationState.defaults("RS-PEND"))
                    .csmsUrl(csms.url()).scheduler(new io.ocppbdd.concurrent.ManualScheduler(TestHarness.START))
                    .build();
            try (station) {
                join(station.start());
                await().atMost(Duration.ofSeconds(30)).until(() -> station.bootStatus() == BootStatus.PENDING);
                RequestStartTransactionResponse started = join(csms.send("RS-PEND", new RequestStartTransactionRequest()
                        .withEvseId(1).withIdToken(rfid("T")).withRemoteStartId(1),
                        RequestStartTransactionResponse.class));
                assertThat(started.getStatus()).isEqualTo(RequestStartStopStatusEnum.REJECTED);
                RequestStopTransactionResponse stopped = join(csms.send("RS-PEND",
                        new RequestStopTransactionRequest().withTransactionId("x"), RequestStopTransactionResponse.class));
                assertThat(stopped.getStatus()).isEqualTo(RequestStartStopStatusEnum.REJECTED);
            }
        }
    }
}
