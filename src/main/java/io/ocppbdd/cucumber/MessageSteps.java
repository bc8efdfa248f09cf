package io.ocppbdd.cucumber;

import io.cucumber.java.en.Then;
import io.ocppbdd.driver.EvseSnapshot;
import io.ocppbdd.driver.ConnectorSnapshot;
import io.ocppbdd.driver.OcppAnswer;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.Sends;
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
    public void theCsmsAnswersWithStatus(String action, String status) {
        Action named = Words.action(action);
        world.expect().csmsAnswer(named).where(Words.statusPath(named), status).within(OcppWorld.PATIENCE);
    }

    /** A test case that allows several statuses: {@code "Invalid" or "Unknown"}, {@code "A", "B" or "C"}. */
    @Then("^the CSMS answers (\\w+) with status ((?:\"[^\"]+\"(?:, | or ))+\"[^\"]+\")$")
    public void theCsmsAnswersWithOneOfTheStatuses(String action, String statuses) {
        Action named = Words.action(action);
        String[] allowed = Pattern.compile("\"([^\"]+)\"").matcher(statuses).results().map(found -> found.group(1))
                .toArray(String[]::new);
        world.expect().csmsAnswer(named).whereOneOf(Words.statusPath(named), allowed).within(OcppWorld.PATIENCE);
    }

    @Then("the CSMS answers {word} with the group of {ocppTokenRole}")
    public void theCsmsAnswersWithTheGroupOf(String action, TokenRole role) {
        String group = world.token(role).groupId().orElseThrow(() -> new IllegalArgumentException(
                "the " + role.key() + " token has no group; name the group token or the master pass token"));
        world.expect().csmsAnswer(Words.action(action)).where("idTokenInfo.status", "Accepted")
                .where("idTokenInfo.groupIdToken.idToken", group).within(OcppWorld.PATIENCE);
    }

    @Then("in the CSMS's answer to {word}, field {string} is the heartbeat interval of the profile")
    public void inTheCsmsAnswerFieldIsTheProfilesInterval(String action, String path) {
        inTheCsmsAnswerFieldIs(action, path, Integer.toString(world.heartbeatInterval()));
    }

    @Then("the CSMS answers every message of the station without error")
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
    public void inTheCsmsAnswerFieldIs(String action, String path, String value) {
        world.expect().csmsAnswer(Words.action(action)).where(path, value).within(OcppWorld.PATIENCE);
    }

    @Then("in the CSMS's answer to {word}, field {string} is present")
    public void inTheCsmsAnswerFieldIsPresent(String action, String path) {
        world.expect().csmsAnswer(Words.action(action)).has(path).within(OcppWorld.PATIENCE);
    }

    @Then("the CSMS answers {word} with error {string}")
    public void theCsmsAnswersWithError(String action, String code) {
        world.expect().csmsAnswer(Words.action(action)).isError(code).within(OcppWorld.PATIENCE);
    }

    @Then("the station sends {word}")
    public void theStationSends(String action) {
        world.expect().sends(Words.action(action)).within(OcppWorld.PATIENCE);
    }

    @Then("the station sends {word} where {string} is {string}")
    public void theStationSendsWhere(String action, String path, String value) {
        world.expect().sends(Words.action(action)).where(path, value).within(OcppWorld.PATIENCE);
    }

    @Then("the station does not send {word}")
    public void theStationDoesNotSend(String action) {
        settled().sends(Words.action(action)).hasNotSent();
    }

    @Then("the station has not sent another {word}")
    public void theStationHasNotSentAnother(String action) {
        theStationDoesNotSend(action);
    }

    @Then("the station does not send {word} where {string} is {string}")
    public void theStationDoesNotSendWhere(String action, String path, String value) {
        settled().sends(Words.action(action)).where(path, value).hasNotSent();
    }

    @Then("the station has not sent {word} where {string} is {string}")
    public void theStationHasNotSentWhere(String action, String path, String value) {
        theStationDoesNotSendWhere(action, path, value);
    }

    @Then("the station sends StatusNotification {string} for every connector")
    public void theStationSendsStatusForEveryConnector(String status) {
        for (ConnectorSnapshot connector : connectors()) {
            statusOf(connector, status).inAnyOrder().within(OcppWorld.PATIENCE);
        }
    }

    @Then("the station does not send StatusNotification {string} for any connector")
    public void theStationDoesNotSendStatusForAnyConnector(String status) {
        world.pass(Duration.ZERO);
        connectors().forEach(connector -> statusOf(connector, status).hasNotSent());
    }

    @Then("the station has sent nothing but {word}")
    public void theStationHasSentNothingBut(String action) {
        settled().hasSentNothingBut(Words.action(action));
    }

    @Then("every message the station sent is schema-valid")
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
