package io.ocppbdd.station.metering;

import io.ocppbdd.protocol.messages.LocationEnum;
import io.ocppbdd.protocol.messages.MeasurandEnum;
import io.ocppbdd.protocol.messages.MeterValue;
import io.ocppbdd.protocol.messages.ReadingContextEnum;
import io.ocppbdd.protocol.messages.SampledValue;
import io.ocppbdd.protocol.messages.UnitOfMeasure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The physics of one EVSE: the power it delivers is the least of what the EV asks, what the EVSE can give and the
 * charging limit, and only while energy is offered (EV connected and authorized) and the battery is not full.
 * The energy register integrates that power over the scheduler's clock and never decreases (J02.FR.16);
 * current, voltage and state of charge follow from it. Used on the station's loop only.
 */
public final class EnergyModel {

    /** What the EVSE can deliver: 3 phases of 32 A at 230 V. */
    public static final double EVSE_MAX_WATTS = 22_080;
    /** What the simulated EV asks for: 3 phases of 16 A at 230 V. */
    public static final double EV_DEMAND_WATTS = 11_040;
    static final double BATTERY_WH = 60_000;
    private static final double NOMINAL_VOLTS = 230;
    /** The phases the EVSE charges on. */
    public static final int PHASES = 3;

    private final Clock clock;
    private final Random random;
    private final Runnable onChange;
    private Instant last;
    private double registerWh;
    /** The plugged EV's state of charge; null while no EV is plugged in. */
    private Double socPercent;
    private double limitWatts = Double.POSITIVE_INFINITY;
    private boolean offered;
    private boolean evWantsEnergy;

    /** @param socPercent the state of charge of the EV plugged in, or null when none is */
    EnergyModel(Clock clock, Random random, double registerWh, Double socPercent, Runnable onChange) {
        this.clock = clock;
        this.random = random;
        this.registerWh = registerWh;
        this.socPercent = socPercent;
        this.onChange = onChange;
        this.last = clock.instant();
    }

    /**
     * Caps the power of this EVSE from now on (a charging limit, e.g. from smart charging); a negative value or
     * infinity lifts the cap. Energy up to now is counted at the old power.
     */
    public void limitWatts(double watts) {
        change(() -> limitWatts = watts < 0 ? Double.POSITIVE_INFINITY : watts);
    }

    /** The charging limit in W, infinite when none. */
    public double limitWatts() {
        return limitWatts;
    }

    /** The power delivered now, W. */
    public double powerWatts() {
        if (!offered || !evWantsEnergy || socPercent == null || socPercent >= 100) {
            return 0;
        }
        return Math.min(Math.min(EV_DEMAND_WATTS, EVSE_MAX_WATTS), limitWatts);
    }

    /** The power the EVSE offers now (its maximum under the limit, or 0 when not offered), W. */
    public double offeredWatts() {
        return offered ? Math.min(EVSE_MAX_WATTS, limitWatts) : 0;
    }

    /** Energy.Active.Import.Register now, Wh. */
    double registerWh() {
        integrate();
        return registerWh;
    }

    /** The plugged EV's state of charge now, %; null while no EV is plugged in. */
    Double socPercent() {
        integrate();
        return socPercent;
    }

    /** Whether the EVSE offers energy (the power path is closed). */
    public void offer(boolean value) {
        if (offered != value) {
            change(() -> offered = value);
        }
    }

    /** Whether the EV asks for energy. */
    public void evWantsEnergy(boolean value) {
        if (evWantsEnergy != value) {
            change(() -> evWantsEnergy = value);
        }
    }

    /** A new EV with this state of charge arrived. */
    void newEv(double soc) {
        change(() -> socPercent = soc);
    }

    /** The EV left: no state of charge to measure until the next one arrives. */
    void evLeft() {
        change(() -> socPercent = null);
    }

    /** One reading of these measurands, all with the same timestamp (J01.FR.17). */
    MeterValue sample(List<MeasurandEnum> measurands, ReadingContextEnum context) {
        integrate();
        double power = powerWatts();
        double volts = NOMINAL_VOLTS + random.nextGaussian() * 0.5;
        List<SampledValue> values = new ArrayList<>();
        for (MeasurandEnum measurand : measurands) {
            switch (measurand) {
                case ENERGY_ACTIVE_IMPORT_REGISTER -> values.add(value(measurand, round(registerWh, 1), "Wh", context));
                case POWER_ACTIVE_IMPORT -> values.add(value(measurand, round(power, 1), "W", context));
                case POWER_OFFERED -> values.add(value(measurand, round(offeredWatts(), 1), "W", context));
                case CURRENT_IMPORT -> values.add(value(measurand, round(power / (volts * PHASES), 2), "A", context));
                case CURRENT_OFFERED -> values.add(value(measurand,
                        round(offeredWatts() / (NOMINAL_VOLTS * PHASES), 2), "A", context));
                case VOLTAGE -> values.add(value(measurand, round(volts, 1), "V", context));
                case SO_C -> {
                    if (socPercent != null) { // measured by the EV: none without one
                        values.add(value(measurand, round(socPercent, 1), "Percent", context)
                                .withLocation(LocationEnum.EV));
                    }
                }
                default -> {
                    // a measurand this meter does not measure is left out (J01.FR.14: "for which it is supported")
                }
            }
        }
        return values.isEmpty() ? null : new MeterValue()
                .withTimestamp(clock.instant().atOffset(ZoneOffset.UTC)).withSampledValue(values);
    }

    private static SampledValue value(MeasurandEnum measurand, double value, String unit, ReadingContextEnum context) {
        return new SampledValue().withMeasurand(measurand).withValue(value).withContext(context)
                .withUnitOfMeasure(new UnitOfMeasure().withUnit(unit));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.floor(value * scale) / scale;
    }

    private void change(Runnable mutation) {
        integrate();
        mutation.run();
        onChange.run();
    }

    private void integrate() {
        Instant now = clock.instant();
        double hours = Duration.between(last, now).toNanos() / 3.6e12;
        last = now;
        if (hours <= 0) {
            return;
        }
        double wantedWh = powerWatts() * hours;
        if (wantedWh <= 0) {
            return;
        }
        double roomWh = (100 - socPercent) / 100 * BATTERY_WH;
        double energyWh = Math.min(wantedWh, Math.max(roomWh, 0));
        registerWh += energyWh;
        socPercent = Math.min(100, socPercent + energyWh / BATTERY_WH * 100);
    }
}
