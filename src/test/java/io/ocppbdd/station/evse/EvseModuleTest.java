package io.ocppbdd.station.evse;

import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.devicemodel.VariableKey;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EvseModuleTest {

    @TempDir
    Path folder;

    private static StationState twoConnectorEvse(String id) {
        StationState state = StationState.withEvses(id, 2);
        state.getEvses().set(0, EvseState.withConnectors(1, 2));
        return state;
    }

    private static List<String> statuses(TestHarness.Station fixture, int evseId, int connectorId) {
        return fixture.csms.requests(fixture.id, Action.StatusNotification).stream()
                .map(RecordedRequest::payload)
                .filter(p -> p.path("evseId").asInt() == evseId && p.path("connectorId").asInt() == connectorId)
                .map(p -> p.path("connectorStatus").asText())
                .toList();
    }

    @Test
    @DisplayName("E02.FR.05 / G01: plugging and unplugging a cable reports Occupied, then Available")
    void cableChangesAreReported() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fixture = harness.boot(twoConnectorEvse("EVSE-1"));
            fixture.plugIn(1);
            fixture.unplug(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(fixture, 1, 1).size() == 3);
            assertThat(statuses(fixture, 1, 1)).containsExactly("Available", "Occupied", "Available");
            assertThat(statuses(fixture, 1, 2)).containsExactly("Available");
        }
    }

    @Test
    @DisplayName("E02.FR.05 alternative: the AvailabilityState variables of Connector and EVSE follow the status")
    void availabilityStateFollows() {
        VariableKey connector = new VariableKey("Connector", null, 1, 2, "AvailabilityState", null);
        VariableKey evse = new VariableKey("EVSE", null, 1, null, "AvailabilityState", null);
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fixture = harness.boot(twoConnectorEvse("EVSE-5"));
            TestHarness.join(fixture.module(EvseModule.class).plugIn(1, 2));
            assertThat(fixture.onLoop(() -> fixture.simulator().deviceModel().actual(connector)))
                    .contains("Occupied");
            assertThat(fixture.onLoop(() -> fixture.simulator().deviceModel().actual(evse)))
                    .contains("Occupied");
            TestHarness.join(fixture.module(EvseModule.class).unplug(1));
            assertThat(fixture.onLoop(() -> fixture.simulator().deviceModel().actual(connector)))
                    .contains("Available");
        }
    }

    @Test
    @DisplayName("E01.FR.14: one cable per EVSE; actions on unknown EVSEs or connectors fail with a reason")
    void impossibleActionsFail() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fixture = harness.boot(twoConnectorEvse("EVSE-2"));
            fixture.plugIn(1);
            assertThatThrownBy(() -> TestHarness.join(fixture.module(EvseModule.class).plugIn(1, 2)))
                    .hasMessageContaining("EVSE 1 already has a cable in connector 1");
            assertThatThrownBy(() -> TestHarness.join(fixture.module(EvseModule.class).plugIn(3, 1)))
                    .hasMessageContaining("EVSE 3 does not exist (this station has EVSEs 1..2)");
            assertThatThrownBy(() -> TestHarness.join(fixture.module(EvseModule.class).unplug(2)))
                    .hasMessageContaining("EVSE 2 has no cable plugged in");
        }
    }

    @Test
    @DisplayName("Faulted outranks Occupied, Occupied outranks Unavailable and Reserved")
    void statusPrecedence() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fixture = harness.boot(twoConnectorEvse("EVSE-3"));
            fixture.onLoop(() -> {
                fixture.module(EvseModule.class).setReserved(2, 1, true);
                return null;
            });
            fixture.plugIn(2);
            fixture.onLoop(() -> {
                fixture.module(EvseModule.class).setUnavailable(2, 1, true);
                fixture.module(EvseModule.class).setFaulted(2, 1, true);
                fixture.module(EvseModule.class).setFaulted(2, 1, false);
                return null;
            });
            fixture.unplug(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(fixture, 2, 1).size() == 6);
            assertThat(statuses(fixture, 2, 1))
                    .containsExactly("Available", "Reserved", "Occupied", "Faulted", "Occupied", "Unavailable");
        }
    }

    @Test
    @DisplayName("B01.FR.07 / B01.FR.13: Unavailable and Reserved survive a restart through the state file")
    void statusesArePersisted() {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fixture = harness.boot(StationState.withEvses("EVSE-4", 2), file);
            fixture.onLoop(() -> {
                fixture.module(EvseModule.class).setUnavailable(1, 1, true);
                fixture.module(EvseModule.class).setReserved(2, 1, true);
                return null;
            });
            fixture.idle();
        }
        StationState saved = file.load();
        assertThat(saved.getEvses().get(0).getConnectors().get(0).getStatus()).isEqualTo("Unavailable");
        assertThat(saved.getEvses().get(1).getConnectors().get(0).getStatus()).isEqualTo("Reserved");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fixture = harness.boot(saved, file);
            await().atMost(Duration.ofSeconds(30)).until(() -> statuses(fixture, 2, 1).size() == 1);
            assertThat(statuses(fixture, 1, 1)).containsExactly("Unavailable");
            assertThat(statuses(fixture, 2, 1)).containsExactly("Reserved");
        }
    }
}
