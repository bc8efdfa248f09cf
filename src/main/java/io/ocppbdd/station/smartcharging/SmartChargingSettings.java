package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.station.devicemodel.DeviceModel;
import io.ocppbdd.station.devicemodel.VariableKey;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The SmartChargingCtrlr limits a profile is checked against, read from the device model at the moment of use.
 *
 * @param rateUnits          SmartChargingCtrlr.RateUnit (K01.FR.26, K08.FR.07)
 * @param maxStackLevel      SmartChargingCtrlr.ProfileStackLevel
 * @param periodsPerSchedule SmartChargingCtrlr.PeriodsPerSchedule
 * @param maxProfiles        maxLimit of SmartChargingCtrlr.Entries[ChargingProfiles]
 * @param phaseSwitching     SmartChargingCtrlr.ACPhaseSwitchingSupported (K01.FR.20, K01.FR.48)
 * @param evseIds            the EVSEs of the station, without 0
 */
record SmartChargingSettings(Set<ChargingRateUnitEnum> rateUnits, int maxStackLevel, int periodsPerSchedule,
                             int maxProfiles, boolean phaseSwitching, Set<Integer> evseIds) {

    static final String COMPONENT = "SmartChargingCtrlr";
    static final VariableKey ENTRIES = new VariableKey(COMPONENT, null, null, null, "Entries", "ChargingProfiles");

    static SmartChargingSettings of(DeviceModel model, Set<Integer> evseIds) {
        Set<ChargingRateUnitEnum> units = EnumSet.noneOf(ChargingRateUnitEnum.class);
        Arrays.stream(model.actual(COMPONENT, "RateUnit").orElse("A,W").split(","))
                .map(String::trim).filter(unit -> !unit.isEmpty())
                .forEach(unit -> units.add(ChargingRateUnitEnum.fromValue(unit)));
        int maxProfiles = model.find(ENTRIES).map(v -> v.maxLimit()).map(BigDecimal::intValue)
                .orElse(Integer.MAX_VALUE);
        return new SmartChargingSettings(units, model.intValue(COMPONENT, "ProfileStackLevel", Integer.MAX_VALUE),
                model.intValue(COMPONENT, "PeriodsPerSchedule", Integer.MAX_VALUE), maxProfiles,
                model.actual(COMPONENT, "ACPhaseSwitchingSupported").map("true"::equals).orElse(false),
                Set.copyOf(evseIds));
    }

    boolean knowsEvse(int evseId) {
        return evseId == 0 || evseIds.contains(evseId);
    }
}
