package io.ocppbdd.station.provisioning;

import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.messages.GetVariableData;
import io.ocppbdd.protocol.messages.GetVariablesRequest;
import io.ocppbdd.protocol.messages.GetVariablesResponse;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cold boot, B01-B03, over real loopback sockets on virtual time. */
class ColdBootTest {

    private final TestHarness harness = new TestHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("B01.FR.01/09: on start-up the station sends BootNotification with its identity and reason PowerUp")
    void bootNotificationOnStartUp() {
        ChargingStation station = harness.connect("CS-B01-1").simulator();

        RecordedRequest boot = harness.nth(station.id(), Action.BootNotification, 1);

        assertThat(boot.payload().path("reason").asText()).isEqualTo("PowerUp");
        assertThat(boot.payload().at("/chargingStation/vendorName").asText()).isEqualTo("ocpp-bdd");
        assertThat(boot.payload().at("/chargingStation/model").asText()).isEqualTo("Simulator");
        assertThat(boot.payload().at("/chargingStation/serialNumber").asText()).isEqualTo("SN-CS-B01-1");
        assertThat(boot.payload().at("/chargingStation/firmwareVersion").asText()).isEqualTo("1.0.0");
    }

    @Test
    @DisplayName("B01.FR.05: once accepted, the station sends a StatusNotification for every connector")
    void statusNotificationForEveryConnector() {
        StationState state = StationState.withEvses("CS-B01-5", 2);
        state.getEvses().get(1).getConnectors().add(new io.ocppbdd.station.state.EvseState.ConnectorState(
                2, "cCCS2", "Unavailable"));
        ChargingStation station = harness.connect(state, null).simulator();

        harness.nth(station.id(), Action.StatusNotification, 3);
        harness.pass(Duration.ZERO);

        assertThat(harness.csms.requests(station.id(), Action.StatusNotification))
                .extracting(r -> r.payload().path("evseId").asInt() + "/" + r.payload().path("connectorId").asInt()
                        + " " + r.payload().path("connectorStatus").asText())
                .containsExactlyInAnyOrder("1/1 Available", "2/1 Available", "2/2 Unavailable");
        assertThat(station.bootStatus()).isEqualTo(BootStatus.ACCEPTED);
    }

    @Test
    @DisplayName("B01.FR.04: the heartbeat interval comes from the BootNotification answer")
    void heartbeatIntervalFromBootAnswer() {
        harness.csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("interval", 42)));
        ChargingStation station = harness.connect("CS-B01-4").simulator();
        harness.nth(station.id(), Action.StatusNotification, 1);

        harness.pass(Duration.ofSeconds(41));
        assertThat(harness.csms.requests(station.id(), Action.Heartbeat)).isEmpty();
        harness.pass(Duration.ofSeconds(1));
        RecordedRequest first = harness.nth(station.id(), Action.Heartbeat, 1);
        harness.pass(Duration.ofSeconds(42));
        RecordedRequest second = harness.nth(station.id(), Action.Heartbeat, 2);

        assertThat(Duration.between(first.time(), second.time())).isEqualTo(Duration.ofSeconds(42));
        assertThat(station.deviceModel().actual("OCPPCommCtrlr", "HeartbeatInterval")).hasValue("42");
    }

    @Test
    @DisplayName("B01.FR.08, B02.FR.02: no other CALL before the CSMS accepts the station; held messages go after")
    void noOtherCallBeforeAccepted() throws Exception {
        harness.csms.stubFor(Stub.on(Action.BootNotification).once()
                .willReturnFields(Map.of("status", "Pending", "interval", 20)));
        ChargingStation station = harness.connect("CS-B01-8").simulator();
        harness.nth(station.id(), Action.BootNotification, 1);

        var heartbeat = station.send(new io.ocppbdd.protocol.messages.HeartbeatRequest(),
                io.ocppbdd.protocol.messages.HeartbeatResponse.class);
        harness.pass(Duration.ofSeconds(19));
        assertThat(TestHarness.sentActions(station)).containsExactly("BootNotification");

        harness.pass(Duration.ofSeconds(1));
        TestHarness.join(heartbeat);
        TestHarness.join(station.whenIdle());
        assertThat(TestHarness.sentActions(station)).startsWith("BootNotification", "BootNotification")
                .contains("Heartbeat", "StatusNotification");
        assertThat(harness.csms.trace().entries()).noneMatch(e -> e.frame().contains("SecurityError"));
    }

    @Test
    @DisplayName("B02.FR.01/06/08: while Pending the station answers GetVariables, keeps the connection and boots again after the interval")
    void pendingAnswersGetVariablesAndRetries() {
        harness.csms.stubFor(Stub.on(Action.BootNotification).once()
                .willReturnFields(Map.of("status", "Pending", "interval", 15)));
        ChargingStation station = harness.connect("CS-B02").simulator();
        harness.nth(station.id(), Action.BootNotification, 1);

        GetVariablesResponse answer = TestHarness.join(harness.csms.send(station.id(),
                heartbeatIntervalQuery(), GetVariablesResponse.class));
        assertThat(answer.getGetVariableResult().get(0).getAttributeValue()).isEqualTo("300");
        assertThat(station.bootStatus()).isEqualTo(BootStatus.PENDING);

        harness.pass(Duration.ofSeconds(14));
        assertThat(harness.csms.requests(station.id(), Action.BootNotification)).hasSize(1);
        harness.pass(Duration.ofSeconds(1));
        RecordedRequest second = harness.nth(station.id(), Action.BootNotification, 2);

        assertThat(Duration.between(harness.csms.requests(station.id(), Action.BootNotification).get(0).time(),
                second.time())).isEqualTo(Duration.ofSeconds(15));
        assertThat(station.isConnected()).isTrue();
        harness.nth(station.id(), Action.StatusNotification, 1);
        assertThat(station.bootStatus()).isEqualTo(BootStatus.ACCEPTED);
    }

    private static GetVariablesRequest heartbeatIntervalQuery() {
        return new GetVariablesRequest().withGetVariableData(java.util.List.of(new GetVariableData()
                .withComponent(new Component().withName("OCPPCommCtrlr"))
                .withVariable(new Variable().withName("HeartbeatInterval"))));
    }

    @Test
    @DisplayName("B02.FR.07, B03.FR.05: with interval 0 the station waits an interval of its own before booting again")
    void ownIntervalWhenCsmsGivesZero() {
        harness.csms.stubFor(Stub.on(Action.BootNotification).once()
                .willReturnFields(Map.of("status", "Pending", "interval", 0)));
        ChargingStation station = harness.connect("CS-B02-7").simulator();
        harness.nth(station.id(), Action.BootNotification, 1);

        harness.pass(BootModule.OWN_RETRY_INTERVAL.minusSeconds(1));
        assertThat(harness.csms.requests(station.id(), Action.BootNotification)).hasSize(1);
        harness.pass(Duration.ofSeconds(1));
        harness.nth(station.id(), Action.BootNotification, 2);
    }

    @Test
    @DisplayName("B03.FR.02/06/08: a rejected station sends nothing until the interval and answers CSMS calls with SecurityError")
    void rejectedStationIsSilentAndRefusesCalls() throws Exception {
        harness.csms.stubFor(Stub.on(Action.BootNotification).once()
                .willReturnFields(Map.of("status", "Rejected", "interval", 30)));
        ChargingStation station = harness.connect("CS-B03").simulator();
        harness.nth(station.id(), Action.BootNotification, 1);
        harness.pass(Duration.ZERO);

        var call = harness.csms.send(station.id(), heartbeatIntervalQuery(), GetVariablesResponse.class);
        assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(CallFailedException.class,
                        failure -> assertThat(failure.callError().errorCode()).isEqualTo(ErrorCode.SecurityError));

        station.send(new io.ocppbdd.protocol.messages.HeartbeatRequest(),
                io.ocppbdd.protocol.messages.HeartbeatResponse.class);
        harness.pass(Duration.ofSeconds(29));
        assertThat(TestHarness.sentActions(station)).containsExactly("BootNotification");
        harness.pass(Duration.ofSeconds(1));
        harness.nth(station.id(), Action.BootNotification, 2);
        harness.nth(station.id(), Action.Heartbeat, 1);
    }

    @Test
    @DisplayName("Part 4 §5.3: after a dropped connection the station reconnects with back-off and does not boot again")
    void reconnectsWithoutNewBoot() {
        ChargingStation station = harness.connect("CS-RECONNECT").simulator();
        harness.nth(station.id(), Action.StatusNotification, 1);
        harness.pass(Duration.ZERO);

        station.dropConnection();
        org.awaitility.Awaitility.await().atMost(TestHarness.PATIENCE)
                .until(() -> !harness.csms.isConnected(station.id()) && !station.isConnected());
        harness.pass(Duration.ofSeconds(9));
        assertThat(station.isConnected()).isFalse();
        harness.pass(Duration.ofSeconds(11));
        org.awaitility.Awaitility.await().atMost(TestHarness.PATIENCE).until(station::isConnected);

        harness.pass(Duration.ofSeconds(300));
        harness.nth(station.id(), Action.Heartbeat, 1);
        assertThat(harness.csms.requests(station.id(), Action.BootNotification)).hasSize(1);
    }
}
