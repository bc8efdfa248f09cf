package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.DataTransferResponse;
import io.ocppbdd.protocol.messages.DataTransferStatusEnum;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.datatransfer.DataTransferModule;
import io.ocppbdd.station.remote.UnlockConnectorModule;

import java.time.Duration;
import java.util.List;

/**
 * Steps for the CSMS-initiated operations of Part 2 §B (Reset), §F (remote control), §G (availability), §H
 * (reservations) and §P (DataTransfer) where the generic "the CSMS sends X with:" steps do not read well.
 */
public class RemoteControlSteps {

    private final OcppWorld world;

    public RemoteControlSteps(OcppWorld world) {
        this.world = world;
    }

    @When("the CSMS sends RequestStopTransaction for the current transaction")
    public void theCsmsStopsTheCurrentTransaction() {
        String transactionId = lastTransactionEvent().path("transactionInfo").path("transactionId").asText();
        world.csmsSends(Action.RequestStopTransaction, Json.object().put("transactionId", transactionId));
    }

    @When("the CSMS sends GetTransactionStatus for the current transaction")
    public void theCsmsAsksForTheCurrentTransaction() {
        String transactionId = lastTransactionEvent().path("transactionInfo").path("transactionId").asText();
        world.csmsSends(Action.GetTransactionStatus, Json.object().put("transactionId", transactionId));
    }

    @Then("the last TransactionEvent carries remote start id {int}")
    public void theLastTransactionEventCarriesRemoteStartId(int remoteStartId) {
        JsonNode event = lastTransactionEvent();
        if (event.path("transactionInfo").path("remoteStartId").asInt(-1) != remoteStartId) {
            throw Conversation.failure("a TransactionEvent with remoteStartId " + remoteStartId,
                    event.toString(), world.station());
        }
    }

    @When("the CSMS sends ReserveNow {int} for EVSE {int} and {word} token {string} valid for {int} minute(s)")
    public void theCsmsReserves(int reservationId, int evseId, String type, String token, int minutes) {
        // Instant.toString keeps ":00" seconds, which OffsetDateTime.toString drops (invalid RFC 3339)
        String expiry = world.time().clock().instant().plus(Duration.ofMinutes(minutes)).toString();
        var request = Json.object().put("id", reservationId).put("evseId", evseId).put("expiryDateTime", expiry);
        request.putObject("idToken").put("idToken", token).put("type", type);
        world.csmsSends(Action.ReserveNow, request);
    }

    @Given("the lock of connector {int} of EVSE {int} is stuck")
    public void theLockIsStuck(int connectorId, int evseId) {
        world.station().module(UnlockConnectorModule.class).stuck(evseId, connectorId, true);
    }

    @Given("the station answers DataTransfer of vendor {string} and message {string} with status {string}")
    public void theStationAnswersDataTransfer(String vendorId, String messageId, String status) {
        world.station().module(DataTransferModule.class).handle(vendorId, messageId,
                request -> new DataTransferResponse().withStatus(DataTransferStatusEnum.fromValue(status)));
    }

    @When("the station sends DataTransfer of vendor {string} and message {string}")
    public void theStationSendsDataTransfer(String vendorId, String messageId) {
        world.station().module(DataTransferModule.class).send(vendorId, messageId, null);
    }

    private JsonNode lastTransactionEvent() {
        ChargingStation station = world.station();
        List<Exchange> events = Conversation.sentBy(station, Action.TransactionEvent);
        if (events.isEmpty()) {
            throw Conversation.failure("a TransactionEvent sent before this step", "none was sent", station);
        }
        return events.get(events.size() - 1).call().payload();
    }
}
