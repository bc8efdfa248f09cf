package io.ocppbdd.station.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ResumeTransactionTest {

    @TempDir
    Path folder;

    private static double register(ObjectNode event) {
        for (JsonNode value : event.path("meterValue").get(0).path("sampledValue")) {
            if (value.path("measurand").asText().equals("Energy.Active.Import.Register")) {
                return value.path("value").asDouble();
            }
        }
        throw new AssertionError("no register in " + event);
    }

    @Test
    @DisplayName("E01.FR.08 / E02.FR.07: after a restart the transaction carries on with the same id, the next "
            + "seqNo and a register that keeps counting up (J02.FR.16)")
    void resumesAfterRestart() {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        StationState initial = StationState.defaults("RESUME-1");
        initial.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        ObjectNode lastBefore;
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(initial, file);
            fx.plugIn(1);
            fx.present(1, "TOKEN-R");
            fx.pass(Duration.ofSeconds(120));
            lastBefore = fx.event(2);
        }
        StationState saved = file.load();
        TransactionState transaction = saved.getEvses().get(0).getTransaction();
        String id = lastBefore.path("transactionInfo").path("transactionId").asText();
        assertThat(transaction.getId()).isEqualTo(id);
        assertThat(transaction.getNextSeqNo()).isEqualTo(3);
        assertThat(saved.getEvses().get(0).getConnectors().get(0).getStatus()).isEqualTo("Occupied");
        assertThat(saved.getEvses().get(0).getMeter().getRegisterWh()).isGreaterThanOrEqualTo(register(lastBefore));

        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(saved, file);
            fx.pass(Duration.ofSeconds(60));
            ObjectNode next = fx.event(0);
            assertThat(next.path("transactionInfo").path("transactionId").asText()).isEqualTo(id);
            assertThat(next.path("seqNo").asInt()).isEqualTo(3);
            assertThat(next.path("triggerReason").asText()).isEqualTo("MeterValuePeriodic");
            assertThat(register(next)).isGreaterThan(register(lastBefore));
            fx.present(1, "TOKEN-R");
            ObjectNode ended = fx.event(1);
            assertThat(ended.path("eventType").asText()).as("the restored authorization can stop it (E07)")
                    .isEqualTo("Ended");
            assertThat(ended.path("seqNo").asInt()).isEqualTo(4);
        }
        assertThat(file.load().getEvses().get(0).getTransaction()).isNull();
    }

    @Test
    @DisplayName("E02.FR.13: a change saved but not reported before the power cut is reported after the restart, "
            + "with the next seqNo")
    void reportsAChangeLostInThePowerCut() {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(StationState.defaults("RESUME-2"), file);
            fx.plugIn(1);
            fx.present(1, "TOKEN-S");
            fx.event(0);
        }
        StationState saved = file.load();
        saved.getEvses().get(0).setEvSuspended(true); // the EV suspended; the station died before telling anyone
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(saved, file);
            ObjectNode next = fx.event(0);
            assertThat(next.path("triggerReason").asText()).isEqualTo("ChargingStateChanged");
            assertThat(next.path("transactionInfo").path("chargingState").asText()).isEqualTo("SuspendedEV");
            assertThat(next.path("seqNo").asInt()).isEqualTo(1);
        }
    }
}
