package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Dato;
import io.cucumber.java.it.Quando;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.protocol.messages.DataTransferStatusEnum;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Steps for the CSMS-initiated operations of Part 2 §B (Reset), §F (remote control), §G (availability), §H
 * (reservations) and §P (DataTransfer) where the generic "the CSMS sends X with:" steps do not read well.
 */
public class RemoteControlSteps {

    /** Remote start ids for the CSMS's RequestStartTransaction: distinct across the run, as a CSMS hands them out. */
    private static final AtomicInteger NEXT_REMOTE_START = new AtomicInteger();

    private final OcppWorld world;

    public RemoteControlSteps(OcppWorld world) {
        this.world = world;
    }

    @When("the CSMS sends RequestStopTransaction for the current transaction")
    @Quando("il CSMS invia RequestStopTransaction per la transazione in corso")
    public void theCsmsStopsTheCurrentTransaction() {
        String transactionId = lastTransactionEvent().path("transactionInfo").path("transactionId").asText();
        world.csmsSends(Action.RequestStopTransaction, Json.object().put("transactionId", transactionId));
    }

    @When("the CSMS sends GetTransactionStatus for the current transaction")
    @Quando("il CSMS invia GetTransactionStatus per la transazione in corso")
    public void theCsmsAsksForTheCurrentTransaction() {
        String transactionId = lastTransactionEvent().path("transactionInfo").path("transactionId").asText();
        world.csmsSends(Action.GetTransactionStatus, Json.object().put("transactionId", transactionId));
    }

    @When("the CSMS sends RequestStartTransaction for EVSE {int} with {ocppTokenRole}")
    @Quando("il CSMS invia RequestStartTransaction per l'EVSE {int} con il {ocppRuoloToken}")
    public void theCsmsStartsATransactionWith(int evseId, TokenRole role) {
        ProfileToken token = world.token(role);
        ObjectNode request = Json.object().put("evseId", evseId).put("remoteStartId", NEXT_REMOTE_START.incrementAndGet());
        request.putObject("idToken").put("idToken", token.idToken()).put("type", token.type());
        world.csmsSends(Action.RequestStartTransaction, request);
    }

    @Then("the last TransactionEvent carries the remote start id of the CSMS's RequestStartTransaction")
    @Allora("l'ultimo TransactionEvent riporta il remoteStartId della RequestStartTransaction del CSMS")
    public void theLastTransactionEventCarriesTheCsmsRemoteStartId() {
        StationDriver station = world.station();
        OcppCall start = station.calls().stream()
                .filter(call -> !call.fromStation() && call.action() == Action.RequestStartTransaction)
                .reduce((first, second) -> second).orElseThrow(() -> Expect.failure(station,
                        "a RequestStartTransaction from the CSMS before this step", "none came"));
        theLastTransactionEventCarriesRemoteStartId(start.payload().path("remoteStartId").asInt());
    }

    @Then("the CSMS's {word} request names the station's transaction")
    @Allora("la richiesta {word} del CSMS indica la transazione della stazione")
    public void theCsmsRequestNamesTheTransaction(String action) {
        String transactionId = lastTransactionEvent().path("transactionInfo").path("transactionId").asText();
        CsmsSteps.expectRequestField(world, action, "transactionId", transactionId);
    }

    @When("the station sends {word} with:")
    @Quando("la stazione invia {word} con:")
    public void theStationSendsWith(String action, String json) {
        world.await(world.station().send(Words.action(action), Words.object(json, action + " request")),
                "the CSMS's answer to " + action);
    }

    @Then("the last TransactionEvent carries remote start id {int}")
    @Allora("l'ultimo TransactionEvent riporta il remoteStartId {int}")
    public void theLastTransactionEventCarriesRemoteStartId(int remoteStartId) {
        JsonNode event = lastTransactionEvent();
        if (event.path("transactionInfo").path("remoteStartId").asInt(-1) != remoteStartId) {
            throw Expect.failure(world.station(), "a TransactionEvent with remoteStartId " + remoteStartId,
                    event.toString());
        }
    }

    @When("the CSMS sends ReserveNow {int} for EVSE {int} and {word} token {string} valid for {int} minute(s)")
    @Quando("il CSMS invia ReserveNow {int} per l'EVSE {int} e il token {word} {string} valida per {int} minuto/minuti")
    public void theCsmsReserves(int reservationId, int evseId, String type, String token, int minutes) {
        String expiry = Json.dateTime(world.now().plus(Duration.ofMinutes(minutes)));
        var request = Json.object().put("id", reservationId).put("evseId", evseId).put("expiryDateTime", expiry);
        request.putObject("idToken").put("idToken", token).put("type", type);
        world.csmsSends(Action.ReserveNow, request);
    }

    @When("the CSMS sends ReserveNow {int} for EVSE {int} and {ocppTokenRole} valid for {int} minute(s)")
    @Quando("il CSMS invia ReserveNow {int} per l'EVSE {int} e il {ocppRuoloToken} valida per {int} minuto/minuti")
    public void theCsmsReservesFor(int reservationId, int evseId, TokenRole role, int minutes) {
        ProfileToken token = world.token(role);
        theCsmsReserves(reservationId, evseId, token.type(), token.idToken(), minutes);
    }

    @Given("the driver plugs in by themselves {int} second(s) after a remote start")
    @Dato("il conducente collega il cavo da solo {int} secondo/secondi dopo un avvio remoto")
    public void theDriverPlugsInAfterARemoteStart(int seconds) {
        world.station().simulatedEv(Optional.of(Duration.ofSeconds(seconds)));
    }

    @Given("the lock of connector {int} of EVSE {int} is stuck")
    @Dato("la serratura del connettore {int} dell'EVSE {int} è inceppata")
    public void theLockIsStuck(int connectorId, int evseId) {
        world.await(world.station().lockStuck(evseId, connectorId, true), "the lock to get stuck");
    }

    @Given("the station answers DataTransfer of vendor {string} and message {string} with status {string}")
    @Dato("la stazione risponde a DataTransfer del vendor {string} e messaggio {string} con lo stato {string}")
    public void theStationAnswersDataTransfer(String vendorId, String messageId, String status) {
        world.await(world.station().answerDataTransfer(vendorId, messageId, DataTransferStatusEnum.fromValue(status)),
                "the station's loop");
    }

    @When("the station sends DataTransfer of vendor {string} and message {string}")
    @Quando("la stazione invia DataTransfer del vendor {string} e messaggio {string}")
    public void theStationSendsDataTransfer(String vendorId, String messageId) {
        world.station().send(Action.DataTransfer, Json.object().put("vendorId", vendorId).put("messageId", messageId));
    }

    private JsonNode lastTransactionEvent() {
        StationDriver station = world.station();
        return station.calls().stream().filter(call -> call.fromStation() && call.action() == Action.TransactionEvent)
                .reduce((first, second) -> second).map(OcppCall::payload).orElseThrow(() -> Expect.failure(station,
                        "a TransactionEvent sent before this step", "none was sent"));
    }
}
