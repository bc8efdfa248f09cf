package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ChargingSchedule;
import io.ocppbdd.protocol.messages.RecurrencyKindEnum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.ocppbdd.station.smartcharging.Profiles.A;
import static io.ocppbdd.station.smartcharging.Profiles.EXTERNAL;
import static io.ocppbdd.station.smartcharging.Profiles.MAX;
import static io.ocppbdd.station.smartcharging.Profiles.RECURRING;
import static io.ocppbdd.station.smartcharging.Profiles.RELATIVE;
import static io.ocppbdd.station.smartcharging.Profiles.TX;
import static io.ocppbdd.station.smartcharging.Profiles.TX_DEFAULT;
import static io.ocppbdd.station.smartcharging.Profiles.W;
import static io.ocppbdd.station.smartcharging.Profiles.absolute;
import static io.ocppbdd.station.smartcharging.Profiles.profile;
import static io.ocppbdd.station.smartcharging.Profiles.time;
import static io.ocppbdd.station.smartcharging.Profiles.transaction;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileValidatorTest {

    private static final String NOW = "2026-01-01T12:00:00Z";
    private static final Instant T0 = Instant.parse(NOW);

    private final ChargingProfileStore store = new ChargingProfileStore();
    private SmartChargingSettings settings = settings(EnumSet.of(A, W), 64, false);
    private ActiveTransactions transactions = transaction(1, "TX-1", T0);

    private static SmartChargingSettings settings(Set<ChargingRateUnitEnum> units, int maxProfiles, boolean switching) {
        return new SmartChargingSettings(units, 3, 4, maxProfiles, switching, Set.of(1, 2));
    }

    private Optional<Rejection> check(int evseId, ChargingProfile profile) {
        return new ProfileValidator(store, settings, transactions).check(evseId, profile, T0);
    }

    private void assertRejected(int evseId, ChargingProfile profile, String requirement, String reasonCode) {
        assertThat(check(evseId, profile)).hasValueSatisfying(rejection -> {
            assertThat(rejection.requirement()).isEqualTo(requirement);
            assertThat(rejection.reasonCode()).isEqualTo(reasonCode);
        });
    }

    private static ChargingProfile txDefault(int id, int stackLevel) {
        return absolute(id, stackLevel, TX_DEFAULT, NOW, null, "0:16");
    }

    private static ChargingProfile txProfile(int id, int stackLevel, String transactionId) {
        return absolute(id, stackLevel, TX, NOW, null, "0:16").withTransactionId(transactionId);
    }

    @Test
    @DisplayName("K01.FR.01/K01.FR.08: a well-formed TxDefaultProfile and TxProfile pass")
    void wellFormedProfilesPass() {
        assertThat(check(0, txDefault(1, 0))).isEmpty();
        assertThat(check(1, txProfile(2, 0, "TX-1"))).isEmpty();
        assertThat(check(0, absolute(3, 0, MAX, NOW, 86400, "0:32 3600:16"))).isEmpty();
    }

    @Test
    @DisplayName("K01.FR.28: an EVSE that does not exist is rejected")
    void unknownEvse() {
        assertRejected(3, txDefault(1, 0), "K01.FR.28", "UnknownEvse");
    }

    @Test
    @DisplayName("K01.FR.22: the CSMS cannot set ChargingStationExternalConstraints")
    void externalConstraintsFromCsms() {
        assertRejected(0, absolute(1, 0, EXTERNAL, NOW, null, "0:16"), "K01.FR.22", "InvalidProfile");
    }

    @Test
    @DisplayName("K01.FR.05 (errata 2.38): an external-constraints profile cannot be replaced by the CSMS")
    void externalConstraintsNotReplaced() {
        store.install(0, absolute(7, 0, EXTERNAL, NOW, null, "0:16"));
        assertRejected(0, txDefault(7, 0), "K01.FR.05", "InvalidProfile");
    }

    @Test
    @DisplayName("K01.FR.05: a known id of another purpose is replaced, not a duplicate")
    void sameIdReplaces() {
        store.install(1, txDefault(7, 0));
        assertThat(check(1, txDefault(7, 0))).isEmpty();
        store.install(2, txDefault(7, 1));
        assertThat(store.all()).singleElement().satisfies(installed -> {
            assertThat(installed.evseId()).isEqualTo(2);
            assertThat(installed.stackLevel()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("K01.FR.16: a TxProfile needs an EVSE > 0")
    void txProfileOnStation() {
        assertRejected(0, txProfile(1, 0, "TX-1"), "K01.FR.16", "InvalidProfile");
    }

    @Test
    @DisplayName("§K 3.2: a ChargingStationMaxProfile is only set on EVSE 0")
    void maxProfileOnEvse() {
        assertRejected(1, absolute(1, 0, MAX, NOW, null, "0:16"), "K §3.2", "InvalidProfile");
    }

    @Test
    @DisplayName("K01.FR.09: a TxProfile without a transaction on the EVSE is rejected")
    void txProfileWithoutTransaction() {
        assertRejected(2, txProfile(1, 0, "TX-1"), "K01.FR.09", "TxNotFound");
        transactions = ActiveTransactions.NONE;
        assertRejected(1, txProfile(1, 0, "TX-1"), "K01.FR.09", "TxNotFound");
    }

    @Test
    @DisplayName("K01.FR.03: a TxProfile carries the transactionId; other purposes do not (ChargingProfileType)")
    void transactionIdRules() {
        assertRejected(1, txProfile(1, 0, null), "K01.FR.03", "MissingParam");
        assertRejected(1, txDefault(1, 0).withTransactionId("TX-1"), "ChargingProfileType", "InvalidProfile");
    }

    @Test
    @DisplayName("K01.FR.33: a TxProfile for an unknown transactionId is rejected")
    void unknownTransaction() {
        assertRejected(1, txProfile(1, 0, "TX-9"), "K01.FR.33", "TxNotFound");
    }

    @Test
    @DisplayName("K01.FR.38: a ChargingStationMaxProfile is not Relative")
    void relativeMaxProfile() {
        assertRejected(0, profile(1, 0, MAX, RELATIVE, A, null, null, "0:16"), "K01.FR.38", "InvalidProfile");
    }

    @Test
    @DisplayName("K01.FR.40: Absolute and Recurring need a startSchedule; Recurring needs a recurrencyKind")
    void startScheduleRequired() {
        assertRejected(0, absolute(1, 0, TX_DEFAULT, null, null, "0:16"), "K01.FR.40", "InvalidSchedule");
        assertRejected(0, profile(1, 0, TX_DEFAULT, RECURRING, A, null, null, "0:16")
                .withRecurrencyKind(RecurrencyKindEnum.DAILY), "K01.FR.40", "InvalidSchedule");
        assertRejected(0, profile(1, 0, TX_DEFAULT, RECURRING, A, NOW, null, "0:16"), "K §3.3", "InvalidProfile");
    }

    @Test
    @DisplayName("K01.FR.41: a Relative profile has no startSchedule")
    void relativeWithStart() {
        assertRejected(0, profile(1, 0, TX_DEFAULT, RELATIVE, A, NOW, null, "0:16"), "K01.FR.41", "InvalidSchedule");
    }

    @Test
    @DisplayName("K01.FR.36/K01.FR.37: validFrom must come before validTo")
    void emptyValidity() {
        assertRejected(0, txDefault(1, 0).withValidFrom(time(NOW)).withValidTo(time(NOW)), "K01.FR.37",
                "InvalidProfile");
    }

    @Test
    @DisplayName("SmartChargingCtrlr.ProfileStackLevel bounds the stackLevel")
    void stackLevelTooHigh() {
        assertThat(check(0, txDefault(1, 3))).isEmpty();
        assertRejected(0, txDefault(1, 4), "ProfileStackLevel", "InvalidStackLevel");
    }

    @Test
    @DisplayName("K01.FR.34: without ISO 15118 a profile has one schedule")
    void oneSchedule() {
        ChargingProfile profile = txDefault(1, 0);
        ChargingSchedule second = absolute(1, 0, TX_DEFAULT, NOW, null, "0:8").getChargingSchedule().get(0).withId(2);
        profile.setChargingSchedule(List.of(profile.getChargingSchedule().get(0), second));
        assertRejected(0, profile, "K01.FR.34", "InvalidSchedule");
    }

    @Test
    @DisplayName("K01.FR.26: a chargingRateUnit outside SmartChargingCtrlr.RateUnit is rejected")
    void unsupportedUnit() {
        settings = settings(EnumSet.of(A), 64, false);
        assertRejected(0, profile(1, 0, TX_DEFAULT, Profiles.ABSOLUTE, W, NOW, null, "0:11000"), "K01.FR.26",
                "UnsupportedRateUnit");
    }

    @Test
    @DisplayName("K01.FR.31/K01.FR.35: periods start at 0 and increase; at most PeriodsPerSchedule of them")
    void periodOrder() {
        assertRejected(0, absolute(1, 0, TX_DEFAULT, NOW, null, "10:16"), "K01.FR.31", "InvalidSchedule");
        assertRejected(0, absolute(1, 0, TX_DEFAULT, NOW, null, "0:16 60:8 60:10"), "K01.FR.35", "InvalidSchedule");
        assertRejected(0, absolute(1, 0, TX_DEFAULT, NOW, null, "0:1 1:2 2:3 3:4 4:5"), "PeriodsPerSchedule",
                "TooManyElements");
    }

    @Test
    @DisplayName("K01.FR.19/K01.FR.48: phaseToUse needs numberPhases 1 and ACPhaseSwitchingSupported")
    void phaseToUse() {
        ChargingProfile threePhases = txDefault(1, 0);
        threePhases.getChargingSchedule().get(0).getChargingSchedulePeriod().get(0)
                .withNumberPhases(3).withPhaseToUse(2);
        assertRejected(0, threePhases, "K01.FR.19", "InvalidSchedule");

        ChargingProfile onePhase = txDefault(1, 0);
        onePhase.getChargingSchedule().get(0).getChargingSchedulePeriod().get(0).withNumberPhases(1).withPhaseToUse(2);
        assertRejected(0, onePhase, "K01.FR.48", "InvalidSchedule");
        settings = settings(EnumSet.of(A, W), 64, true);
        assertThat(check(0, onePhase)).as("K01.FR.46").isEmpty();
    }

    @Test
    @DisplayName("K01.FR.06: same stackLevel, purpose and EVSE with overlapping validity is a DuplicateProfile")
    void duplicateStackLevel() {
        store.install(1, txDefault(1, 0).withValidTo(time("2026-01-02T00:00:00Z")));

        assertRejected(1, txDefault(2, 0), "K01.FR.06", "DuplicateProfile");
        assertThat(check(2, txDefault(2, 0))).as("another EVSE").isEmpty();
        assertThat(check(1, txDefault(2, 1))).as("another stack level").isEmpty();
        assertThat(check(1, txDefault(2, 0).withValidFrom(time("2026-01-02T00:00:00Z"))))
                .as("validity after the installed one's validTo").isEmpty();
    }

    @Test
    @DisplayName("K01.FR.39: same stackLevel and transactionId of another TxProfile is a DuplicateProfile")
    void duplicateTxProfile() {
        store.install(1, txProfile(1, 0, "TX-1"));
        assertRejected(1, txProfile(2, 0, "TX-1"), "K01.FR.39", "DuplicateProfile");
        assertThat(check(1, txProfile(2, 1, "TX-1"))).isEmpty();
    }

    @Test
    @DisplayName("K01.FR.52/K01.FR.53: a TxDefaultProfile stack level on EVSE 0 excludes it on EVSEs, and back")
    void duplicateAcrossStationAndEvse() {
        store.install(1, txDefault(1, 0));
        assertRejected(0, txDefault(2, 0), "K01.FR.52", "DuplicateProfile");

        store.remove(installed -> true);
        store.install(0, txDefault(1, 0));
        assertRejected(2, txDefault(2, 0), "K01.FR.53", "DuplicateProfile");
    }

    @Test
    @DisplayName("SmartChargingCtrlr.Entries[ChargingProfiles] maxLimit caps the installed profiles")
    void storeFull() {
        settings = settings(EnumSet.of(A, W), 1, false);
        store.install(1, txDefault(1, 0));
        assertRejected(2, txDefault(2, 0), "Entries", "OutOfStorage");
        assertThat(check(2, txDefault(1, 0))).as("a replacement needs no room").isEmpty();
    }

    @Test
    @DisplayName("Rejections carry the reason code and the requirement in statusInfo")
    void statusInfo() {
        assertThat(new Rejection("K01.FR.09", "TxNotFound", "no transaction").statusInfo())
                .satisfies(info -> {
                    assertThat(info.getReasonCode()).isEqualTo("TxNotFound");
                    assertThat(info.getAdditionalInfo()).isEqualTo("K01.FR.09: no transaction");
                });
    }
}
