package io.ocppbdd.station.metering;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.protocol.messages.MeasurandEnum;
import io.ocppbdd.protocol.messages.MeterValue;
import io.ocppbdd.protocol.messages.ReadingContextEnum;
import io.ocppbdd.protocol.messages.SampledValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnergyModelTest {

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));

    private EnergyModel charging(double socPercent) {
        EnergyModel model = new EnergyModel(time.clock(), new Random(1), 1000, socPercent, () -> { });
        model.offer(true);
        model.evWantsEnergy(true);
        return model;
    }

    private static double value(MeterValue value, MeasurandEnum measurand) {
        return value.getSampledValue().stream().filter(v -> v.getMeasurand() == measurand)
                .map(SampledValue::getValue).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("Power is the least of EV demand, EVSE maximum and limit; the register integrates it")
    void powerFollowsDemandAndLimit() {
        EnergyModel model = charging(20);
        assertThat(model.powerWatts()).isEqualTo(EnergyModel.EV_DEMAND_WATTS);
        time.advance(Duration.ofHours(1));
        assertThat(model.registerWh()).isCloseTo(1000 + EnergyModel.EV_DEMAND_WATTS, within(0.01));
        model.limitWatts(3680);
        time.advance(Duration.ofMinutes(30));
        assertThat(model.registerWh()).isCloseTo(1000 + EnergyModel.EV_DEMAND_WATTS + 1840, within(0.01));
        model.limitWatts(0);
        assertThat(model.powerWatts()).isZero();
        model.limitWatts(-1);
        assertThat(model.powerWatts()).isEqualTo(EnergyModel.EV_DEMAND_WATTS);
    }

    @Test
    @DisplayName("No energy unless offered and asked for; a full battery stops the flow")
    void noEnergyWithoutOfferOrDemand() {
        EnergyModel model = charging(99);
        model.offer(false);
        time.advance(Duration.ofHours(1));
        assertThat(model.registerWh()).isEqualTo(1000);
        model.offer(true);
        time.advance(Duration.ofHours(1));
        assertThat(model.socPercent()).isEqualTo(100.0);
        assertThat(model.registerWh()).isCloseTo(1000 + EnergyModel.BATTERY_WH / 100, within(0.01));
        assertThat(model.powerWatts()).isZero();
    }

    @Test
    @DisplayName("J02.FR.16 register never decreases; power, current, voltage and SoC agree (P = 3 U I)")
    void readingsAreCoherent() {
        EnergyModel model = charging(30);
        double last = 0;
        for (int minute = 0; minute < 30; minute++) {
            time.advance(Duration.ofSeconds(37));
            MeterValue value = model.sample(List.of(MeasurandEnum.values()), ReadingContextEnum.SAMPLE_PERIODIC);
            double register = value(value, MeasurandEnum.ENERGY_ACTIVE_IMPORT_REGISTER);
            assertThat(register).isGreaterThan(last);
            last = register;
            double power = value(value, MeasurandEnum.POWER_ACTIVE_IMPORT);
            double volts = value(value, MeasurandEnum.VOLTAGE);
            assertThat(volts).isBetween(225.0, 235.0);
            assertThat(3 * volts * value(value, MeasurandEnum.CURRENT_IMPORT)).isCloseTo(power, within(power * 0.01));
            assertThat(value(value, MeasurandEnum.SO_C))
                    .isCloseTo(30 + (register - 1000) / EnergyModel.BATTERY_WH * 100, within(0.2));
        }
    }

    @Test
    @DisplayName("Readings are reproducible with the same seed")
    void reproducible() {
        EnergyModel first = charging(40);
        EnergyModel second = charging(40);
        time.advance(Duration.ofMinutes(5));
        List<MeasurandEnum> all = List.of(MeasurandEnum.values());
        assertThat(first.sample(all, ReadingContextEnum.SAMPLE_CLOCK).getSampledValue())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(second.sample(all, ReadingContextEnum.SAMPLE_CLOCK).getSampledValue());
    }
}
