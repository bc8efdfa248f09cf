package io.ocppbdd.station.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.GetTransactionStatusRequest;
import io.ocppbdd.protocol.messages.GetTransactionStatusResponse;
import io.ocppbdd.protocol.messages.UnlockConnectorRequest;
import io.ocppbdd.protocol.messages.UnlockConnectorResponse;
import io.ocppbdd.protocol.messages.UnlockStatusEnum;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.ocppbdd.station.remote.Remote.station;
import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnlockAndStatusTest {

    private static UnlockStatusEnum unlock(TestHarness.Station fx, int evseId, int connectorId) {
        return join(fx.csms.send(fx.id, new UnlockConnectorRequest().withEvseId(evseId).withConnectorId(connectorId),
                UnlockConnectorResponse.class)).getStatus();
    }

    private static GetTransactionStatusResponse status(TestHarness.Station fx, String transactionId) {
        return join(fx.csms.send(fx.id, new GetTransactionStatusRequest().withTransactionId(transactionId),
                GetTransactionStatusResponse.class));
    }

    @Test
    @DisplayName("F05.FR.06/04 Unlocked without a cable; F05.FR.05 UnlockFailed for a stuck connector; F05.FR.03 "
            + "UnknownConnector; F05.FR.02 OngoingAuthorizedTransaction, and the transaction goes on")
    void unlockConnector() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("UNL-F05", Map.of()));
            assertThat(unlock(fx, 1, 1)).isEqualTo(UnlockStatusEnum.UNLOCKED);
            assertThat(unlock(fx, 1, 2)).isEqualTo(UnlockStatusEnum.UNKNOWN_CONNECTOR);
            assertThat(unlock(fx, 2, 1)).isEqualTo(UnlockStatusEnum.UNKNOWN_CONNECTOR);
            fx.module(io.ocppbdd.station.remote.UnlockConnectorModule.class).stuck(1, 1, true);
            assertThat(unlock(fx, 1, 1)).isEqualTo(UnlockStatusEnum.UNLOCK_FAILED);
            fx.module(io.ocppbdd.station.remote.UnlockConnectorModule.class).stuck(1, 1, false);
            fx.plugIn(1);
            fx.present(1, "TOKEN");
            assertThat(unlock(fx, 1, 1)).isEqualTo(UnlockStatusEnum.ONGOING_AUTHORIZED_TRANSACTION);
            fx.idle();
            assertThat(fx.events()).hasSize(1);
        }
    }

    @Test
    @DisplayName("E14.FR.01/02/03 ongoingIndicator for unknown, running and ended transactions; E14.FR.06 absent "
            + "without transactionId; E14.FR.04/07 messagesInQueue true while events wait offline, E14.FR.05/08 "
            + "false once delivered")
    void transactionStatus() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("TXS-E14", Map.of()));
            assertThat(status(fx, "unknown").getOngoingIndicator()).isFalse();
            assertThat(status(fx, "unknown").getMessagesInQueue()).isFalse();
            fx.plugIn(1);
            fx.present(1, "TOKEN");
            String id = fx.event(0).path("transactionInfo").path("transactionId").asText();
            assertThat(status(fx, id).getOngoingIndicator()).isTrue();
            GetTransactionStatusResponse none = status(fx, null);
            assertThat(none.getOngoingIndicator()).isNull();
            assertThat(none.getMessagesInQueue()).isFalse();

            fx.csms.stubFor(Stub.on(Action.BootNotification).forStation(fx.id).willReturnFields(
                    Map.of("status", "Pending", "interval", 3600)));
            fx.simulator().reboot(io.ocppbdd.protocol.messages.BootReasonEnum.REMOTE_RESET);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> fx.simulator().bootStatus() == io.ocppbdd.station.BootStatus.PENDING);
            fx.present(1, "TOKEN");
            assertThat(status(fx, id).getMessagesInQueue()).as("Ended held while Pending").isTrue();
            assertThat(status(fx, id).getOngoingIndicator()).isFalse();
        }
    }

    @Test
    @DisplayName("Part 4 §4.3: actions the station does not support (SetDisplayMessage, CostUpdated) are "
            + "answered with CALLERROR NotSupported, never ignored")
    void unsupportedActions() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("UNSUP", Map.of()));
            ObjectNode display = Json.object();
            display.putObject("message").put("id", 1).put("priority", "NormalCycle")
                    .putObject("message").put("format", "UTF8").put("content", "Hello");
            ObjectNode cost = Json.object().put("totalCost", 1.5).put("transactionId", "t-1");
            for (Map.Entry<Action, ObjectNode> call : Map.of(Action.SetDisplayMessage, display,
                    Action.CostUpdated, cost).entrySet()) {
                assertThatThrownBy(() -> fx.csms.send(fx.id, call.getKey(), call.getValue()).get(30, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(CallFailedException.class)
                        .satisfies(e -> assertThat(((CallFailedException) e.getCause()).callError().errorCode())
                                .isEqualTo(ErrorCode.NotSupported));
            }
        }
    }
}
