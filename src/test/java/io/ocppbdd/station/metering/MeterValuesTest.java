package io.ocppbdd.station.metering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.state.MeterState;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeterValuesTest {

    private static double sampled(ObjectNode payload, String measurand) {
        return sampledValue(payload, measurand).path("value").asDouble();
    }

    @Test
    @DisplayName("J01.FR.14/J02: SoC is measured by the EV: reported (location EV) only while one is plugged in, "
            + "and the EV arrives with the state file's socPercent")
    void stateOfChargeOnlyWithAnEv() {
        StationState state = StationState.defaults("MV-SOC");
        state.getEvses().get(0).setMeter(new MeterState(1000, 35.0));
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "900");
        state.getDeviceModel().put("AlignedDataCtrlr.Measurands", "Energy.Active.Import.Register,SoC");
        state.getDeviceModel().put("SampledDataCtrlr.TxStartedMeasurands", "Energy.Active.Import.Register,SoC");
        state.getDeviceModel().put("SampledDataCtrlr.TxUpdatedInterval", "0");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.pass(Duration.ofSeconds(900));
            fx.plugIn(1);
            fx.present(1, "TOKEN-SOC");
            ObjectNode started = fx.events().stream()
                    .filter(event -> event.path("eventType").asText().equals("Started")).findFirst().orElseThrow();
            JsonNode soc = sampledValue(started, "SoC");
            fx.unplug(1);
            fx.pass(Duration.ofSeconds(900));

            assertThat(soc.path("value").asDouble()).as("the state file's socPercent").isEqualTo(35.0);
            assertThat(soc.path("location").asText()).isEqualTo("EV");
            List<ObjectNode> idle = fx.csms.requests(fx.id, Action.MeterValues).stream()
                    .map(RecordedRequest::payload).toList();
            assertThat(idle).as("aligned readings before and after the EV").hasSize(2)
                    .allSatisfy(payload -> assertThat(payload.toString()).contains("Energy.Active.Import.Register")
                            .doesNotContain("SoC"));
            assertThat(fx.simulator().state().getEvses().get(0).getMeter().getSocPercent())
                    .as("no EV, no state of charge in the state").isNull();
        }
    }

    private static JsonNode sampledValue(ObjectNode payload, String measurand) {
        for (JsonNode value : payload.path("meterValue").get(0).path("sampledValue")) {
            if (value.path("measurand").asText().equals(measurand)) {
                return value;
            }
        }
        throw new AssertionError("no " + measurand + " in " + payload);
    }

    @Test
    @DisplayName("J02.FR.11: an Updated MeterValuePeriodic every TxUpdatedInterval with TxUpdatedMeasurands, "
            + "register increasing by the energy delivered")
    void periodicTransactionMeterValues() {
        StationState state = StationState.defaults("MV-J02");
        state.getDeviceModel().put("SampledDataCtrlr.TxUpdatedInterval", "60");
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "TOKEN-MV");
            double begin = sampled(fx.event(0), "Energy.Active.Import.Register");
            List<Double> registers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                fx.pass(Duration.ofSeconds(60));
                ObjectNode updated = fx.event(i);
                assertThat(updated.path("triggerReason").asText()).isEqualTo("MeterValuePeriodic");
                assertThat(updated.path("meterValue").get(0).path("sampledValue").get(0).path("context").asText())
                        .isEqualTo("Sample.Periodic");
                assertThat(Instant.parse(updated.path("timestamp").asText()))
                        .isEqualTo(TestHarness.START.plusSeconds(60L * i));
                assertThat(sampled(updated, "Power.Active.Import")).isEqualTo(EnergyModel.EV_DEMAND_WATTS);
                registers.add(sampled(updated, "Energy.Active.Import.Register"));
            }
            double perMinute = EnergyModel.EV_DEMAND_WATTS / 60;
            assertThat(registers.get(0) - begin).isCloseTo(perMinute, within(0.2));
            assertThat(registers.get(2) - registers.get(1)).isCloseTo(perMinute, within(0.2));
            assertThat(registers).isSorted();
        }
    }

    @Test
    @DisplayName("J01.FR.14 / J01.FR.22: clock-aligned MeterValues (Sample.Clock) per EVSE when idle, "
            + "in an Updated MeterValueClock event during a transaction")
    void clockAlignedMeterValues() {
        StationState state = StationState.withEvses("MV-J01", 2);
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "900");
        state.getDeviceModel().put("SampledDataCtrlr.TxUpdatedInterval", "0");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(2);
            fx.present(2, "TOKEN-CLK");
            fx.pass(Duration.ofSeconds(900));
            List<ObjectNode> meterValues = fx.csms.requests(fx.id, Action.MeterValues).stream()
                    .map(RecordedRequest::payload).toList();
            assertThat(meterValues).hasSize(1);
            assertThat(meterValues.get(0).path("evseId").asInt()).isEqualTo(1);
            JsonNode clockValue = meterValues.get(0).path("meterValue").get(0);
            assertThat(Instant.parse(clockValue.path("timestamp").asText()))
                    .as("aligned to the clock").isEqualTo(Instant.parse("2026-01-01T00:15:00Z"));
            assertThat(clockValue.path("sampledValue").get(0).path("context").asText()).isEqualTo("Sample.Clock");
            ObjectNode inTransaction = fx.event(1);
            assertThat(inTransaction.path("triggerReason").asText()).isEqualTo("MeterValueClock");
            assertThat(sampled(inTransaction, "Energy.Active.Import.Register")).isGreaterThan(0);
        }
    }

    @Test
    @DisplayName("E06.FR.11: Ended carries TxEndedMeasurands read at the start, every TxEndedInterval and at the end")
    void endedCarriesTheTransactionReadings() {
        StationState state = StationState.defaults("MV-E06");
        state.getDeviceModel().put("SampledDataCtrlr.TxUpdatedInterval", "0");
        state.getDeviceModel().put("SampledDataCtrlr.TxEndedInterval", "60");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "TOKEN-END");
            fx.pass(Duration.ofSeconds(150));
            fx.present(1, "TOKEN-END");
            JsonNode readings = fx.event(1).path("meterValue");
            List<String> contexts = new ArrayList<>();
            List<Double> registers = new ArrayList<>();
            readings.forEach(reading -> {
                contexts.add(reading.path("sampledValue").get(0).path("context").asText());
                registers.add(reading.path("sampledValue").get(0).path("value").asDouble());
            });
            assertThat(contexts).containsExactly("Transaction.Begin", "Sample.Periodic", "Sample.Periodic",
                    "Transaction.End");
            assertThat(registers).isSorted();
            assertThat(registers.get(3) - registers.get(0))
                    .isCloseTo(EnergyModel.EV_DEMAND_WATTS * 150 / 3600, within(0.2));
        }
    }
}
