package io.ocppbdd.station.metering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChargingLimitTest {

    private static double sampled(ObjectNode payload, String measurand) {
        for (JsonNode value : payload.path("meterValue").get(0).path("sampledValue")) {
            if (value.path("measurand").asText().equals(measurand)) {
                return value.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + measurand + " in " + payload);
    }

    @Test
    @DisplayName("K01 / J02.FR.11: a charging profile of 3680 W caps the power the EV draws, as the meter shows")
    void chargingProfileCapsThePower() {
        StationState state = StationState.defaults("LIMIT-K01");
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "TOKEN-K");
            fx.event(0);
            ObjectNode answer = TestHarness.join(fx.csms.send(fx.id, Action.SetChargingProfile, (ObjectNode) Json.parse("""
                    {"evseId": 1, "chargingProfile": {"id": 1, "stackLevel": 0,
                      "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Absolute",
                      "chargingSchedule": [{"id": 1, "startSchedule": "2026-01-01T00:00:00Z", "chargingRateUnit": "W",
                        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 3680.0}]}]}}
                    """)));
            assertThat(answer.path("status").asText()).isEqualTo("Accepted");
            fx.pass(Duration.ofSeconds(60));
            ObjectNode periodic = fx.event(1);
            assertThat(periodic.path("triggerReason").asText()).isEqualTo("MeterValuePeriodic");
            assertThat(sampled(periodic, "Power.Active.Import")).isEqualTo(3680.0);
        }
    }
}
