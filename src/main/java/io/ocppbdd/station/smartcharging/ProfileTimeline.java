package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfileKindEnum;
import io.ocppbdd.protocol.messages.ChargingSchedule;
import io.ocppbdd.protocol.messages.ChargingSchedulePeriod;
import io.ocppbdd.protocol.messages.RecurrencyKindEnum;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.LongStream;

/**
 * When each period of one charging profile is in force, on a time line of epoch seconds: validFrom/validTo
 * (K01.FR.10, K01.FR.36, K01.FR.37), the start of the schedule (Absolute: startSchedule, K01.FR.30; Relative:
 * the transaction start; Recurring: startSchedule plus whole days or weeks), its duration (K01.FR.11,
 * K01.FR.12, K01.FR.13) and the ordered periods.
 */
final class ProfileTimeline {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    private final ChargingProfile profile;
    private final ChargingSchedule schedule;
    private final long validFrom;
    private final long validTo;

    ProfileTimeline(ChargingProfile profile) {
        this.profile = profile;
        this.schedule = profile.getChargingSchedule().get(0);
        this.validFrom = seconds(profile.getValidFrom(), Long.MIN_VALUE);
        this.validTo = seconds(profile.getValidTo(), Long.MAX_VALUE);
    }

    ChargingSchedule schedule() {
        return schedule;
    }

    /**
     * The period in force at second {@code t}, if any.
     *
     * @param relativeStart where a Relative schedule starts (the transaction start, in epoch seconds)
     */
    Optional<ChargingSchedulePeriod> periodAt(long t, long relativeStart) {
        if (t < validFrom || t >= validTo) {
            return Optional.empty();
        }
        Optional<Long> base = baseFor(t, relativeStart);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        long offset = t - base.get();
        long end = end();
        if (offset < 0 || offset >= end) {
            return Optional.empty();
        }
        ChargingSchedulePeriod current = null;
        for (ChargingSchedulePeriod period : periods()) {
            if (period.getStartPeriod() <= offset && period.getStartPeriod() < end) {
                current = period;
            }
        }
        return Optional.ofNullable(current);
    }

    /** Adds every second in (from, to) at which the period in force may change. */
    void addChanges(long from, long to, long relativeStart, SortedSet<Long> changes) {
        addIfInside(validFrom, from, to, changes);
        addIfInside(validTo, from, to, changes);
        long end = end();
        for (long base : bases(from, to, relativeStart)) {
            for (ChargingSchedulePeriod period : periods()) {
                if (period.getStartPeriod() < end) {
                    addIfInside(base + period.getStartPeriod(), from, to, changes);
                }
            }
            if (end != Long.MAX_VALUE) {
                addIfInside(base + end, from, to, changes);
            }
        }
    }

    /** Where the schedule in force at {@code t} started; empty before a Recurring schedule's first start. */
    private Optional<Long> baseFor(long t, long relativeStart) {
        ChargingProfileKindEnum kind = profile.getChargingProfileKind();
        if (kind == ChargingProfileKindEnum.RELATIVE) {
            return Optional.of(relativeStart);
        }
        long start = schedule.getStartSchedule().toEpochSecond();
        if (kind == ChargingProfileKindEnum.ABSOLUTE) {
            return Optional.of(start);
        }
        return t < start ? Optional.empty()
                : Optional.of(start + Math.floorDiv(t - start, recurrence()) * recurrence());
    }

    private List<Long> bases(long from, long to, long relativeStart) {
        ChargingProfileKindEnum kind = profile.getChargingProfileKind();
        if (kind != ChargingProfileKindEnum.RECURRING) {
            return List.of(baseFor(from, relativeStart).orElseThrow());
        }
        long start = schedule.getStartSchedule().toEpochSecond();
        long first = Math.max(0, Math.floorDiv(from - start, recurrence()));
        long last = Math.floorDiv(to - start, recurrence());
        return LongStream.rangeClosed(first, last).map(k -> start + k * recurrence())
                .boxed().toList();
    }

    /** Seconds after its start at which the schedule stops: its duration, cut at the next recurrence. */
    private long end() {
        long end = schedule.getDuration() == null ? Long.MAX_VALUE : schedule.getDuration();
        return profile.getChargingProfileKind() == ChargingProfileKindEnum.RECURRING
                ? Math.min(end, recurrence()) : end;
    }

    private long recurrence() {
        return profile.getRecurrencyKind() == RecurrencyKindEnum.WEEKLY ? WEEK : DAY;
    }

    private List<ChargingSchedulePeriod> periods() {
        return schedule.getChargingSchedulePeriod();
    }

    private static void addIfInside(long t, long from, long to, SortedSet<Long> changes) {
        if (t > from && t < to) {
            changes.add(t);
        }
    }

    private static long seconds(OffsetDateTime time, long absent) {
        return time == null ? absent : time.toEpochSecond();
    }
}
