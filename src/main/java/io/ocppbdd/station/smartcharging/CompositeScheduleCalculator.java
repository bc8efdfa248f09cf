package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ChargingSchedulePeriod;
import io.ocppbdd.protocol.messages.CompositeSchedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.CHARGING_STATION_EXTERNAL_CONSTRAINTS;
import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.CHARGING_STATION_MAX_PROFILE;
import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.TX_DEFAULT_PROFILE;
import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.TX_PROFILE;

/**
 * The composite schedule of Part 2 §K 3.4/3.5 and K08: per purpose, the leading period is the one of the valid
 * profile with the highest stackLevel that has a period at that time (K01.FR.17); a TxProfile overrules the
 * TxDefaultProfile wherever it has a period; the composite limit is the lowest of the leading limits
 * (K08.FR.04, SC.01), and the lowest numberPhases (errata 2.36).
 *
 * <p>Assumptions, where the spec leaves room:
 * <ul>
 *   <li>Profiles on EVSE 0 of purpose TxDefaultProfile and ChargingStationExternalConstraints apply to every
 *       EVSE (K01.FR.14); ChargingStationMaxProfile caps every EVSE and the station total.</li>
 *   <li>For EVSE 0 (K08.FR.03) the composite is the lowest of the station-wide profiles and the sum of every
 *       EVSE's own limit (its TxProfile or TxDefaultProfile and external constraints, or its supply maximum).</li>
 *   <li>A TxProfile counts only while its transaction runs on its EVSE. Relative schedules start when the
 *       EVSE's transaction started; without a transaction, at the start of the requested schedule, as if one
 *       started then (K08.FR.06).</li>
 *   <li>A and W convert with the {@link Supply} voltage and the period's numberPhases (3 when absent, K01.FR.49;
 *       at most the supply's phases, K01.FR.45). Limits are rounded down to 0.1 (the schema's one digit).</li>
 *   <li>Where no profile limits an EVSE, its supply maximum is reported. minChargingRate does not change the
 *       limit (K01.FR.21 is a MAY).</li>
 *   <li>Time resolution is one second; a Recurring schedule restarts at every whole day or week after its
 *       startSchedule and does not apply before it.</li>
 * </ul>
 */
final class CompositeScheduleCalculator {

    private final List<InstalledProfile> profiles;
    private final ActiveTransactions transactions;
    private final Supply supply;
    private final Set<Integer> evseIds;

    /**
     * @param evseIds the station's EVSEs (without 0)
     */
    CompositeScheduleCalculator(List<InstalledProfile> profiles, ActiveTransactions transactions, Supply supply,
                                Set<Integer> evseIds) {
        this.profiles = profiles.stream()
                .sorted(Comparator.comparingInt(InstalledProfile::stackLevel).reversed()).toList();
        this.transactions = transactions;
        this.supply = supply;
        this.evseIds = Set.copyOf(evseIds);
    }

    /** A limit in some unit, with the number of phases it assumes. */
    record Limit(double value, int phases) {
    }

    /** The composite schedule of an EVSE (0 = the grid connection) from {@code start} for {@code duration} s. */
    CompositeSchedule schedule(int evseId, Instant start, int duration, ChargingRateUnitEnum unit) {
        long from = start.getEpochSecond();
        long to = from + duration;
        SortedSet<Long> changes = new TreeSet<>();
        changes.add(from);
        for (InstalledProfile installed : profiles) {
            ProfileTimeline timeline = new ProfileTimeline(installed.profile());
            for (int evse : evsesOf(evseId)) {
                timeline.addChanges(from, to, relativeStart(evse, from), changes);
            }
        }
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        Limit previous = null;
        for (long t : changes) {
            Limit limit = limitAt(evseId, t, from, unit).orElseGet(() -> fallback(evseId, unit));
            if (!limit.equals(previous)) {
                periods.add(new ChargingSchedulePeriod().withStartPeriod((int) (t - from))
                        .withLimit(limit.value()).withNumberPhases(limit.phases()));
                previous = limit;
            }
        }
        return new CompositeSchedule().withEvseId(evseId).withDuration(duration)
                .withScheduleStart(start.atOffset(ZoneOffset.UTC)).withChargingRateUnit(unit)
                .withChargingSchedulePeriod(periods);
    }

    /**
     * The first moment after {@code after}, and before {@code before}, at which a limit may change on some EVSE:
     * a period begins or ends, a profile becomes valid or expires.
     */
    Optional<Instant> nextChange(Instant after, Instant before) {
        long from = after.getEpochSecond();
        long to = before.getEpochSecond();
        SortedSet<Long> changes = new TreeSet<>();
        for (InstalledProfile installed : profiles) {
            ProfileTimeline timeline = new ProfileTimeline(installed.profile());
            for (int evse : evsesOf(0)) {
                timeline.addChanges(from, to, relativeStart(evse, from), changes);
            }
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(changes.first()));
    }

    /**
     * The limit the profiles impose on an EVSE at one moment, empty when none does. Without a transaction,
     * Relative schedules are taken to start at that moment.
     */
    Optional<Limit> limitAt(int evseId, Instant at, ChargingRateUnitEnum unit) {
        long t = at.getEpochSecond();
        return limitAt(evseId, t, t, unit);
    }

    private Optional<Limit> limitAt(int evseId, long t, long noTransactionStart, ChargingRateUnitEnum unit) {
        Optional<Limit> stationWide = lowest(
                leading(CHARGING_STATION_MAX_PROFILE, 0, t, noTransactionStart, unit),
                leading(CHARGING_STATION_EXTERNAL_CONSTRAINTS, 0, t, noTransactionStart, unit));
        if (evseId > 0) {
            return lowest(stationWide, evseOwn(evseId, t, noTransactionStart, unit));
        }
        boolean anyEvseLimited = false;
        double sum = 0;
        for (int evse : evseIds) {
            Optional<Limit> own = evseOwn(evse, t, noTransactionStart, unit);
            anyEvseLimited |= own.isPresent();
            sum += own.orElseGet(() -> fallback(evse, unit)).value();
        }
        Optional<Limit> total = anyEvseLimited ? Optional.of(new Limit(round(sum), supply.phases())) : Optional.empty();
        return lowest(stationWide, total);
    }

    /** The limit of one EVSE apart from the station-wide profiles: TxProfile or TxDefaultProfile, external. */
    private Optional<Limit> evseOwn(int evseId, long t, long noTransactionStart, ChargingRateUnitEnum unit) {
        Optional<Limit> tx = leading(TX_PROFILE, evseId, t, noTransactionStart, unit);
        Optional<Limit> txOrDefault = tx.isPresent() ? tx
                : leading(TX_DEFAULT_PROFILE, evseId, t, noTransactionStart, unit);
        return lowest(txOrDefault,
                leading(CHARGING_STATION_EXTERNAL_CONSTRAINTS, evseId, t, noTransactionStart, unit));
    }

    /**
     * The limit of the highest-stack profile of this purpose that has a period at {@code t} for this EVSE:
     * installed on it, or, for an EVSE > 0, on EVSE 0 when the purpose is TxDefaultProfile.
     */
    private Optional<Limit> leading(ChargingProfilePurposeEnum purpose, int evseId, long t, long noTransactionStart,
                                    ChargingRateUnitEnum unit) {
        long relativeStart = relativeStart(evseId, noTransactionStart);
        for (InstalledProfile installed : profiles) {
            if (installed.purpose() != purpose || !appliesTo(installed, evseId)) {
                continue;
            }
            ProfileTimeline timeline = new ProfileTimeline(installed.profile());
            Optional<ChargingSchedulePeriod> period = timeline.periodAt(t, relativeStart);
            if (period.isPresent()) {
                return Optional.of(convert(period.get(), timeline.schedule().getChargingRateUnit(), unit));
            }
        }
        return Optional.empty();
    }

    private boolean appliesTo(InstalledProfile installed, int evseId) {
        if (installed.purpose() == TX_PROFILE) {
            return installed.evseId() == evseId && transactions.transactionId(evseId)
                    .map(id -> id.equals(installed.profile().getTransactionId())).orElse(false);
        }
        return installed.evseId() == evseId
                || installed.evseId() == 0 && installed.purpose() == TX_DEFAULT_PROFILE && evseId > 0;
    }

    private Limit convert(ChargingSchedulePeriod period, ChargingRateUnitEnum from, ChargingRateUnitEnum to) {
        int phases = Math.min(Objects.requireNonNullElse(period.getNumberPhases(), 3), supply.phases());
        double value = period.getLimit();
        if (from == ChargingRateUnitEnum.W && to == ChargingRateUnitEnum.A) {
            value = supply.amps(value, phases);
        } else if (from == ChargingRateUnitEnum.A && to == ChargingRateUnitEnum.W) {
            value = supply.watts(value, phases);
        }
        return new Limit(round(value), phases);
    }

    private Limit fallback(int evseId, ChargingRateUnitEnum unit) {
        int evseCount = evseId == 0 ? evseIds.size() : 1;
        double amps = supply.maxCurrentPerPhase() * evseCount;
        double value = unit == ChargingRateUnitEnum.A ? amps : supply.watts(amps, supply.phases());
        return new Limit(round(value), supply.phases());
    }

    private long relativeStart(int evseId, long noTransactionStart) {
        if (evseId == 0) {
            return noTransactionStart;
        }
        return transactions.startedAt(evseId).map(Instant::getEpochSecond).orElse(noTransactionStart);
    }

    private List<Integer> evsesOf(int evseId) {
        return evseId == 0 ? evseIds.stream().sorted().toList() : List.of(evseId);
    }

    @SafeVarargs
    private static Optional<Limit> lowest(Optional<Limit>... limits) {
        Limit lowest = null;
        for (Optional<Limit> limit : limits) {
            if (limit.isPresent()) {
                Limit l = limit.get();
                lowest = lowest == null ? l
                        : new Limit(Math.min(lowest.value(), l.value()), Math.min(lowest.phases(), l.phases()));
            }
        }
        return Optional.ofNullable(lowest);
    }

    private static double round(double value) {
        return Math.floor(value * 10 + 1e-6) / 10;
    }
}
