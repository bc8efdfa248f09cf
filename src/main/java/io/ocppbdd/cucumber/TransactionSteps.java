package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Dato;
import io.cucumber.java.it.Quando;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.Fields;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdTokenEnum;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Steps of the transactions block (Part 2 §E) and its meter values (§J): what the driver and the EV do at an
 * EVSE, and checks on the TransactionEvents the station sends. "The station sends TransactionEvent ..." takes the
 * next TransactionEvent not checked yet; the "it ..." steps look at that one.
 */
public class TransactionSteps {

    private static final String REGISTER = "Energy.Active.Import.Register";

    private final OcppWorld world;
    private JsonNode previous;
    private JsonNode current;

    public TransactionSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the station starts transactions at {string} and stops them at {string}")
    @Dato("la stazione avvia le transazioni a {string} e le termina a {string}")
    public void theStationStartsAndStopsTransactionsAt(String startPoints, String stopPoints) {
        world.pending().variable("TxCtrlr.TxStartPoint", startPoints.replace(" ", ""))
                .variable("TxCtrlr.TxStopPoint", stopPoints.replace(" ", ""));
    }

    @Given("the station sends no clock-aligned meter values")
    @Dato("la stazione non invia valori di misura allineati all'orologio")
    public void theStationSendsNoClockAlignedMeterValues() {
        world.pending().variable("AlignedDataCtrlr.Interval", "0");
    }

    @When("the driver plugs in the cable at EVSE {int}")
    @Quando("il conducente collega il cavo all'EVSE {int}")
    public void theDriverPlugsInAt(int evseId) {
        theDriverPlugsIntoConnector(1, evseId);
    }

    @When("the driver plugs the cable into connector {int} of EVSE {int}")
    @Quando("il conducente collega il cavo al connettore {int} dell'EVSE {int}")
    public void theDriverPlugsIntoConnector(int connectorId, int evseId) {
        world.await(world.station().plugIn(evseId, connectorId),
                "the cable to go into connector " + connectorId + " of EVSE " + evseId);
    }

    @When("the driver unplugs the cable at EVSE {int}")
    @Quando("il conducente scollega il cavo dall'EVSE {int}")
    public void theDriverUnplugsAt(int evseId) {
        world.await(world.station().unplug(evseId), "the cable to come out of EVSE " + evseId);
    }

    /** An idToken type as OCPP writes it (IdTokenEnumType), e.g. ISO14443 or eMAID. */
    @ParameterType("Central|eMAID|ISO14443|ISO15693|KeyCode|Local|MacAddress|NoAuthorization")
    public IdTokenEnum ocppTokenType(String type) {
        return IdTokenEnum.fromValue(type);
    }

    @When("the driver presents {ocppTokenType} token {string} at EVSE {int}")
    @Quando("il conducente presenta il token {ocppTokenType} {string} all'EVSE {int}")
    public void theDriverPresentsToken(IdTokenEnum type, String token, int evseId) {
        world.await(world.station().presentToken(evseId, type, token), "the station to take token \"" + token + "\"");
    }

    @When("the driver presents {ocppTokenRole} at EVSE {int}")
    @Quando("il conducente presenta il {ocppRuoloToken} all'EVSE {int}")
    public void theDriverPresentsRoleAt(TokenRole role, int evseId) {
        ProfileToken token = world.token(role);
        theDriverPresentsToken(IdTokenEnum.fromValue(token.type()), token.idToken(), evseId);
    }

    /** Part 6 reusable state EVConnectedPreSession: the EV's cable is in, no one authorized yet. */
    @Given("an EV is connected at EVSE {int}")
    @Dato("un EV è collegato all'EVSE {int}")
    public void anEvIsConnectedAt(int evseId) {
        theDriverPlugsInAt(evseId);
        world.expect().checkedSoFar();
    }

    /** Part 6 reusable state Authorized: the driver authorized at the EVSE, no cable in yet. */
    @Given("the driver is authorized at EVSE {int} with {ocppTokenRole}")
    @Dato("il conducente è autorizzato all'EVSE {int} con il {ocppRuoloToken}")
    public void theDriverIsAuthorizedAt(int evseId, TokenRole role) {
        theDriverPresentsRoleAt(role, evseId);
        world.expect().checkedSoFar();
    }

    /**
     * Part 6 reusable state EnergyTransferStarted: cable in (unless it is already), the driver authorized, and the
     * station has reported the transaction as charging.
     */
    @Given("an EV is charging at EVSE {int} with {ocppTokenRole}")
    @Dato("un EV è in carica all'EVSE {int} con il {ocppRuoloToken}")
    public void anEvIsChargingAt(int evseId, TokenRole role) {
        StationDriver station = world.station();
        boolean plugged = world.await(station.snapshot(), "the station's loop").evse(evseId).connectors().get(0)
                .cablePlugged();
        if (!plugged) {
            theDriverPlugsInAt(evseId);
        }
        theDriverPresentsRoleAt(role, evseId);
        world.expect().sends(Action.TransactionEvent).where("transactionInfo.chargingState", "Charging")
                .within(OcppWorld.PATIENCE);
        world.expect().checkedSoFar();
    }

    @When("an EV parks in the bay of EVSE {int}")
    @Quando("un EV parcheggia nello stallo dell'EVSE {int}")
    public void anEvParksInTheBay(int evseId) {
        world.await(world.station().parkingBay(evseId, true), "the bay of EVSE " + evseId + " to be occupied");
    }

    @When("the EV leaves the bay of EVSE {int}")
    @Quando("l'EV lascia lo stallo dell'EVSE {int}")
    public void theEvLeavesTheBay(int evseId) {
        world.await(world.station().parkingBay(evseId, false), "the bay of EVSE " + evseId + " to be free");
    }

    @When("the EV at EVSE {int} suspends charging")
    @Quando("l'EV all'EVSE {int} sospende la carica")
    public void theEvSuspends(int evseId) {
        world.await(world.station().evSuspends(evseId), "the EV at EVSE " + evseId + " to suspend");
    }

    @When("the EV at EVSE {int} resumes charging")
    @Quando("l'EV all'EVSE {int} riprende la carica")
    public void theEvResumes(int evseId) {
        world.await(world.station().evResumes(evseId), "the EV at EVSE " + evseId + " to resume");
    }

    @When("the station loses power and restarts from its state file")
    @Quando("la stazione perde l'alimentazione e riparte dal suo file di stato")
    public void theStationRestartsFromItsStateFile() {
        StationDriver station = world.station();
        CompletionStage<Void> back = station.powerCut();
        world.pass(station.rebootDelay());
        world.await(back, "station " + station.id() + " to start again from its state file");
    }

    @Then("the station reports connector {int} of EVSE {int} as {string}")
    @Allora("la stazione riporta il connettore {int} dell'EVSE {int} come {string}")
    public void theStationReportsConnectorAs(int connectorId, int evseId, String status) {
        world.expect().sends(Action.StatusNotification).where("evseId", Integer.toString(evseId))
                .where("connectorId", Integer.toString(connectorId))
                .latestHas("connectorStatus", status, OcppWorld.PATIENCE);
    }

    @Then("the station sends TransactionEvent {string} with trigger reason {string}")
    @Allora("la stazione invia TransactionEvent {string} con triggerReason {string}")
    public void theStationSendsTransactionEvent(String eventType, String triggerReason) {
        OcppCall event = world.expect().sends(Action.TransactionEvent).strictly().where("eventType", eventType)
                .where("triggerReason", triggerReason).within(OcppWorld.PATIENCE);
        previous = current;
        current = event.payload();
    }

    @Then("the station does not send TransactionEvent {string} with trigger reason {string}")
    @Allora("la stazione non invia TransactionEvent {string} con triggerReason {string}")
    public void theStationDoesNotSendTransactionEvent(String eventType, String triggerReason) {
        world.station();
        world.pass(Duration.ZERO);
        world.expect().sends(Action.TransactionEvent).where("eventType", eventType)
                .where("triggerReason", triggerReason).hasNotSent();
    }

    @Then("its charging state is {string}")
    @Allora("il suo stato di carica è {string}")
    public void itsChargingStateIs(String chargingState) {
        expectField("transactionInfo.chargingState", chargingState);
    }

    @Then("its stopped reason is {string}")
    @Allora("il suo motivo di arresto è {string}")
    public void itsStoppedReasonIs(String reason) {
        expectField("transactionInfo.stoppedReason", reason);
    }

    @Then("it carries {ocppTokenRole}")
    @Allora("riporta il {ocppRuoloToken}")
    public void itCarriesRole(TokenRole role) {
        ProfileToken token = world.token(role);
        expectField("idToken.idToken", token.idToken());
        expectField("idToken.type", token.type());
    }

    @Then("it carries id token {string}")
    @Allora("riporta l'id token {string}")
    public void itCarriesIdToken(String token) {
        expectField("idToken.idToken", token);
    }

    @Then("it carries no id token")
    @Allora("non riporta alcun id token")
    public void itCarriesNoIdToken() {
        expectField("idToken", Fields.ABSENT);
    }

    @Then("it names EVSE {int} connector {int}")
    @Allora("indica l'EVSE {int} connettore {int}")
    public void itNamesEvseAndConnector(int evseId, int connectorId) {
        expectField("evse.id", Integer.toString(evseId));
        expectField("evse.connectorId", Integer.toString(connectorId));
    }

    @Then("it names no EVSE")
    @Allora("non indica alcun EVSE")
    public void itNamesNoEvse() {
        expectField("evse", Fields.ABSENT);
    }

    @Then("it carries meter values {string} read at {string}")
    @Allora("riporta i valori di misura {string} letti a {string}")
    public void itCarriesMeterValues(String measurands, String readingContext) {
        List<String> wanted = Arrays.stream(measurands.split(",")).map(String::trim).toList();
        List<String> seen = new ArrayList<>();
        for (JsonNode reading : checkedEvent().path("meterValue")) {
            List<String> found = new ArrayList<>();
            reading.path("sampledValue").forEach(value -> {
                if (readingContext.equals(value.path("context").asText())) {
                    found.add(value.path("measurand").asText(REGISTER));
                }
            });
            if (found.containsAll(wanted)) {
                return;
            }
            seen.add(reading.toString());
        }
        throw Expect.failure(world.station(), "a reading at \"" + readingContext + "\" of " + wanted,
                "the readings are " + seen);
    }

    @Then("its energy register is higher than in the TransactionEvent before")
    @Allora("il suo contatore di energia è più alto che nel TransactionEvent precedente")
    public void itsEnergyRegisterIsHigher() {
        double now = register(checkedEvent());
        if (previous == null || !(now > register(previous))) {
            throw Expect.failure(world.station(), "an energy register above the one before",
                    previous == null ? "there is no TransactionEvent before" : now + " Wh after " + register(previous)
                            + " Wh");
        }
    }

    @Then("it continues the transaction of the TransactionEvent before with the next seqNo")
    @Allora("continua la transazione del TransactionEvent precedente con il seqNo successivo")
    public void itContinuesTheTransaction() {
        checkedEvent();
        if (previous == null) {
            throw Expect.failure(world.station(), "a TransactionEvent before this one", "there is none");
        }
        expectField("transactionInfo.transactionId", Fields.text(previous, "transactionInfo.transactionId"));
        expectField("seqNo", Integer.toString(previous.path("seqNo").asInt() + 1));
    }

    @Then("every transaction counts its seqNo up by one from 0")
    @Allora("ogni transazione incrementa il suo seqNo di uno a partire da 0")
    public void everyTransactionCountsItsSeqNo() {
        StationDriver station = world.station();
        world.pass(Duration.ZERO);
        Map<String, List<Integer>> seqNos = new LinkedHashMap<>();
        station.calls().stream().filter(call -> call.fromStation() && call.action() == Action.TransactionEvent)
                .map(OcppCall::payload)
                .forEach(event -> seqNos.computeIfAbsent(Fields.text(event, "transactionInfo.transactionId"),
                        id -> new ArrayList<>()).add(event.path("seqNo").asInt()));
        seqNos.forEach((id, numbers) -> {
            for (int index = 0; index < numbers.size(); index++) {
                if (numbers.get(index) != index) {
                    throw Expect.failure(station, "seqNo 0, 1, 2, ... in transaction " + id, "seqNo " + numbers);
                }
            }
        });
    }

    private JsonNode checkedEvent() {
        if (current == null) {
            throw new IllegalStateException("no TransactionEvent checked yet; start with a step like: Then the station "
                    + "sends TransactionEvent \"Started\" with trigger reason \"Authorized\"");
        }
        return current;
    }

    private void expectField(String path, String value) {
        String actual = Fields.text(checkedEvent(), path);
        if (!value.equals(actual)) {
            throw Expect.failure(world.station(), "field \"" + path + "\" of the TransactionEvent is \"" + value
                    + "\"", "it is \"" + actual + "\" in " + current);
        }
    }

    /** The energy register in the latest reading of the event. */
    private static double register(JsonNode event) {
        JsonNode readings = event.path("meterValue");
        for (JsonNode value : readings.path(readings.size() - 1).path("sampledValue")) {
            if (value.path("measurand").asText(REGISTER).equals(REGISTER)) {
                return value.path("value").asDouble();
            }
        }
        throw new AssertionError("the TransactionEvent has no " + REGISTER + ": " + event);
    }
}
