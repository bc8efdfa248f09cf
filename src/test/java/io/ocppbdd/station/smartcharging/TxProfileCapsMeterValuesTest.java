package io.ocppbdd.station.smartcharging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.messages.ChargingProfileStatusEnum;
import io.ocppbdd.protocol.messages.SetChargingProfileRequest;
import io.ocppbdd.protocol.messages.SetChargingProfileResponse;
import io.ocppbdd.station.metering.EnergyModel;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import static io.ocppbdd.station.smartcharging.Profiles.TX;
import static io.ocppbdd.station.smartcharging.Profiles.absolute;
import static org.assertj.core.api.Assertions.assertThat;

class TxProfileCapsMeterValuesTest {

    @Test
    @DisplayName("K01.FR.04/K01.FR.51: a 10 A TxProfile lowers the power of the next meter values to 6900 W")
    void txProfileLowersPower() {
        StationState state = StationState.defaults("SC-MV");
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "TOKEN-SC");
            ObjectNode started = fx.event(0);
            String transactionId = started.path("transactionInfo").path("transactionId").asText();
            fx.pass(Duration.ofSeconds(60));
            assertThat(lastPower(fx.events())).hasValue(EnergyModel.EV_DEMAND_WATTS);

            SetChargingProfileResponse answer = TestHarness.join(fx.csms.send(fx.id, new SetChargingProfileRequest()
                    .withEvseId(1).withChargingProfile(absolute(1, 0, TX, TestHarness.START.toString(), null, "0:10")
                            .withTransactionId(transactionId)), SetChargingProfileResponse.class));
            assertThat(answer.getStatus()).isEqualTo(ChargingProfileStatusEnum.ACCEPTED);
            int before = fx.events().size();
            fx.pass(Duration.ofSeconds(60));

            List<ObjectNode> after = fx.events().subList(before, fx.events().size());
            assertThat(lastPower(after)).as("10 A × 230 V × 3 phases").hasValue(6900);
        }
    }

    private static OptionalDouble lastPower(List<ObjectNode> events) {
        OptionalDouble power = OptionalDouble.empty();
        for (ObjectNode event : events) {
            for (JsonNode meterValue : event.path("meterValue")) {
                for (JsonNode sampled : meterValue.path("sampledValue")) {
                    if (sampled.path("measurand").asText().equals("Power.Active.Import")) {
                        power = OptionalDouble.of(sampled.path("value").asDouble());
                    }
                }
            }
        }
        return power;
    }
}
