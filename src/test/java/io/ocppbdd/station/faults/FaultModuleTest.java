package io.ocppbdd.station.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartTransactionResponse;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.remote.Remote;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FaultModuleTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    private static List<ObjectNode> sent(TestHarness.Station fx, Action action) {
        return fx.csms.requests(fx.id, action).stream().map(RecordedRequest::payload).toList();
    }

    /** Waits for the n-th (from 1) request of this action and returns it. */
    private static ObjectNode nth(TestHarness.Station fx, Action action, int n) {
        await().atMost(PATIENCE).until(() -> sent(fx, action).size() >= n);
        return sent(fx, action).get(n - 1);
    }

    /** The statuses reported for connector 1 of EVSE 1, in order. */
    private static List<String> statuses(TestHarness.Station fx, int connectorId) {
        return sent(fx, Action.StatusNotification).stream()
                .filter(p -> p.path("evseId").asInt() == 1 && p.path("connectorId").asInt() == connectorId)
                .map(p -> p.path("connectorStatus").asText()).toList();
    }

    private static void onLoop(TestHarness.Station fx, Consumer<FaultModule> action) {
        FaultModule faults = fx.module(FaultModule.class);
        fx.onLoop(() -> {
            action.accept(faults);
            return null;
        });
        fx.idle();
    }

    private static StationState station(String id) {
        return Remote.station(id, Map.of());
    }

    @ParameterizedTest(name = "{0}: {1}.{2} {3} {4}, stoppedReason {6}")
    @DisplayName("Each fault during a transaction: NotifyEvent on its component and variable with a techCode (N07, "
            + "N07.FR.16/19, G05.FR.02 for the lock), StatusNotification Faulted (G01.FR.01), TransactionEvent Ended "
            + "with triggerReason AbnormalCondition (E06.FR.16) and its stoppedReason (E06.FR.08, E07.FR.06); "
            + "clearing: NotifyEvent cleared (N07.FR.02) and the connector back to Occupied, the cable being in")
    @CsvSource({
        "GroundFailure,        RCD,                        Tripped,   Delta,    true, false, GroundFault",
        "OverCurrentFailure,   OverCurrentProtection,      Active,    Delta,    true, false, OvercurrentFault",
        "OverVoltage,          EVSE,                       ACVoltage, Alerting, 264,  230,   PowerQuality",
        "UnderVoltage,         EVSE,                       ACVoltage, Alerting, 184,  230,   PowerQuality",
        "HighTemperature,      TemperatureSensor,          Active,    Delta,    true, false, Other",
        "PowerMeterFailure,    FiscalMetering,             Problem,   Delta,    true, false, Other",
        "ConnectorLockFailure, ConnectorPlugRetentionLock, Problem,   Delta,    true, false, Other",
        "EVCommunicationError, CPPWMController,            Problem,   Delta,    true, false, Other",
        "ReaderFailure,        TokenReader,                Problem,   Delta,    true, false, Other",
        "PowerSwitchFailure,   PowerContactor,             Problem,   Delta,    true, false, Other",
        "InternalError,        Controller,                 Problem,   Delta,    true, false, Other",
    })
    void faultDuringTransaction(String fault, String component, String variable, String trigger, String value,
                                String clearedValue, String stoppedReason) {
        FaultType type = FaultType.fromName(fault);
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("FLT-" + fault));
            fx.plugIn(1);
            fx.present(1, "DRIVER");
            String transactionId = fx.event(0).path("transactionInfo").path("transactionId").asText();

            onLoop(fx, faults -> faults.raise(1, 1, type));
            ObjectNode notify = nth(fx, Action.NotifyEvent, 1);
            assertThat(notify.path("seqNo").asInt()).isZero();
            ObjectNode event = (ObjectNode) notify.path("eventData").get(0);
            assertThat(event.path("component").path("name").asText()).isEqualTo(component);
            assertThat(event.path("component").path("evse").path("id").asInt()).isEqualTo(1);
            assertThat(event.path("component").path("evse").has("connectorId"))
                    .as("only the lock belongs to one connector").isEqualTo(type == FaultType.CONNECTOR_LOCK_FAILURE);
            assertThat(event.path("variable").path("name").asText()).isEqualTo(variable);
            assertThat(event.path("trigger").asText()).isEqualTo(trigger);
            assertThat(event.path("actualValue").asText()).isEqualTo(value);
            assertThat(event.path("techCode").asText()).isEqualTo(fault);
            assertThat(event.path("eventNotificationType").asText()).isEqualTo("HardWiredMonitor");
            assertThat(event.path("transactionId").asText()).isEqualTo(transactionId);
            assertThat(event.has("cleared")).isFalse();

            await().atMost(PATIENCE).until(() -> statuses(fx, 1).contains("Faulted"));
            ObjectNode ended = fx.event(1);
            assertThat(ended.path("eventType").asText()).isEqualTo("Ended");
            assertThat(ended.path("triggerReason").asText()).isEqualTo("AbnormalCondition");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo(stoppedReason);
            assertThat(ended.path("transactionInfo").path("transactionId").asText()).isEqualTo(transactionId);

            onLoop(fx, faults -> faults.clear(1, 1, type));
            ObjectNode clearedEvent = (ObjectNode) nth(fx, Action.NotifyEvent, 2).path("eventData").get(0);
            assertThat(clearedEvent.path("cleared").asBoolean()).isTrue();
            assertThat(clearedEvent.path("actualValue").asText()).isEqualTo(clearedValue);
            assertThat(clearedEvent.path("component").path("name").asText()).isEqualTo(component);
            assertThat(clearedEvent.path("variable").path("name").asText()).isEqualTo(variable);
            assertThat(clearedEvent.path("eventId").asInt()).isNotEqualTo(event.path("eventId").asInt());
            await().atMost(PATIENCE).until(() -> statuses(fx, 1).size() == 4);
            assertThat(statuses(fx, 1)).containsExactly("Available", "Occupied", "Faulted", "Occupied");
            assertThat(fx.events()).hasSize(2);
        }
    }

    @Test
    @DisplayName("F01.FR.23 a remote start on a Faulted EVSE is Rejected and the connector takes no cable; without a "
            + "cable, clearing the fault makes the connector Available (G01.FR.01)")
    void faultedEvseRefusesRemoteStart() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("FLT-RS"));
            onLoop(fx, faults -> faults.raise(1, 1, FaultType.GROUND_FAILURE));
            assertThat(nth(fx, Action.NotifyEvent, 1).path("eventData").get(0).has("transactionId")).isFalse();
            RequestStartTransactionResponse answer = Remote.start(fx, 1, "T", 1);
            assertThat(answer.getStatus()).isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(answer.getStatusInfo().getAdditionalInfo()).isEqualTo("EVSE 1 is Faulted");
            assertThatThrownBy(() -> join(fx.module(EvseModule.class).plugIn(1, 1)))
                    .hasMessageContaining("connector 1 of EVSE 1 is Faulted (clear the fault first)");

            onLoop(fx, faults -> faults.clearAll(1, 1));
            await().atMost(PATIENCE).until(() -> statuses(fx, 1).size() == 3);
            assertThat(statuses(fx, 1)).containsExactly("Available", "Faulted", "Available");
            assertThat(fx.events()).isEmpty();
        }
    }

    @Test
    @DisplayName("Two faults on one connector: it stays Faulted until the last is cleared; a fault twice, or the "
            + "clearing of one it does not have, fails with a one-line reason")
    void severalFaults() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("FLT-TWO"));
            onLoop(fx, faults -> {
                faults.raise(1, 1, FaultType.HIGH_TEMPERATURE);
                faults.raise(1, 1, FaultType.READER_FAILURE);
            });
            FaultModule module = fx.module(FaultModule.class);
            assertThatThrownBy(() -> fx.onLoop(() -> {
                module.raise(1, 1, FaultType.READER_FAILURE);
                return null;
            })).hasMessageContaining("connector 1 of EVSE 1 already has ReaderFailure (clear it first)");
            assertThatThrownBy(() -> fx.onLoop(() -> {
                module.clear(1, 1, FaultType.GROUND_FAILURE);
                return null;
            })).hasMessageContaining("connector 1 of EVSE 1 has no GroundFailure (its faults: HighTemperature, "
                    + "ReaderFailure)");

            onLoop(fx, faults -> faults.clear(1, 1, FaultType.HIGH_TEMPERATURE));
            assertThat(fx.onLoop(() -> module.faults(1, 1))).containsExactly(FaultType.READER_FAILURE);
            nth(fx, Action.NotifyEvent, 3);
            assertThat(statuses(fx, 1)).containsExactly("Available", "Faulted");
            onLoop(fx, faults -> faults.clear(1, 1, FaultType.READER_FAILURE));
            await().atMost(PATIENCE).until(() -> statuses(fx, 1).size() == 3);
            assertThat(statuses(fx, 1)).containsExactly("Available", "Faulted", "Available");
            assertThatThrownBy(() -> FaultType.fromName("Smoke")).hasMessageStartingWith(
                    "unknown fault 'Smoke' (one of GroundFailure, OverCurrentFailure, OverVoltage");
        }
    }

    @Test
    @DisplayName("A lock failure of a connector without the cable leaves the transaction on the other connector of "
            + "the EVSE running")
    void faultOnAnotherConnector() {
        StationState state = station("FLT-OTHER");
        state.getEvses().set(0, EvseState.withConnectors(1, 2));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "DRIVER");
            fx.event(0);
            onLoop(fx, faults -> faults.raise(1, 2, FaultType.CONNECTOR_LOCK_FAILURE));
            ObjectNode event = (ObjectNode) nth(fx, Action.NotifyEvent, 1).path("eventData").get(0);
            assertThat(event.path("component").path("evse").path("connectorId").asInt()).isEqualTo(2);
            assertThat(event.has("transactionId")).isFalse();
            await().atMost(PATIENCE).until(() -> statuses(fx, 2).contains("Faulted"));
            fx.idle();
            assertThat(fx.events()).hasSize(1);
        }
    }

    @Test
    @DisplayName("B01.FR.05 a faulted connector stays Faulted after a restart: the state file keeps the fault, the "
            + "boot reports Faulted and the fault can still be cleared")
    void faultSurvivesRestart() {
        StateFile file = new StateFile(folder.resolve("charge_point_state.json"));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("FLT-RESTART"), file);
            onLoop(fx, faults -> faults.raise(1, 1, FaultType.OVER_VOLTAGE));
            nth(fx, Action.NotifyEvent, 1);
        }
        StationState saved = file.load();
        assertThat(saved.getEvses().get(0).getConnectors().get(0).getFaults()).containsExactly("OverVoltage");
        assertThat(saved.getEvses().get(0).getConnectors().get(0).getStatus()).isEqualTo("Faulted");

        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(saved, file);
            await().atMost(PATIENCE).until(() -> statuses(fx, 1).size() == 1);
            assertThat(statuses(fx, 1)).containsExactly("Faulted");
            onLoop(fx, faults -> faults.clear(1, 1, FaultType.OVER_VOLTAGE));
            ObjectNode cleared = (ObjectNode) nth(fx, Action.NotifyEvent, 1).path("eventData").get(0);
            assertThat(cleared.path("cleared").asBoolean()).isTrue();
            await().atMost(PATIENCE).until(() -> statuses(fx, 1).size() == 2);
            assertThat(statuses(fx, 1)).containsExactly("Faulted", "Available");
        }
        assertThat(file.load().getEvses().get(0).getConnectors().get(0).getFaults()).isEmpty();
    }
}
