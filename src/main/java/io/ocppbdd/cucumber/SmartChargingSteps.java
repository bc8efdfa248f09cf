package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.ChargingProfile;
import io.ocppbdd.protocol.messages.ChargingProfileCriterion;
import io.ocppbdd.protocol.messages.ChargingProfileKindEnum;
import io.ocppbdd.protocol.messages.ChargingProfilePurposeEnum;
import io.ocppbdd.protocol.messages.ChargingRateUnitEnum;
import io.ocppbdd.protocol.messages.ChargingSchedule;
import io.ocppbdd.protocol.messages.ChargingSchedulePeriod;
import io.ocppbdd.protocol.messages.ClearChargingProfileRequest;
import io.ocppbdd.protocol.messages.GetChargingProfilesRequest;
import io.ocppbdd.protocol.messages.GetCompositeScheduleRequest;
import io.ocppbdd.protocol.messages.SetChargingProfileRequest;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Quando;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Smart-charging steps for the embedded CSMS (Part 2 K01, K08-K10). Limits are written as
 * {@code "startPeriod:limit ..."}, e.g. {@code "0:16 60:10"}: 16 from the start, 10 after 60 seconds.
 */
public class SmartChargingSteps {

    private final OcppWorld world;

    public SmartChargingSteps(OcppWorld world) {
        this.world = world;
    }

    @When("the CSMS sets {word} {int} on EVSE {int} at stack level {int} with limits {string} {word}")
    @Quando("il CSMS imposta {word} {int} sull'EVSE {int} al livello di stack {int} con i limiti {string} {word}")
    public void theCsmsSetsProfile(String purpose, int id, int evseId, int stackLevel, String limits, String unit) {
        setProfile(profile(purpose, id, stackLevel, limits, unit), evseId);
    }

    @When("the CSMS sets {word} {int} on EVSE {int} at stack level {int} with limits {string} {word} "
            + "for transaction {string}")
    @Quando("il CSMS imposta {word} {int} sull'EVSE {int} al livello di stack {int} con i limiti {string} {word} "
            + "per la transazione {string}")
    public void theCsmsSetsProfileForTransaction(String purpose, int id, int evseId, int stackLevel, String limits,
                                                 String unit, String transactionId) {
        setProfile(profile(purpose, id, stackLevel, limits, unit).withTransactionId(transactionId), evseId);
    }

    @When("the CSMS clears charging profile {int}")
    @Quando("il CSMS cancella il profilo di ricarica {int}")
    public void theCsmsClearsChargingProfile(int id) {
        world.csmsSends(Action.ClearChargingProfile, Json.toTree(new ClearChargingProfileRequest()
                .withChargingProfileId(id)));
    }

    @When("the CSMS asks for every charging profile with request id {int}")
    @Quando("il CSMS chiede tutti i profili di ricarica con requestId {int}")
    public void theCsmsAsksForEveryChargingProfile(int requestId) {
        world.csmsSends(Action.GetChargingProfiles, Json.toTree(new GetChargingProfilesRequest()
                .withRequestId(requestId).withChargingProfile(new ChargingProfileCriterion())));
    }

    @Then("the composite schedule of EVSE {int} for {int} seconds in {word} is {string}")
    @Allora("il piano composito dell'EVSE {int} per {int} secondi in {word} è {string}")
    public void theCompositeScheduleIs(int evseId, int duration, String unit, String expected) {
        world.csmsSends(Action.GetCompositeSchedule, Json.toTree(new GetCompositeScheduleRequest().withEvseId(evseId)
                .withDuration(duration).withChargingRateUnit(rateUnit(unit))));
        JsonNode answer = world.answerTo(Action.GetCompositeSchedule).payload();
        String actual = answer.path("status").asText() + " " + periods(answer.path("schedule"));
        String wanted = "Accepted " + String.join(" ", expected.trim().split("\\s+"));
        if (!wanted.equals(actual)) {
            throw Expect.failure(world.station(), "GetCompositeSchedule for EVSE " + evseId + " answers " + wanted,
                    "it answered " + answer);
        }
    }

    private void setProfile(ChargingProfile profile, int evseId) {
        world.csmsSends(Action.SetChargingProfile, Json.toTree(new SetChargingProfileRequest().withEvseId(evseId)
                .withChargingProfile(profile)));
    }

    /** An Absolute profile whose schedule starts now (virtual time). */
    private ChargingProfile profile(String purpose, int id, int stackLevel, String limits, String unit) {
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        for (String period : limits.trim().split("\\s+")) {
            String[] parts = period.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("limits \"" + limits + "\": write each period as "
                        + "startPeriod:limit, e.g. \"0:16 60:10\"");
            }
            periods.add(new ChargingSchedulePeriod().withStartPeriod(Integer.parseInt(parts[0]))
                    .withLimit(Double.parseDouble(parts[1])));
        }
        ChargingSchedule schedule = new ChargingSchedule().withId(1).withChargingRateUnit(rateUnit(unit))
                .withStartSchedule(world.now().atOffset(ZoneOffset.UTC))
                .withChargingSchedulePeriod(periods);
        return new ChargingProfile().withId(id).withStackLevel(stackLevel)
                .withChargingProfilePurpose(purpose(purpose)).withChargingProfileKind(ChargingProfileKindEnum.ABSOLUTE)
                .withChargingSchedule(List.of(schedule));
    }

    private static String periods(JsonNode schedule) {
        List<String> periods = new ArrayList<>();
        schedule.path("chargingSchedulePeriod").forEach(period -> periods.add(period.path("startPeriod").asInt()
                + ":" + new BigDecimal(period.path("limit").asText()).stripTrailingZeros().toPlainString()));
        return periods.stream().collect(Collectors.joining(" "));
    }

    private static ChargingProfilePurposeEnum purpose(String name) {
        try {
            return ChargingProfilePurposeEnum.fromValue(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a charging profile purpose; use "
                    + "ChargingStationMaxProfile, TxDefaultProfile or TxProfile");
        }
    }

    private static ChargingRateUnitEnum rateUnit(String name) {
        try {
            return ChargingRateUnitEnum.fromValue(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a charging rate unit; use A or W");
        }
    }
}
