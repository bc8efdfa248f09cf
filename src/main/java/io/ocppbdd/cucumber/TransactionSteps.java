package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.report.ReportedAs;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.evse.EvseModule;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.station.transactions.TransactionModule;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steps of the transactions block (Part 2 §E) and its meter values (§J): what the driver and the EV do at an
 * EVSE, and checks on the TransactionEvents the station sends. "The station sends TransactionEvent ..." takes the
 * next TransactionEvent not checked yet; the "it ..." steps look at that one.
 */
public class TransactionSteps {

    private static final String REGISTER = "Energy.Active.Import.Register";

    private final OcppWorld world;
    private final List<JsonNode> eventsOfEarlierRuns = new ArrayList<>();
    private final List<Path> stateFiles = new ArrayList<>();
    private JsonNode previous;
    private JsonNode current;

    public TransactionSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the station starts transactions at {string} and stops them at {string}")
    public void theStationStartsAndStopsTransactionsAt(String startPoints, String stopPoints) {
        world.pendingState().getDeviceModel().put("TxCtrlr.TxStartPoint", startPoints.replace(" ", ""));
        world.pendingState().getDeviceModel().put("TxCtrlr.TxStopPoint", stopPoints.replace(" ", ""));
    }

    @Given("the station sends no clock-aligned meter values")
    public void theStationSendsNoClockAlignedMeterValues() {
        world.pendingState().getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
    }

    @When("the driver plugs in the cable at EVSE {int}")
    public void theDriverPlugsInAt(int evseId) {
        theDriverPlugsIntoConnector(1, evseId);
    }

    @When("the driver plugs the cable into connector {int} of EVSE {int}")
    public void theDriverPlugsIntoConnector(int connectorId, int evseId) {
        OcppWorld.await(evses().plugIn(evseId, connectorId),
                "the cable to go into connector " + connectorId + " of EVSE " + evseId);
    }

    @When("the driver unplugs the cable at EVSE {int}")
    public void theDriverUnplugsAt(int evseId) {
        OcppWorld.await(evses().unplug(evseId), "the cable to come out of EVSE " + evseId);
    }

    /** An idToken type as OCPP writes it (IdTokenEnumType), e.g. ISO14443 or eMAID. */
    @ParameterType("Central|eMAID|ISO14443|ISO15693|KeyCode|Local|MacAddress|NoAuthorization")
    public IdTokenEnum ocppTokenType(String type) {
        return IdTokenEnum.fromValue(type);
    }

    @When("the driver presents {ocppTokenType} token {string} at EVSE {int}")
    public void theDriverPresentsToken(IdTokenEnum type, String token, int evseId) {
        OcppWorld.await(world.station().module(TransactionModule.class).presentToken(evseId,
                new IdToken().withIdToken(token).withType(type)), "the station to take token \"" + token + "\"");
    }

    @When("the EV at EVSE {int} suspends charging")
    public void theEvSuspends(int evseId) {
        OcppWorld.await(evses().evSuspends(evseId, true), "the EV at EVSE " + evseId + " to suspend");
    }

    @When("the EV at EVSE {int} resumes charging")
    public void theEvResumes(int evseId) {
        OcppWorld.await(evses().evSuspends(evseId, false), "the EV at EVSE " + evseId + " to resume");
    }

    @When("the station loses power and restarts from its state file")
    public void theStationRestartsFromItsStateFile() throws IOException {
        ChargingStation station = world.station();
        Path file = Files.createTempFile("charge_point_state-", ".json");
        stateFiles.add(file);
        StateFile stateFile = new StateFile(file);
        OcppWorld.await(station.onLoop(() -> {
            stateFile.save(station.state());
            station.stop();
            return null;
        }), "the station to write its state and stop");
        sentEvents(station).forEach(exchange -> eventsOfEarlierRuns.add(exchange.call().payload()));
        StationState saved = stateFile.load();
        world.replaceStation(ChargingStation.builder(saved).csmsUrl(world.csmsUrl()).scheduler(world.time())
                .stateFile(stateFile).seed(1).build());
    }

    @Then("the station reports connector {int} of EVSE {int} as {string}")
    public void theStationReportsConnectorAs(int connectorId, int evseId, String status) {
        ChargingStation station = world.station();
        String expected = "StatusNotification \"" + status + "\" for EVSE " + evseId + " connector " + connectorId;
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> {
                List<Exchange> sent = Conversation.sentBy(station, Action.StatusNotification);
                return sent.stream().map(Exchange::call).map(call -> call.payload())
                        .filter(p -> p.path("evseId").asInt() == evseId && p.path("connectorId").asInt() == connectorId)
                        .reduce((first, second) -> second)
                        .map(p -> status.equals(p.path("connectorStatus").asText())).orElse(false);
            });
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure(expected + " as the latest status of that connector", "it did not come",
                    station);
        }
    }

    @Then("the station sends TransactionEvent {string} with trigger reason {string}")
    public void theStationSendsTransactionEvent(String eventType, String triggerReason) {
        ChargingStation station = world.station();
        AtomicInteger checked = world.checked(Action.TransactionEvent);
        String expected = "TransactionEvent " + eventType + " with trigger reason " + triggerReason
                + " (TransactionEvent " + (checked.get() + 1) + ")";
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> sentEvents(station).size() > checked.get());
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure(expected, "no further TransactionEvent came", station);
        }
        JsonNode event = sentEvents(station).get(checked.getAndIncrement()).call().payload();
        previous = current;
        current = event;
        if (!eventType.equals(event.path("eventType").asText())
                || !triggerReason.equals(event.path("triggerReason").asText())) {
            throw Conversation.failure(expected, event.path("eventType").asText() + " with trigger reason "
                    + event.path("triggerReason").asText() + ": " + event, station);
        }
    }

    @Then("its charging state is {string}")
    public void itsChargingStateIs(String chargingState) {
        expectField("transactionInfo.chargingState", chargingState);
    }

    @Then("its stopped reason is {string}")
    public void itsStoppedReasonIs(String reason) {
        expectField("transactionInfo.stoppedReason", reason);
    }

    @Then("it carries id token {string}")
    public void itCarriesIdToken(String token) {
        expectField("idToken.idToken", token);
    }

    @Then("it carries no id token")
    public void itCarriesNoIdToken() {
        expectField("idToken", "(absent)");
    }

    @Then("it names EVSE {int} connector {int}")
    public void itNamesEvseAndConnector(int evseId, int connectorId) {
        expectField("evse.id", Integer.toString(evseId));
        expectField("evse.connectorId", Integer.toString(connectorId));
    }

    @Then("it names no EVSE")
    public void itNamesNoEvse() {
        expectField("evse", "(absent)");
    }

    @Then("it carries meter values {string} read at {string}")
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
        throw Conversation.failure("a reading at \"" + readingContext + "\" of " + wanted,
                "the readings are " + seen, world.station());
    }

    @Then("its energy register is higher than in the TransactionEvent before")
    public void itsEnergyRegisterIsHigher() {
        double now = register(checkedEvent());
        if (previous == null || !(now > register(previous))) {
            throw Conversation.failure("an energy register above the one before",
                    previous == null ? "there is no TransactionEvent before" : now + " Wh after " + register(previous)
                            + " Wh", world.station());
        }
    }

    @Then("it continues the transaction of the TransactionEvent before with the next seqNo")
    public void itContinuesTheTransaction() {
        JsonNode event = checkedEvent();
        if (previous == null) {
            throw Conversation.failure("a TransactionEvent before this one", "there is none", world.station());
        }
        expectField("transactionInfo.transactionId", previous.path("transactionInfo").path("transactionId").asText());
        expectField("seqNo", Integer.toString(previous.path("seqNo").asInt() + 1));
    }

    @Then("every transaction counts its seqNo up by one from 0")
    public void everyTransactionCountsItsSeqNo() {
        ChargingStation station = world.station();
        world.pass(java.time.Duration.ZERO);
        Map<String, List<Integer>> seqNos = new LinkedHashMap<>();
        List<JsonNode> all = new ArrayList<>(eventsOfEarlierRuns);
        sentEvents(station).forEach(exchange -> all.add(exchange.call().payload()));
        all.forEach(event -> seqNos.computeIfAbsent(event.path("transactionInfo").path("transactionId").asText(),
                id -> new ArrayList<>()).add(event.path("seqNo").asInt()));
        seqNos.forEach((id, numbers) -> {
            for (int index = 0; index < numbers.size(); index++) {
                if (numbers.get(index) != index) {
                    throw Conversation.failure("seqNo 0, 1, 2, ... in transaction " + id, "seqNo " + numbers,
                            station);
                }
            }
        });
    }

    @After
    @ReportedAs("Delete the state files of the scenario")
    public void deleteStateFiles() {
        stateFiles.forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private EvseModule evses() {
        return world.station().module(EvseModule.class);
    }

    private JsonNode checkedEvent() {
        if (current == null) {
            throw new IllegalStateException("no TransactionEvent checked yet; start with a step like: Then the station "
                    + "sends TransactionEvent \"Started\" with trigger reason \"Authorized\"");
        }
        return current;
    }

    private void expectField(String path, String value) {
        String actual = Conversation.text(Conversation.field(checkedEvent(), path));
        if (!value.equals(actual)) {
            throw Conversation.failure("field \"" + path + "\" of the TransactionEvent is \"" + value + "\"",
                    "it is \"" + actual + "\" in " + current, world.station());
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

    private static List<Exchange> sentEvents(ChargingStation station) {
        return Conversation.sentBy(station, Action.TransactionEvent);
    }
}
