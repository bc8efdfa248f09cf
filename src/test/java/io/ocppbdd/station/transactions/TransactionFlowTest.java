package io.ocppbdd.station.transactions;

import io.ocppbdd.driver.TokenOutcome;
import io.ocppbdd.testing.TestHarness;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.metering.MeteringModule;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionFlowTest {

    private static StationState station(String id, Map<String, String> txCtrlr) {
        StationState state = StationState.defaults(id);
        txCtrlr.forEach((variable, value) -> state.getDeviceModel().put("TxCtrlr." + variable, value));
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        return state;
    }

    private static String type(ObjectNode event) {
        return event.path("eventType").asText() + "/" + event.path("triggerReason").asText() + "/"
                + event.path("transactionInfo").path("chargingState").asText("-");
    }

    @Test
    @DisplayName("E02 cable first (TxStartPoint EVConnected): Started on plug-in, Authorized with idToken, "
            + "E07 stop by the same idToken ends with StopAuthorized and Local; E01.FR.07 seqNo 0,1,2")
    void cableFirstThenStopByToken() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E02", Map.of("TxStartPoint", "EVConnected")));
            fx.plugIn(1);
            ObjectNode started = fx.event(0);
            assertThat(type(started)).isEqualTo("Started/CablePluggedIn/EVConnected");
            assertThat(started.path("seqNo").asInt()).isZero();
            assertThat(started.path("evse").path("id").asInt()).isEqualTo(1);
            assertThat(started.path("evse").path("connectorId").asInt()).as("E01.FR.16").isEqualTo(1);
            assertThat(started.has("idToken")).isFalse();
            assertThat(started.path("meterValue").get(0).path("sampledValue").get(0).path("context").asText())
                    .as("E02.FR.09").isEqualTo("Transaction.Begin");

            fx.present(1, "TOKEN-1");
            ObjectNode authorized = fx.event(1);
            assertThat(type(authorized)).as("E02.FR.01").isEqualTo("Updated/Authorized/Charging");
            assertThat(authorized.path("idToken").path("idToken").asText()).isEqualTo("TOKEN-1");
            assertThat(authorized.has("evse")).as("E01.FR.16 evse only once").isFalse();
            assertThat(authorized.path("seqNo").asInt()).isEqualTo(1);

            fx.present(1, "TOKEN-1");
            ObjectNode ended = fx.event(2);
            assertThat(type(ended)).as("E07.FR.02").isEqualTo("Ended/StopAuthorized/SuspendedEVSE");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).as("E07.FR.05")
                    .isEqualTo("Local");
            assertThat(ended.path("idToken").path("idToken").asText()).isEqualTo("TOKEN-1");
            assertThat(ended.path("seqNo").asInt()).isEqualTo(2);
            assertThat(ended.path("meterValue").get(ended.path("meterValue").size() - 1).path("sampledValue").get(0)
                    .path("context").asText()).as("E06.FR.11").isEqualTo("Transaction.End");
            assertThat(fx.events()).extracting(e -> e.path("transactionInfo").path("transactionId").asText())
                    .containsOnly(started.path("transactionInfo").path("transactionId").asText());
            assertThat(fx.csms.requests(fx.id, Action.Authorize)).hasSize(1);
        }
    }

    @Test
    @DisplayName("E03 authorize first (TxStartPoint Authorized): Started with idToken, plug-in reports evse and "
            + "Charging, E09 unplug ends with EVCommunicationLost / EVDisconnected")
    void authorizeFirstThenUnplug() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E03", Map.of("TxStartPoint", "Authorized")));
            fx.present(1, "TOKEN-2");
            ObjectNode started = fx.event(0);
            assertThat(type(started)).isEqualTo("Started/Authorized/Idle");
            assertThat(started.path("idToken").path("idToken").asText()).as("E03.FR.01").isEqualTo("TOKEN-2");
            assertThat(started.path("evse").has("connectorId")).isFalse();

            fx.plugIn(1);
            ObjectNode plugged = fx.event(1);
            assertThat(type(plugged)).isEqualTo("Updated/CablePluggedIn/Charging");
            assertThat(plugged.path("evse").path("connectorId").asInt()).as("E01.FR.16").isEqualTo(1);
            assertThat(plugged.has("idToken")).isFalse();

            fx.unplug(1);
            ObjectNode ended = fx.event(2);
            assertThat(type(ended)).isEqualTo("Ended/EVCommunicationLost/Idle");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("EVDisconnected");
        }
    }

    @Test
    @DisplayName("E03.FR.05: no cable within EVConnectionTimeOut ends the transaction with EVConnectTimeout / Timeout")
    void evConnectionTimeout() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E03-5",
                Map.of("TxStartPoint", "Authorized", "EVConnectionTimeOut", "30")));
            fx.present(1, "TOKEN-3");
            fx.event(0);
            fx.pass(Duration.ofSeconds(29));
            assertThat(fx.events()).hasSize(1);
            fx.pass(Duration.ofSeconds(1));
            ObjectNode ended = fx.event(1);
            assertThat(type(ended)).as("chargingState unchanged, so left out (E02.FR.13)").isEqualTo("Ended/EVConnectTimeout/-");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("Timeout");
        }
    }

    @Test
    @DisplayName("E01.FR.05 PowerPathClosed (default): plug-in alone starts nothing; authorization starts with "
            + "idToken, evse and Charging; E01.FR.19 EV suspends and resumes: ChargingStateChanged")
    void powerPathClosedAndSuspension() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E01-5", Map.of()));
            fx.plugIn(1);
            assertThat(fx.events()).isEmpty();
            fx.present(1, "TOKEN-4");
            ObjectNode started = fx.event(0);
            assertThat(type(started)).isEqualTo("Started/Authorized/Charging");
            assertThat(started.path("idToken").path("idToken").asText()).isEqualTo("TOKEN-4");
            assertThat(started.path("evse").path("connectorId").asInt()).isEqualTo(1);

            fx.evSuspends(1, true);
            assertThat(type(fx.event(1))).isEqualTo("Updated/ChargingStateChanged/SuspendedEV");
            fx.evSuspends(1, false);
            assertThat(type(fx.event(2))).isEqualTo("Updated/ChargingStateChanged/Charging");
            fx.unplug(1);
            assertThat(type(fx.event(3))).isEqualTo("Ended/EVCommunicationLost/Idle");
        }
    }

    @Test
    @DisplayName("E05 / E06.FR.04 with StopTxOnInvalidId: an Invalid idTokenInfo in the response ends the "
            + "transaction with Deauthorized / DeAuthorized")
    void deauthorizedByCsms() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E05", Map.of()));
            fx.csms.stubFor(Stub.on(Action.TransactionEvent).when(p -> p.has("idToken"))
                    .willReturn(p -> p.putObject("idTokenInfo").put("status", "Invalid")));
            fx.plugIn(1);
            fx.present(1, "TOKEN-5");
            assertThat(type(fx.event(0))).isEqualTo("Started/Authorized/Charging");
            ObjectNode ended = fx.event(1);
            assertThat(type(ended)).isEqualTo("Ended/Deauthorized/SuspendedEVSE");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("DeAuthorized");
        }
    }

    @Test
    @DisplayName("E10 StopTxOnEVSideDisconnect false, TxStopPoint Authorized: unplug suspends (Idle), re-plug "
            + "resumes, the stop token ends it")
    void unplugWithoutStop() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E10", Map.of("StopTxOnEVSideDisconnect", "false",
                "TxStopPoint", "Authorized")));
            fx.plugIn(1);
            fx.present(1, "TOKEN-6");
            fx.unplug(1);
            assertThat(type(fx.event(1))).isEqualTo("Updated/EVCommunicationLost/Idle");
            fx.plugIn(1);
            assertThat(type(fx.event(2))).isEqualTo("Updated/CablePluggedIn/Charging");
            fx.present(1, "TOKEN-6");
            assertThat(type(fx.event(3))).isEqualTo("Ended/StopAuthorized/SuspendedEVSE");
        }
    }

    @Test
    @DisplayName("E01.FR.06 / E06.FR.07 EnergyTransfer: starts when energy flows, ends with StoppedByEV when "
            + "the EV stops drawing")
    void energyTransferPoints() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E06-7", Map.of("TxStartPoint", "EnergyTransfer",
                "TxStopPoint", "EnergyTransfer")));
            fx.plugIn(1);
            fx.present(1, "TOKEN-7");
            assertThat(type(fx.event(0))).isEqualTo("Started/Authorized/Charging");
            fx.evSuspends(1, true);
            ObjectNode ended = fx.event(1);
            assertThat(type(ended)).isEqualTo("Ended/ChargingStateChanged/SuspendedEV");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("StoppedByEV");
        }
    }

    @Test
    @DisplayName("E01.FR.01 / E06.FR.01 ParkingBayOccupancy: EVDetected starts, EVDeparted ends; E01.FR.08 a new "
            + "transaction has a new UUID")
    void parkingBay() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E01-1", Map.of("TxStartPoint", "ParkingBayOccupancy",
                "TxStopPoint", "ParkingBayOccupancy")));
            for (int round = 0; round < 2; round++) {
                TestHarness.join(fx.module(EvseModule.class).parkingBay(1, true));
                fx.idle();
                TestHarness.join(fx.module(EvseModule.class).parkingBay(1, false));
                fx.idle();
            }
            assertThat(fx.events()).hasSize(4);
            assertThat(type(fx.event(0))).isEqualTo("Started/EVDetected/Idle");
            assertThat(type(fx.event(1))).startsWith("Ended/EVDeparted");
            String first = fx.event(0).path("transactionInfo").path("transactionId").asText();
            String second = fx.event(2).path("transactionInfo").path("transactionId").asText();
            assertThat(first).isNotEqualTo(second).matches("[0-9a-f-]{36}");
            assertThat(fx.event(2).path("seqNo").asInt()).as("seqNo starts at 0 per transaction").isZero();
        }
    }

    @Test
    @DisplayName("E02.FR.13: a charging limit of 0 W suspends the EVSE (SuspendedEVSE), lifting it resumes Charging")
    void chargingLimitSuspendsTheEvse() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-LIMIT", Map.of()));
            fx.plugIn(1);
            fx.present(1, "TOKEN-8");
            fx.onLoop(() -> {
                fx.module(MeteringModule.class).energyModel(1).limitWatts(0);
                return null;
            });
            fx.idle();
            assertThat(type(fx.event(1))).isEqualTo("Updated/ChargingStateChanged/SuspendedEVSE");
            fx.onLoop(() -> {
                fx.module(MeteringModule.class).energyModel(1).limitWatts(7400);
                return null;
            });
            fx.idle();
            assertThat(type(fx.event(2))).isEqualTo("Updated/ChargingStateChanged/Charging");
            assertThat(fx.events()).hasSize(3);
        }
    }

    @Test
    @DisplayName("E04.FR.01-03 / E11.FR.01-02: events that occur while the connection is down are queued, marked offline and "
            + "delivered in order after reconnection")
    void offlineEventsAreQueued() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E04", Map.of("TxStartPoint", "EVConnected")));
            fx.simulator().dropConnection();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !fx.simulator().isConnected());
            fx.plugIn(1);
            fx.unplug(1);
            assertThat(fx.events()).isEmpty();
            fx.pass(Duration.ofSeconds(30));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fx.events().size() == 2);
            assertThat(fx.events()).extracting(TransactionFlowTest::type)
                    .containsExactly("Started/CablePluggedIn/EVConnected", "Ended/EVCommunicationLost/Idle");
            assertThat(fx.events()).extracting(e -> e.path("offline").asBoolean()).containsExactly(true, true);
        }
    }

    @Test
    @DisplayName("E07.FR.01 (b): an accepted idToken of the starter's group stops the authorization; a stranger's "
            + "does not (no event, E02.FR.20); E02.FR.18 numberOfPhasesUsed when charging starts")
    void groupStop() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TX-E07-GROUP", Map.of()));
            fx.csms.stubFor(Stub.on(Action.Authorize)
                    .when(p -> p.path("idToken").path("idToken").asText().startsWith("FLEET"))
                    .willReturn(p -> p.putObject("idTokenInfo").put("status", "Accepted")
                            .putObject("groupIdToken").put("idToken", "FLEET").put("type", "Central")));
            fx.plugIn(1);
            assertThat(fx.present(1, "FLEET-CARD-1")).isEqualTo(TokenOutcome.AUTHORIZED);
            assertThat(fx.event(0).path("numberOfPhasesUsed").asInt()).isEqualTo(3);
            assertThat(fx.present(1, "STRANGER")).isEqualTo(TokenOutcome.REFUSED);
            assertThat(fx.events()).hasSize(1);
            assertThat(fx.present(1, "FLEET-CARD-2")).isEqualTo(TokenOutcome.STOPPED);
            ObjectNode ended = fx.event(1);
            assertThat(type(ended)).isEqualTo("Ended/StopAuthorized/SuspendedEVSE");
            assertThat(ended.path("idToken").path("idToken").asText()).as("E07.FR.02 the stopping idToken")
                    .isEqualTo("FLEET-CARD-2");
        }
    }
}
