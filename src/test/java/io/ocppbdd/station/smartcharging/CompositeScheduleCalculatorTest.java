package io.ocppbdd.station.smartcharging;

import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.CompositeSchedule;
import io.ocppbdd.protocol.messages.RecurrencyKindEnum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
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
import static io.ocppbdd.station.smartcharging.Profiles.periods;
import static io.ocppbdd.station.smartcharging.Profiles.profile;
import static io.ocppbdd.station.smartcharging.Profiles.time;
import static io.ocppbdd.station.smartcharging.Profiles.transaction;
import static org.assertj.core.api.Assertions.assertThat;

class CompositeScheduleCalculatorTest {

    private static final String NOW = "2026-01-01T12:00:00Z";
    private static final Instant T0 = Instant.parse(NOW);

    private final List<InstalledProfile> installed = new ArrayList<>();
    private ActiveTransactions transactions = ActiveTransactions.NONE;

    private void install(int evseId, ChargingProfile profile) {
        installed.add(new InstalledProfile(evseId, profile));
    }

    private CompositeScheduleCalculator calculator() {
        return new CompositeScheduleCalculator(installed, transactions, Supply.DEFAULT, Set.of(1, 2));
    }

    private List<String> composite(int evseId, Instant start, int duration, ChargingRateUnitEnum unit) {
        CompositeSchedule schedule = calculator().schedule(evseId, start, duration, unit);
        assertThat(schedule.getScheduleStart().toInstant()).isEqualTo(start);
        assertThat(schedule.getDuration()).isEqualTo(duration);
        assertThat(schedule.getChargingRateUnit()).isEqualTo(unit);
        return periods(schedule);
    }

    private static String plus(long seconds) {
        return T0.plusSeconds(seconds).toString();
    }

    private static ChargingProfile valid(ChargingProfile profile, long fromSeconds, long toSeconds) {
        return profile.withValidFrom(time(plus(fromSeconds))).withValidTo(time(plus(toSeconds)));
    }

    @Nested
    @DisplayName("Worked examples of the spec")
    class WorkedExamples {

        @Test
        @DisplayName("TC_K_40_CS (errata 6.2.72/6.2.74), K08.FR.02, K01.FR.17: stacked TxDefaultProfiles, x = 0")
        void tcK40StackingSameStart() {
            install(1, valid(absolute(1, 0, TX_DEFAULT, NOW, 400, "0:6 100:8 200:10"), 0, 401));
            install(1, valid(absolute(2, 1, TX_DEFAULT, NOW, 150, "0:7 100:9"), 0, 401));

            assertThat(composite(1, T0, 350, A)).containsExactly("0:7", "100:9", "150:8", "200:10");
        }

        @Test
        @DisplayName("TC_K_40_CS with the schedules started x = 30 s before the request")
        void tcK40StackingStartedEarlier() {
            install(1, valid(absolute(1, 0, TX_DEFAULT, plus(-30), 400, "0:6 100:8 200:10"), -30, 371));
            install(1, valid(absolute(2, 1, TX_DEFAULT, plus(-30), 150, "0:7 100:9"), -30, 371));

            assertThat(composite(1, T0, 350, A)).containsExactly("0:7", "70:9", "120:8", "170:10");
        }

        @Test
        @DisplayName("TC_K_41_CS (errata 6.2.73/6.2.74), K08.FR.04: Max, TxDefault and TxProfile combined")
        void tcK41CombiningPurposes() {
            transactions = transaction(1, "TX-1", T0);
            install(0, absolute(1, 0, MAX, NOW, 86400, "0:10"));
            install(1, valid(absolute(2, 0, TX_DEFAULT, NOW, 300, "0:6 60:10 120:8 180:15 260:8"), 0, 401));
            install(1, valid(absolute(3, 0, TX, NOW, 260, "0:8 50:11 140:16 200:6 240:12"), 0, 401)
                    .withTransactionId("TX-1"));

            assertThat(composite(1, T0, 400, A))
                    .containsExactly("0:8", "50:10", "200:6", "240:10", "260:8", "300:10");
        }

        @Test
        @DisplayName("TC_K_41_CS in W (limits × 1000, errata 6.2.74)")
        void tcK41InWatts() {
            transactions = transaction(1, "TX-1", T0);
            install(0, profile(1, 0, MAX, Profiles.ABSOLUTE, W, NOW, 86400, "0:10000"));
            install(1, profile(2, 0, TX_DEFAULT, Profiles.ABSOLUTE, W, NOW, 300,
                    "0:6000 60:10000 120:8000 180:15000 260:8000"));
            install(1, profile(3, 0, TX, Profiles.ABSOLUTE, W, NOW, 260, "0:8000 50:11000 140:16000 200:6000 240:12000")
                    .withTransactionId("TX-1"));

            assertThat(composite(1, T0, 400, W))
                    .containsExactly("0:8000", "50:10000", "200:6000", "240:10000", "260:8000", "300:10000");
        }

        @Test
        @DisplayName("Part 2 §K 3.6 example: daily TxDefaultProfile 11 kW / 6 kW 08:00-20:00 / 11 kW")
        void dailyDefaultProfileExample() {
            install(0, profile(100, 0, TX_DEFAULT, RECURRING, W, "2013-01-01T00:00:00Z", 86400,
                    "0:11000 28800:6000 72000:11000").withRecurrencyKind(RecurrencyKindEnum.DAILY));
            Instant sixInTheMorning = Instant.parse("2026-01-01T06:00:00Z");

            assertThat(composite(1, sixInTheMorning, 86400, W)).containsExactly("0:11000", "7200:6000", "50400:11000");
            // K01.FR.50: A = W / (230 V × 3 phases), rounded down to 0.1
            assertThat(composite(1, sixInTheMorning, 86400, A)).containsExactly("0:15.9", "7200:8.6", "50400:15.9");
        }

        @Test
        @DisplayName("Part 2 §K 3.6.1 example: 2 kW 17:00-20:00 daily, not on Sundays, not on Christmas Day 2020")
        void stackedExceptionsExample() {
            // The spec's JSON says duration 1080 for "17:00h to 20:00h"; 10800 s is what the text describes.
            install(0, profile(10, 1, TX_DEFAULT, RECURRING, W, "2020-01-09T17:00:00Z", 10800, "0:2000")
                    .withRecurrencyKind(RecurrencyKindEnum.DAILY));
            install(0, profile(11, 2, TX_DEFAULT, RECURRING, W, "2020-01-05T00:00:00Z", 86400, "0:999999")
                    .withRecurrencyKind(RecurrencyKindEnum.WEEKLY));
            install(0, profile(12, 3, TX_DEFAULT, Profiles.ABSOLUTE, W, "2020-12-25T00:00:00Z", 86400, "0:999999")
                    .withValidFrom(time("2020-01-01T00:00:00Z")).withValidTo(time("2021-01-01T00:00:00Z")));
            String supplyMaximum = "22080"; // no profile: 32 A × 230 V × 3 phases

            assertThat(composite(1, Instant.parse("2020-01-16T00:00:00Z"), 86400, W)).as("a Thursday")
                    .containsExactly("0:" + supplyMaximum, "61200:2000", "72000:" + supplyMaximum);
            assertThat(composite(1, Instant.parse("2020-01-12T00:00:00Z"), 86400, W)).as("a Sunday")
                    .containsExactly("0:999999");
            assertThat(composite(1, Instant.parse("2020-12-25T00:00:00Z"), 86400, W)).as("Christmas 2020")
                    .containsExactly("0:999999");
            assertThat(composite(1, Instant.parse("2021-12-25T00:00:00Z"), 86400, W)).as("Christmas 2021, a Saturday")
                    .containsExactly("0:" + supplyMaximum, "61200:2000", "72000:" + supplyMaximum);
        }

        @Test
        @DisplayName("Part 2 §K 3.5 situation 1: lowest of Max, leading TxDefault (highest stack) and external")
        void situationOne() {
            install(0, absolute(1, 0, MAX, NOW, null, "0:20"));
            install(0, absolute(2, 1, TX_DEFAULT, NOW, null, "0:10"));
            install(1, absolute(3, 2, TX_DEFAULT, NOW, null, "0:16"));
            install(1, absolute(4, 1, EXTERNAL, NOW, null, "0:18"));

            assertThat(composite(1, T0, 60, A)).containsExactly("0:16");
        }

        @Test
        @DisplayName("Part 2 §K 3.5 situation 2: a TxProfile overrules the TxDefaultProfile")
        void situationTwo() {
            transactions = transaction(1, "TX-1", T0);
            install(0, absolute(1, 0, MAX, NOW, null, "0:20"));
            install(1, absolute(3, 2, TX_DEFAULT, NOW, null, "0:12"));
            install(1, absolute(4, 1, EXTERNAL, NOW, null, "0:18"));
            install(1, absolute(5, 1, TX, NOW, 60, "0:14 30:25").withTransactionId("TX-1"));

            assertThat(composite(1, T0, 120, A)).containsExactly("0:14", "30:18", "60:12");
        }
    }

    @Test
    @DisplayName("TC_K_39_CS: no profile installed, one period at the supply maximum")
    void noProfiles() {
        assertThat(composite(1, T0, 300, A)).containsExactly("0:32");
        assertThat(composite(0, T0, 300, W)).as("K08.FR.03 two EVSEs").containsExactly("0:44160");
        assertThat(calculator().limitAt(1, T0, W)).isEmpty();
    }

    @Test
    @DisplayName("K01.FR.42: a Relative TxProfile counts from the start of the transaction")
    void relativeFromTransactionStart() {
        transactions = transaction(1, "TX-1", T0.minusSeconds(30));
        install(1, profile(1, 0, TX, RELATIVE, A, null, 120, "0:10 60:16").withTransactionId("TX-1"));

        assertThat(composite(1, T0, 200, A)).containsExactly("0:10", "30:16", "90:32");
    }

    @Test
    @DisplayName("K08.FR.06: without a transaction a Relative TxDefaultProfile starts with the requested schedule")
    void relativeWithoutTransaction() {
        install(1, profile(1, 0, TX_DEFAULT, RELATIVE, A, null, null, "0:10 60:16"));

        assertThat(composite(1, T0, 200, A)).containsExactly("0:10", "60:16");
    }

    @Test
    @DisplayName("K01.FR.04: a TxProfile of another transaction does not count")
    void txProfileOfAnotherTransaction() {
        transactions = transaction(1, "TX-2", T0);
        install(1, absolute(1, 0, TX, NOW, null, "0:6").withTransactionId("TX-1"));
        install(1, absolute(2, 0, TX_DEFAULT, NOW, null, "0:20"));

        assertThat(composite(1, T0, 60, A)).containsExactly("0:20");
    }

    @Test
    @DisplayName("K01.FR.13: a weekly schedule shorter than its week falls back to default behaviour")
    void weeklyShorterThanRecurrence() {
        install(1, profile(1, 0, TX_DEFAULT, RECURRING, A, "2026-01-05T00:00:00Z", 3600, "0:6")
                .withRecurrencyKind(RecurrencyKindEnum.WEEKLY));

        assertThat(composite(1, Instant.parse("2026-01-11T23:30:00Z"), 7200, A))
                .containsExactly("0:32", "1800:6", "5400:32");
    }

    @Test
    @DisplayName("K01.FR.36/K01.FR.37: valid from validFrom (inclusive) until validTo (exclusive)")
    void validity() {
        install(1, valid(absolute(1, 0, TX_DEFAULT, NOW, null, "0:6"), 100, 200));

        assertThat(composite(1, T0, 300, A)).containsExactly("0:32", "100:6", "200:32");
    }

    @Test
    @DisplayName("K01.FR.11/K01.FR.12: a period starting at or after the duration is never executed")
    void periodPastDuration() {
        install(1, absolute(1, 0, TX_DEFAULT, NOW, 100, "0:6 150:8"));

        assertThat(composite(1, T0, 300, A)).containsExactly("0:6", "100:32");
    }

    @Test
    @DisplayName("K01.FR.30: a schedule with a future startSchedule limits from then on")
    void futureStart() {
        install(1, absolute(1, 0, TX_DEFAULT, plus(60), null, "0:6"));

        assertThat(composite(1, T0, 120, A)).containsExactly("0:32", "60:6");
    }

    @Test
    @DisplayName("K01.FR.50/K01.FR.51, errata 2.36: A and W compared per phase; the lowest numberPhases wins")
    void unitsAndPhases() {
        install(0, absolute(1, 0, MAX, NOW, null, "0:16"));
        ChargingProfile onePhase = profile(2, 0, TX_DEFAULT, Profiles.ABSOLUTE, W, NOW, null, "0:6900");
        onePhase.getChargingSchedule().get(0).getChargingSchedulePeriod().get(0).setNumberPhases(1);
        install(1, onePhase);

        CompositeSchedule amps = calculator().schedule(1, T0, 60, A);
        assertThat(periods(amps)).containsExactly("0:16");
        assertThat(amps.getChargingSchedulePeriod().get(0).getNumberPhases()).isEqualTo(1);
        assertThat(composite(1, T0, 60, W)).as("16 A × 230 V × 3 = 11040 W > 6900 W").containsExactly("0:6900");
    }

    @Test
    @DisplayName("K08.FR.03: EVSE 0 reports the station total, capped by the ChargingStationMaxProfile")
    void stationTotal() {
        install(1, absolute(1, 0, TX_DEFAULT, NOW, null, "0:10"));
        assertThat(composite(0, T0, 60, A)).as("10 A on EVSE 1 + 32 A on EVSE 2").containsExactly("0:42");

        install(0, absolute(2, 0, MAX, NOW, 30, "0:40"));
        assertThat(composite(0, T0, 60, A)).containsExactly("0:40", "30:42");
    }

    @Test
    @DisplayName("The transaction engine is asked about EVSEs 1 and up only")
    void neverAsksAboutEvseZero() {
        ActiveTransactions engine = transaction(1, "TX-1", T0);
        transactions = new ActiveTransactions() {
            @Override
            public Optional<String> transactionId(int evseId) {
                assertThat(evseId).isPositive();
                return engine.transactionId(evseId);
            }

            @Override
            public Optional<Instant> startedAt(int evseId) {
                assertThat(evseId).isPositive();
                return engine.startedAt(evseId);
            }
        };
        install(0, absolute(1, 0, MAX, NOW, null, "0:40"));
        install(0, profile(2, 0, TX_DEFAULT, RELATIVE, A, null, 60, "0:10"));

        assertThat(composite(0, T0, 120, A)).containsExactly("0:20", "60:40");
    }

    @Test
    @DisplayName("K01.FR.14: a TxDefaultProfile on EVSE 0 applies to every EVSE; limitAt reads the composite")
    void stationDefaultAppliesToEveryEvse() {
        install(0, absolute(1, 0, TX_DEFAULT, NOW, null, "0:10"));

        assertThat(calculator().limitAt(2, T0, W)).contains(new CompositeScheduleCalculator.Limit(6900, 3));
        assertThat(calculator().limitAt(1, T0.minusSeconds(1), W)).isEmpty();
    }
}
