package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Dato;
import io.cucumber.java.it.Quando;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.driver.OcppAnswer;
import io.ocppbdd.driver.OcppCall;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.expect.Fields;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;

import java.util.Arrays;

/**
 * Steps that script the CSMS: how the embedded one answers the station ("the CSMS will answer ...", skipped
 * against any other CSMS) and what the CSMS under test asks of the station ("the CSMS sends ...", through its
 * CsmsDriver; skipped when it cannot be made to act).
 */
public class CsmsSteps {

    private final OcppWorld world;

    public CsmsSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the CSMS will answer {word} with status {string}")
    @Dato("il CSMS risponderà a/ad {word} con lo stato {string}")
    public void theCsmsWillAnswerWithStatus(String action, String status) {
        world.embedded().stubFor(withStatus(Stub.on(Words.action(action)), status));
    }

    @Given("the CSMS will answer {word} with status {string} and interval {int}")
    @Dato("il CSMS risponderà a/ad {word} con lo stato {string} e l'intervallo {int}")
    public void theCsmsWillAnswerWithStatusAndInterval(String action, String status, int interval) {
        world.embedded().stubFor(withStatusAndInterval(Stub.on(Words.action(action)), status, interval));
    }

    @Given("the CSMS will answer the next {word} with status {string}")
    @Dato("il CSMS risponderà al prossimo {word} con lo stato {string}")
    public void theCsmsWillAnswerTheNextWithStatus(String action, String status) {
        world.embedded().stubFor(withStatus(Stub.on(Words.action(action)), status).once());
    }

    @Given("the CSMS will answer the next {word} with status {string} and interval {int}")
    @Dato("il CSMS risponderà al prossimo {word} con lo stato {string} e l'intervallo {int}")
    public void theCsmsWillAnswerTheNextWithStatusAndInterval(String action, String status, int interval) {
        world.embedded().stubFor(withStatusAndInterval(Stub.on(Words.action(action)), status, interval).once());
    }

    @Given("the CSMS will answer {word} with:")
    @Dato("il CSMS risponderà a/ad {word} con:")
    public void theCsmsWillAnswerWith(String action, String json) {
        world.embedded().stubFor(Stub.on(Words.action(action)).willReturn(Words.object(json, action + " answer")));
    }

    @Given("the CSMS will answer {word} with error {string}")
    @Dato("il CSMS risponderà a/ad {word} con l'errore {string}")
    public void theCsmsWillAnswerWithError(String action, String code) {
        world.embedded().stubFor(Stub.on(Words.action(action)).willFailWith(errorCode(code), "stubbed by the scenario"));
    }

    @Given("the CSMS will not answer {word}")
    @Dato("il CSMS non risponderà a/ad {word}")
    public void theCsmsWillNotAnswer(String action) {
        world.embedded().stubFor(Stub.on(Words.action(action)).willNotAnswer());
    }

    @Given("the CSMS requires password {string} from the station")
    @Dato("il CSMS richiede alla stazione la password {string}")
    public void theCsmsRequiresPassword(String password) {
        world.embedded().requirePassword(world.pending().id(), password);
    }

    @When("the CSMS sends {word}")
    @Quando("il CSMS invia {word}")
    public void theCsmsSends(String action) {
        world.csmsSends(Words.action(action), Json.object());
    }

    @When("the CSMS sends {word} with:")
    @Quando("il CSMS invia {word} con:")
    public void theCsmsSendsWith(String action, String json) {
        world.csmsSends(Words.action(action), Words.object(json, action + " request"));
    }

    @Then("the station answers {word} with status {string}")
    @Allora("la stazione risponde a/ad {word} con lo stato {string}")
    public void theStationAnswersWithStatus(String action, String status) {
        inTheStationsAnswerFieldIs(action, "status", status);
    }

    @Then("in the station's answer to {word}, field {string} is {string}")
    @Allora("nella risposta della stazione a/ad {word}, il campo {string} è {string}")
    public void inTheStationsAnswerFieldIs(String action, String path, String value) {
        OcppAnswer answer = world.answerTo(Words.action(action));
        String actual = answer.isError() ? null : Fields.text(answer.payload(), path);
        if (!value.equals(actual)) {
            throw Expect.failure(world.station(), "field \"" + path + "\" of the station's answer to " + action
                    + " is \"" + value + "\"", "it answered " + answer.describe());
        }
    }

    @Then("the station answers {word} with error {string}")
    @Allora("la stazione risponde a/ad {word} con l'errore {string}")
    public void theStationAnswersWithError(String action, String code) {
        OcppAnswer answer = world.answerTo(Words.action(action));
        if (!code.equals(answer.errorCode())) {
            throw Expect.failure(world.station(), "the station answers " + action + " with CALLERROR " + code,
                    "it answered " + (answer.isError() ? "" : "CALLRESULT ") + answer.describe());
        }
    }

    @Then("in the CSMS's {word} request, field {string} is {string}")
    @Allora("nella richiesta {word} del CSMS, il campo {string} è {string}")
    public void inTheCsmsRequestFieldIs(String action, String path, String value) {
        expectRequestField(world, action, path, value);
    }

    @Then("in the CSMS's {word} request, field {string} is absent")
    @Allora("nella richiesta {word} del CSMS, il campo {string} è assente")
    public void inTheCsmsRequestFieldIsAbsent(String action, String path) {
        expectRequestField(world, action, path, Fields.ABSENT);
    }

    @Then("the CSMS's {word} request carries {ocppTokenRole}")
    @Allora("la richiesta {word} del CSMS riporta il {ocppRuoloToken}")
    public void theCsmsRequestCarries(String action, TokenRole role) {
        ProfileToken token = world.token(role);
        expectRequestField(world, action, "idToken.idToken", token.idToken());
        expectRequestField(world, action, "idToken.type", token.type());
    }

    /**
     * The CALL of this action that the CSMS sent to the station at the scenario's latest order has this field value
     * (the latest CALL of that action, once the station has answered the order).
     */
    static void expectRequestField(OcppWorld world, String action, String path, String value) {
        Action named = Words.action(action);
        world.answerTo(named);
        StationDriver station = world.station();
        OcppCall request = world.awaitOrExplain(station.whenCalls(calls -> calls.stream()
                        .filter(call -> !call.fromStation() && call.action() == named)
                        .reduce((first, second) -> second)), "the CSMS sends " + action,
                () -> "it has not");
        String actual = Fields.text(request.payload(), path);
        if (!value.equals(actual)) {
            throw Expect.failure(station, "field \"" + path + "\" of the CSMS's " + action + " request is \"" + value
                    + "\"", "it is \"" + actual + "\" in " + request.payload());
        }
    }

    private static Stub withStatus(Stub stub, String status) {
        return stub.willReturn(payload -> setStatus(payload, stub.action(), status));
    }

    private static Stub withStatusAndInterval(Stub stub, String status, int interval) {
        return stub.willReturn(payload -> setStatus(payload, stub.action(), status).put("interval", interval));
    }

    private static ObjectNode setStatus(ObjectNode payload, Action action, String status) {
        if (Words.statusPath(action).startsWith("idTokenInfo")) {
            payload.putObject("idTokenInfo").put("status", status);
        } else {
            payload.put("status", status);
        }
        return payload;
    }

    private static ErrorCode errorCode(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + code + "\" is not an OCPP-J error code; use one of "
                    + Arrays.toString(ErrorCode.values()));
        }
    }
}
