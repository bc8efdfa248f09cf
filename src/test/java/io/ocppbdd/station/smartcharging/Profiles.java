package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfileKindEnum;
import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ChargingSchedule;
import io.ocppbdd.protocol.messages.ChargingSchedulePeriod;
import io.ocppbdd.protocol.messages.CompositeSchedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Short ways to write charging profiles and read composite schedules in tests. */
final class Profiles {

    static final ChargingProfileKindEnum ABSOLUTE = ChargingProfileKindEnum.ABSOLUTE;
    static final ChargingProfileKindEnum RELATIVE = ChargingProfileKindEnum.RELATIVE;
    static final ChargingProfileKindEnum RECURRING = ChargingProfileKindEnum.RECURRING;
    static final ChargingProfilePurposeEnum MAX = ChargingProfilePurposeEnum.CHARGING_STATION_MAX_PROFILE;
    static final ChargingProfilePurposeEnum TX = ChargingProfilePurposeEnum.TX_PROFILE;
    static final ChargingProfilePurposeEnum TX_DEFAULT = ChargingProfilePurposeEnum.TX_DEFAULT_PROFILE;
    static final ChargingProfilePurposeEnum EXTERNAL = ChargingProfilePurposeEnum.CHARGING_STATION_EXTERNAL_CONSTRAINTS;
    static final ChargingRateUnitEnum A = ChargingRateUnitEnum.A;
    static final ChargingRateUnitEnum W = ChargingRateUnitEnum.W;

    private Profiles() {
    }

    /** A profile with one schedule; {@code periods} like {@code "0:6 100:8 200:10"} (startPeriod:limit). */
    static ChargingProfile profile(int id, int stackLevel, ChargingProfilePurposeEnum purpose,
                                   ChargingProfileKindEnum kind, ChargingRateUnitEnum unit, String startSchedule,
                                   Integer duration, String periods) {
        ChargingSchedule schedule = new ChargingSchedule().withId(1).withChargingRateUnit(unit)
                .withStartSchedule(startSchedule == null ? null : time(startSchedule)).withDuration(duration)
                .withChargingSchedulePeriod(Arrays.stream(periods.trim().split("\\s+")).map(Profiles::period).toList());
        return new ChargingProfile().withId(id).withStackLevel(stackLevel).withChargingProfilePurpose(purpose)
                .withChargingProfileKind(kind).withChargingSchedule(List.of(schedule));
    }

    /** An Absolute profile in A. */
    static ChargingProfile absolute(int id, int stackLevel, ChargingProfilePurposeEnum purpose, String start,
                                    Integer duration, String periods) {
        return profile(id, stackLevel, purpose, ABSOLUTE, A, start, duration, periods);
    }

    static ChargingSchedulePeriod period(String startAndLimit) {
        String[] parts = startAndLimit.split(":");
        return new ChargingSchedulePeriod().withStartPeriod(Integer.parseInt(parts[0]))
                .withLimit(Double.parseDouble(parts[1]));
    }

    static OffsetDateTime time(String isoInstant) {
        return OffsetDateTime.parse(isoInstant);
    }

    /** The periods of a composite schedule as {@code "startPeriod:limit"}, limits without a needless ".0". */
    static List<String> periods(CompositeSchedule schedule) {
        return schedule.getChargingSchedulePeriod().stream().map(p -> p.getStartPeriod() + ":" + number(p.getLimit()))
                .toList();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** One transaction on one EVSE. */
    static ActiveTransactions transaction(int evseId, String transactionId, Instant startedAt) {
        return new ActiveTransactions() {
            @Override
            public Optional<String> transactionId(int evse) {
                return evse == evseId ? Optional.of(transactionId) : Optional.empty();
            }

            @Override
            public Optional<Instant> startedAt(int evse) {
                return evse == evseId ? Optional.of(startedAt) : Optional.empty();
            }
        };
    }
}
