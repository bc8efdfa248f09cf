package io.ocppbdd.station.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.ResetEnum;
import io.ocppbdd.protocol.messages.ResetRequest;
import io.ocppbdd.protocol.messages.ResetResponse;
import io.ocppbdd.protocol.messages.ResetStatusEnum;
import io.ocppbdd.station.BootStatus;
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

class ResetTest {

    private static ResetStatusEnum reset(TestHarness.Station fx, ResetEnum type, Integer evseId) {
        ResetResponse response = join(fx.csms.send(fx.id, new ResetRequest().withType(type).withEvseId(evseId),
                ResetResponse.class));
        return response.getStatus();
    }

    private static List<ObjectNode> boots(TestHarness.Station fx) {
        return fx.csms.requests(fx.id, Action.BootNotification).stream().map(RecordedRequest::payload).toList();
    }

    private static void awaitReboot(TestHarness.Station fx) {
        await().atMost(Duration.ofSeconds(30)).until(() -> boots(fx).size() == 2
                && fx.simulator().bootStatus() == BootStatus.ACCEPTED);
        fx.idle();
    }

    private static List<String> statuses(TestHarness.Station fx) {
        return fx.csms.requests(fx.id, Action.StatusNotification).stream()
                .map(r -> r.payload().path("evseId").asInt() + ":" + r.payload().path("connectorStatus").asText())
                .toList();
    }

    @Test
    @DisplayName("B11.FR.01/03/04 Immediate reset without transaction: Accepted, reboot, BootNotification with "
            + "reason RemoteReset; B11.FR.02 a connector set Unavailable stays Unavailable after the reboot")
    void immediateResetWithoutTransaction() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RST-B11", Map.of()));
            fx.onLoop(() -> {
                fx.module(io.ocppbdd.station.evse.EvseModule.class).setUnavailable(1, 1, true);
                return null;
            });
            fx.idle();
            int before = statuses(fx).size();
            assertThat(reset(fx, ResetEnum.IMMEDIATE, null)).isEqualTo(ResetStatusEnum.ACCEPTED);
            awaitReboot(fx);
            assertThat(boots(fx).get(1).path("reason").asText()).isEqualTo("RemoteReset");
            assertThat(statuses(fx).subList(before, statuses(fx).size())).containsExactly("1:Unavailable");
        }
    }

    @Test
    @DisplayName("B12.FR.02/04 (errata 2025-04) Immediate reset during a transaction: Accepted, Ended with "
            + "triggerReason ResetCommand and stoppedReason ImmediateReset before the reboot")
    void immediateResetEndsTransaction() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RST-B12I", Map.of()));
            fx.plugIn(1);
            fx.present(1, "TOKEN");
            assertThat(reset(fx, ResetEnum.IMMEDIATE, null)).isEqualTo(ResetStatusEnum.ACCEPTED);
            awaitReboot(fx);
            ObjectNode ended = fx.event(1);
            assertThat(ended.path("eventType").asText()).isEqualTo("Ended");
            assertThat(ended.path("triggerReason").asText()).isEqualTo("ResetCommand");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("ImmediateReset");
            List<String> order = fx.csms.trace().entries().stream().map(e -> e.frame())
                    .filter(f -> f.contains("\"TransactionEvent\"") && f.contains("Ended")
                            || f.contains("\"BootNotification\""))
                    .map(f -> f.contains("Ended") ? "Ended" : "Boot").toList();
            assertThat(order).containsExactly("Boot", "Ended", "Boot");
            assertThat(join(fx.driver.snapshot()).evse(1).transaction()).isEmpty();
        }
    }

    @Test
    @DisplayName("B12.FR.01/03 OnIdle reset during a transaction: Scheduled, no reboot until the transaction has "
            + "ended normally (E06), then the reboot")
    void onIdleResetWaitsForTransaction() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("RST-B12O", Map.of()));
            fx.plugIn(1);
            fx.present(1, "TOKEN");
            assertThat(reset(fx, ResetEnum.ON_IDLE, null)).isEqualTo(ResetStatusEnum.SCHEDULED);
            fx.pass(Duration.ofSeconds(30));
            assertThat(boots(fx)).hasSize(1);
            fx.present(1, "TOKEN");
            assertThat(fx.event(fx.events().size() - 1).path("transactionInfo").path("stoppedReason").asText())
                    .isEqualTo("Local");
            awaitReboot(fx);
            assertThat(boots(fx).get(1).path("reason").asText()).isEqualTo("RemoteReset");
        }
    }

    @Test
    @DisplayName("B12.FR.08 Immediate EVSE reset ends that EVSE's transaction (ResetCommand / ImmediateReset) "
            + "without rebooting the station; B11.FR.08 an idle EVSE reports Unavailable then Available; "
            + "B12.FR.07 OnIdle EVSE reset is Scheduled; an unknown EVSE is Rejected")
    void evseReset() {
        StationState state = station("RST-EVSE", Map.of());
        state.getEvses().add(io.ocppbdd.station.state.EvseState.withConnectors(2, 1));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "TOKEN");
            assertThat(reset(fx, ResetEnum.ON_IDLE, 1)).isEqualTo(ResetStatusEnum.SCHEDULED);
            assertThat(reset(fx, ResetEnum.IMMEDIATE, 1)).isEqualTo(ResetStatusEnum.ACCEPTED);
            fx.idle();
            ObjectNode ended = fx.event(1);
            assertThat(ended.path("triggerReason").asText()).isEqualTo("ResetCommand");
            assertThat(ended.path("transactionInfo").path("stoppedReason").asText()).isEqualTo("ImmediateReset");

            int before = statuses(fx).size();
            assertThat(reset(fx, ResetEnum.IMMEDIATE, 2)).isEqualTo(ResetStatusEnum.ACCEPTED);
            fx.idle();
            assertThat(statuses(fx).subList(before, statuses(fx).size()))
                    .containsExactly("2:Unavailable", "2:Available");
            assertThat(reset(fx, ResetEnum.IMMEDIATE, 3)).isEqualTo(ResetStatusEnum.REJECTED);
            fx.pass(Duration.ofSeconds(30));
            assertThat(boots(fx)).hasSize(1);
        }
    }
}
