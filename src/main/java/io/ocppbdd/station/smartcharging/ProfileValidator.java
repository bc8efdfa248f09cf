package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfileKindEnum;
import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;
import io.ocppbdd.protocol.messages.ChargingSchedule;
import io.ocppbdd.protocol.messages.ChargingSchedulePeriod;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.CHARGING_STATION_EXTERNAL_CONSTRAINTS;
import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.CHARGING_STATION_MAX_PROFILE;
import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.TX_DEFAULT_PROFILE;
import static io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum.TX_PROFILE;

/**
 * The K01 rules a SetChargingProfileRequest must pass before its profile is installed. The first broken rule
 * wins; its {@link Rejection} names the requirement and carries the appendix reason code.
 */
final class ProfileValidator {

    private final ChargingProfileStore store;
    private final SmartChargingSettings settings;
    private final ActiveTransactions transactions;

    ProfileValidator(ChargingProfileStore store, SmartChargingSettings settings, ActiveTransactions transactions) {
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
    }

    /** Checks a profile sent for this EVSE at this moment; empty when it may be installed. */
    Optional<Rejection> check(int evseId, ChargingProfile profile, Instant now) {
        return firstOf(
                () -> evse(evseId),
                () -> purpose(evseId, profile),
                () -> transaction(evseId, profile),
                () -> kind(profile),
                () -> validity(profile),
                () -> stackLevel(profile),
                () -> schedules(profile),
                () -> duplicates(evseId, profile, now),
                () -> room(profile));
    }

    @SafeVarargs
    private static Optional<Rejection> firstOf(Supplier<Optional<Rejection>>... rules) {
        for (Supplier<Optional<Rejection>> rule : rules) {
            Optional<Rejection> broken = rule.get();
            if (broken.isPresent()) {
                return broken;
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> evse(int evseId) {
        return settings.knowsEvse(evseId) ? Optional.empty()
                : reject("K01.FR.28", "UnknownEvse", "the station has no EVSE " + evseId);
    }

    private Optional<Rejection> purpose(int evseId, ChargingProfile profile) {
        ChargingProfilePurposeEnum purpose = profile.getChargingProfilePurpose();
        if (purpose == CHARGING_STATION_EXTERNAL_CONSTRAINTS) {
            return reject("K01.FR.22", "InvalidProfile",
                    "ChargingStationExternalConstraints is set by external systems, not by the CSMS");
        }
        Optional<InstalledProfile> known = store.byId(profile.getId());
        if (known.isPresent() && known.get().purpose() == CHARGING_STATION_EXTERNAL_CONSTRAINTS) {
            return reject("K01.FR.05", "InvalidProfile", "profile " + profile.getId()
                    + " is an external constraint, which the CSMS cannot replace");
        }
        if (purpose == TX_PROFILE && evseId == 0) {
            return reject("K01.FR.16", "InvalidProfile", "a TxProfile needs an evseId > 0");
        }
        if (purpose == CHARGING_STATION_MAX_PROFILE && evseId != 0) {
            return reject("K §3.2", "InvalidProfile", "a ChargingStationMaxProfile can only be set on evseId 0");
        }
        if (purpose != TX_PROFILE && profile.getTransactionId() != null) {
            return reject("ChargingProfileType", "InvalidProfile", "transactionId belongs to a TxProfile only");
        }
        return Optional.empty();
    }

    private Optional<Rejection> transaction(int evseId, ChargingProfile profile) {
        if (profile.getChargingProfilePurpose() != TX_PROFILE) {
            return Optional.empty();
        }
        Optional<String> running = transactions.transactionId(evseId);
        if (running.isEmpty()) {
            return reject("K01.FR.09", "TxNotFound", "no transaction is active on EVSE " + evseId);
        }
        if (profile.getTransactionId() == null) {
            return reject("K01.FR.03", "MissingParam", "a TxProfile needs the transactionId");
        }
        if (!running.get().equals(profile.getTransactionId())) {
            return reject("K01.FR.33", "TxNotFound", "transaction " + profile.getTransactionId()
                    + " is not known on EVSE " + evseId);
        }
        return Optional.empty();
    }

    private Optional<Rejection> kind(ChargingProfile profile) {
        ChargingProfileKindEnum kind = profile.getChargingProfileKind();
        if (kind == ChargingProfileKindEnum.RELATIVE
                && profile.getChargingProfilePurpose() == CHARGING_STATION_MAX_PROFILE) {
            return reject("K01.FR.38", "InvalidProfile", "a ChargingStationMaxProfile cannot be Relative");
        }
        if (kind == ChargingProfileKindEnum.RECURRING && profile.getRecurrencyKind() == null) {
            return reject("K §3.3", "InvalidProfile", "a Recurring profile needs a recurrencyKind");
        }
        for (ChargingSchedule schedule : profile.getChargingSchedule()) {
            if (kind == ChargingProfileKindEnum.RELATIVE && schedule.getStartSchedule() != null) {
                return reject("K01.FR.41", "InvalidSchedule", "a Relative profile has no startSchedule");
            }
            if (kind != ChargingProfileKindEnum.RELATIVE && schedule.getStartSchedule() == null) {
                return reject("K01.FR.40", "InvalidSchedule", "an " + kind.value() + " profile needs a startSchedule");
            }
        }
        return Optional.empty();
    }

    private Optional<Rejection> validity(ChargingProfile profile) {
        OffsetDateTime from = profile.getValidFrom();
        OffsetDateTime to = profile.getValidTo();
        return from != null && to != null && !from.isBefore(to)
                ? reject("K01.FR.37", "InvalidProfile", "validFrom " + from + " is not before validTo " + to)
                : Optional.empty();
    }

    private Optional<Rejection> stackLevel(ChargingProfile profile) {
        int level = profile.getStackLevel();
        return level < 0 || level > settings.maxStackLevel()
                ? reject("ProfileStackLevel", "InvalidStackLevel", "stackLevel " + level + " is outside 0.."
                + settings.maxStackLevel() + " (SmartChargingCtrlr.ProfileStackLevel)")
                : Optional.empty();
    }

    private Optional<Rejection> schedules(ChargingProfile profile) {
        List<ChargingSchedule> schedules = profile.getChargingSchedule();
        if (schedules.size() > 1) {
            return reject("K01.FR.34", "InvalidSchedule", "without ISO 15118 a profile has exactly one schedule");
        }
        ChargingSchedule schedule = schedules.get(0);
        if (!settings.rateUnits().contains(schedule.getChargingRateUnit())) {
            return reject("K01.FR.26", "UnsupportedRateUnit", "chargingRateUnit " + schedule.getChargingRateUnit()
                    .value() + " is not in SmartChargingCtrlr.RateUnit " + settings.rateUnits());
        }
        if (schedule.getDuration() != null && schedule.getDuration() <= 0) {
            return reject("K01.FR.11", "InvalidSchedule", "duration must be positive");
        }
        List<ChargingSchedulePeriod> periods = schedule.getChargingSchedulePeriod();
        if (periods.size() > settings.periodsPerSchedule()) {
            return reject("PeriodsPerSchedule", "TooManyElements", periods.size() + " periods, at most "
                    + settings.periodsPerSchedule() + " (SmartChargingCtrlr.PeriodsPerSchedule)");
        }
        if (periods.get(0).getStartPeriod() != 0) {
            return reject("K01.FR.31", "InvalidSchedule", "the first period must start at 0");
        }
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).getStartPeriod() <= periods.get(i - 1).getStartPeriod()) {
                return reject("K01.FR.35", "InvalidSchedule", "startPeriod must increase from period to period");
            }
        }
        return periods.stream().map(this::period).flatMap(Optional::stream).findFirst();
    }

    private Optional<Rejection> period(ChargingSchedulePeriod period) {
        if (period.getLimit() < 0) {
            return reject("K01.FR.02", "InvalidSchedule", "limit " + period.getLimit() + " is negative");
        }
        Integer phases = period.getNumberPhases();
        if (phases != null && phases < 1) {
            return reject("K01.FR.49", "InvalidSchedule", "numberPhases " + phases + " is below 1");
        }
        if (period.getPhaseToUse() == null) {
            return Optional.empty();
        }
        if (!Objects.equals(phases, 1)) {
            return reject("K01.FR.19", "InvalidSchedule", "phaseToUse needs numberPhases = 1");
        }
        if (!settings.phaseSwitching()) {
            return reject("K01.FR.48", "InvalidSchedule",
                    "phaseToUse needs SmartChargingCtrlr.ACPhaseSwitchingSupported = true");
        }
        return period.getPhaseToUse() < 1 || period.getPhaseToUse() > 3
                ? reject("K01.FR.46", "InvalidSchedule", "phaseToUse must be 1, 2 or 3") : Optional.empty();
    }

    private Optional<Rejection> duplicates(int evseId, ChargingProfile profile, Instant now) {
        ChargingProfilePurposeEnum purpose = profile.getChargingProfilePurpose();
        int level = profile.getStackLevel();
        for (InstalledProfile other : store.all()) {
            if (other.id() == profile.getId() || other.purpose() != purpose || other.stackLevel() != level) {
                continue;
            }
            if (purpose == TX_PROFILE) {
                if (Objects.equals(other.profile().getTransactionId(), profile.getTransactionId())) {
                    return duplicate("K01.FR.39", other);
                }
            } else if (purpose == TX_DEFAULT_PROFILE && evseId == 0 && other.evseId() > 0) {
                return duplicate("K01.FR.52", other);
            } else if (purpose == TX_DEFAULT_PROFILE && evseId > 0 && other.evseId() == 0) {
                return duplicate("K01.FR.53", other);
            } else if (other.evseId() == evseId && overlap(profile, other.profile(), now)) {
                return duplicate("K01.FR.06", other);
            }
        }
        return Optional.empty();
    }

    /** Whether two validity periods overlap; a new profile without validFrom is valid from now on. */
    private static boolean overlap(ChargingProfile incoming, ChargingProfile installed, Instant now) {
        Instant from = incoming.getValidFrom() == null ? now : incoming.getValidFrom().toInstant();
        Instant to = incoming.getValidTo() == null ? Instant.MAX : incoming.getValidTo().toInstant();
        Instant otherFrom = installed.getValidFrom() == null ? Instant.MIN : installed.getValidFrom().toInstant();
        Instant otherTo = installed.getValidTo() == null ? Instant.MAX : installed.getValidTo().toInstant();
        return from.isBefore(otherTo) && otherFrom.isBefore(to);
    }

    private Optional<Rejection> room(ChargingProfile profile) {
        return store.byId(profile.getId()).isEmpty() && store.size() >= settings.maxProfiles()
                ? reject("Entries", "OutOfStorage", "already " + store.size()
                + " profiles installed, the maximum of SmartChargingCtrlr.Entries[ChargingProfiles]")
                : Optional.empty();
    }

    private static Optional<Rejection> duplicate(String requirement, InstalledProfile other) {
        return reject(requirement, "DuplicateProfile", "profile " + other.id() + " on EVSE " + other.evseId()
                + " already has purpose " + other.purpose().value() + " and stackLevel " + other.stackLevel());
    }

    private static Optional<Rejection> reject(String requirement, String reasonCode, String detail) {
        return Optional.of(new Rejection(requirement, reasonCode, detail));
    }
}
