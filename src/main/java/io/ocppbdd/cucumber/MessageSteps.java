package io.ocppbdd.cucumber;

import io.cucumber.java.en.Then;
import io.cucumber.java.it.Allora;
import io.ocppbdd.driver.EvseSnapshot;
import io.ocppbdd.driver.ConnectorSnapshot;
import io.ocppbdd.driver.OcppAnswer;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.Sends;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks on what the station sent and what the CSMS answered. They read the station's own trace, so they work
 * against the embedded CSMS and an external one alike.
 */
public class MessageSteps {

    private final OcppWorld world;

    public MessageSteps(OcppWorld world) {
        this.world = world;
    }

    @Then("the CSMS answers {word} with status {string}")
    @Allora("il CSMS risponde a/ad {word} con lo stato {string}")
    public void theCsmsAnswersWithStatus(String action, String status) {
        Action named = Words.action(action);
        world.expect().csmsAnswer(named).where(Words.statusPath(named), status).within(OcppWorld.PATIENCE);
    }

    /** A test case that allows several statuses: {@code "Invalid" or "Unknown"}, {@code "A", "B" or "C"}. */
    @Then("^the CSMS answers (\\w+) with status ((?:\"[^\"]+\"(?:, | or ))+\"[^\"]+\")$")
    @Allora("^il CSMS risponde ad? (\\w+) con lo stato ((?:\"[^\"]+\"(?:, | o ))+\"[^\"]+\")$")
    public void theCsmsAnswersWithOneOfTheStatuses(String action, String statuses) {
        Action named = Words.action(action);
        String[] allowed = Pattern.compile("\"([^\"]+)\"").matcher(statuses).results().map(found -> found.group(1))
                .toArray(String[]::new);
        world.expect().csmsAnswer(named).whereOneOf(Words.statusPath(named), allowed).within(OcppWorld.PATIENCE);
    }

    @Then("the CSMS answers {word} with the group of {ocppTokenRole}")
    @Allora("il CSMS risponde a/ad {word} con il gruppo del {ocppRuoloToken}")
    public void theCsmsAnswersWithTheGroupOf(String action, TokenRole role) {
        String group = world.token(role).groupId().orElseThrow(() -> new IllegalArgumentException(
                "the " + role.key() + " token has no group; name the group token or the master pass token"));
        world.expect().csmsAnswer(Words.action(action)).where("idTokenInfo.status", "Accepted")
                .where("idTokenInfo.groupIdToken.idToken", group).within(OcppWorld.PATIENCE);
    }

    @Then("in the CSMS's answer to {word}, field {string} is the heartbeat interval of the profile")
    @Allora("nella risposta del CSMS a/ad {word}, il campo {string} è l'intervallo di heartbeat del profilo")
    public void inTheCsmsAnswerFieldIsTheProfilesInterval(String action, String path) {
        inTheCsmsAnswerFieldIs(action, path, Integer.toString(world.heartbeatInterval()));
    }

    @Then("the CSMS answers every message of the station without error")
    @Allora("il CSMS risponde a ogni messaggio della stazione senza errori")
    public void theCsmsAnswersEveryMessageWithoutError() {
        StationDriver station = world.station();
        world.pass(Duration.ZERO);
        List<String> errors = station.calls().stream().filter(call -> call.fromStation() && call.answered()
                .filter(OcppAnswer::isError).isPresent()).map(OcppCall::describe).toList();
        if (!errors.isEmpty()) {
            throw Expect.failure(station, "a CALLRESULT to every CALL of " + station.id(),
                    "the CSMS answered with CALLERROR: " + String.join("; ", errors));
        }
    }

    @Then("in the CSMS's answer to {word}, field {string} is {string}")
    @Allora("nella risposta del CSMS a/ad {word}, il campo {string} è {string}")
    public void inTheCsmsAnswerFieldIs(String action, String path, String value) {
        world.expect().csmsAnswer(Words.action(action)).where(path, value).within(OcppWorld.PATIENCE);
    }

    @Then("in the CSMS's answer to {word}, field {string} is present")
    @Allora("nella risposta del CSMS a/ad {word}, il campo {string} è presente")
    public void inTheCsmsAnswerFieldIsPresent(String action, String path) {
        world.expect().csmsAnswer(Words.action(action)).has(path).within(OcppWorld.PATIENCE);
    }

    @Then("the CSMS answers {word} with error {string}")
    @Allora("il CSMS risponde a/ad {word} con l'errore {string}")
    public void theCsmsAnswersWithError(String action, String code) {
        world.expect().csmsAnswer(Words.action(action)).isError(code).within(OcppWorld.PATIENCE);
    }

    @Then("the station sends {word}")
    @Allora("la stazione invia {word}")
    public void theStationSends(String action) {
        world.expect().sends(Words.action(action)).within(OcppWorld.PATIENCE);
    }

    @Then("the station sends {word} where {string} is {string}")
    @Allora("la stazione invia {word} dove {string} è {string}")
    public void theStationSendsWhere(String action, String path, String value) {
        world.expect().sends(Words.action(action)).where(path, value).within(OcppWorld.PATIENCE);
    }

    @Then("the station sends {word} with {ocppTokenRole}")
    @Allora("la stazione invia {word} con il {ocppRuoloToken}")
    public void theStationSendsWith(String action, TokenRole role) {
        ProfileToken token = world.token(role);
        world.expect().sends(Words.action(action)).where("idToken.idToken", token.idToken())
                .where("idToken.type", token.type()).within(OcppWorld.PATIENCE);
    }

    @Then("the station does not send {word}")
    @Allora("la stazione non invia {word}")
    public void theStationDoesNotSend(String action) {
        settled().sends(Words.action(action)).hasNotSent();
    }

    @Then("the station has not sent another {word}")
    @Allora("la stazione non ha inviato un altro {word}")
    public void theStationHasNotSentAnother(String action) {
        theStationDoesNotSend(action);
    }

    @Then("the station does not send {word} where {string} is {string}")
    @Allora("la stazione non invia {word} dove {string} è {string}")
    public void theStationDoesNotSendWhere(String action, String path, String value) {
        settled().sends(Words.action(action)).where(path, value).hasNotSent();
    }

    @Then("the station has not sent {word} where {string} is {string}")
    @Allora("la stazione non ha inviato {word} dove {string} è {string}")
    public void theStationHasNotSentWhere(String action, String path, String value) {
        theStationDoesNotSendWhere(action, path, value);
    }

    @Then("the station sends StatusNotification {string} for every connector")
    @Allora("la stazione invia StatusNotification {string} per ogni connettore")
    public void theStationSendsStatusForEveryConnector(String status) {
        for (ConnectorSnapshot connector : connectors()) {
            statusOf(connector, status).inAnyOrder().within(OcppWorld.PATIENCE);
        }
    }

    @Then("the station does not send StatusNotification {string} for any connector")
    @Allora("la stazione non invia StatusNotification {string} per nessun connettore")
    public void theStationDoesNotSendStatusForAnyConnector(String status) {
        world.pass(Duration.ZERO);
        connectors().forEach(connector -> statusOf(connector, status).hasNotSent());
    }

    @Then("the station has sent nothing but {word}")
    @Allora("la stazione ha inviato solo {word}")
    public void theStationHasSentNothingBut(String action) {
        settled().hasSentNothingBut(Words.action(action));
    }

    @Then("every message the station sent is schema-valid")
    @Allora("ogni messaggio inviato dalla stazione è conforme allo schema")
    public void everyMessageIsSchemaValid() {
        for (StationDriver station : world.stations()) {
            List<String> problems = station.sentFrameProblems();
            if (!problems.isEmpty()) {
                throw Expect.failure(station, "every frame of " + station.id()
                        + " valid against the OCPP 2.0.1 schemas", String.join("; ", problems));
            }
        }
    }

    /** The current station's expectations once every station has its answers in. */
    private io.ocppbdd.expect.StationExpectations settled() {
        world.station();
        world.pass(Duration.ZERO);
        return world.expect();
    }

    private List<ConnectorSnapshot> connectors() {
        return world.await(world.station().snapshot(), "the station's loop").evses().stream()
                .map(EvseSnapshot::connectors).flatMap(List::stream).toList();
    }

    private Sends statusOf(ConnectorSnapshot connector, String status) {
        return world.expect().sends(Action.StatusNotification)
                .where("evseId", Integer.toString(connector.evseId()))
                .where("connectorId", Integer.toString(connector.id()))
                .where("connectorStatus", status);
    }
}
