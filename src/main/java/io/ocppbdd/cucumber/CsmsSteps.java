package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.CallFailedException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Steps that script the embedded CSMS: how it answers the station ("the CSMS will answer ...") and what it asks
 * of the station ("the CSMS sends ..."). Against an external CSMS these steps are skipped.
 */
public class CsmsSteps {

    private final OcppWorld world;

    public CsmsSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the CSMS will answer {word} with status {string}")
    public void theCsmsWillAnswerWithStatus(String action, String status) {
        world.csms().stubFor(withStatus(Stub.on(Conversation.action(action)), status));
    }

    @Given("the CSMS will answer {word} with status {string} and interval {int}")
    public void theCsmsWillAnswerWithStatusAndInterval(String action, String status, int interval) {
        world.csms().stubFor(withStatusAndInterval(Stub.on(Conversation.action(action)), status, interval));
    }

    @Given("the CSMS will answer the next {word} with status {string}")
    public void theCsmsWillAnswerTheNextWithStatus(String action, String status) {
        world.csms().stubFor(withStatus(Stub.on(Conversation.action(action)), status).once());
    }

    @Given("the CSMS will answer the next {word} with status {string} and interval {int}")
    public void theCsmsWillAnswerTheNextWithStatusAndInterval(String action, String status, int interval) {
        world.csms().stubFor(withStatusAndInterval(Stub.on(Conversation.action(action)), status, interval).once());
    }

    @Given("the CSMS will answer {word} with:")
    public void theCsmsWillAnswerWith(String action, String json) {
        world.csms().stubFor(Stub.on(Conversation.action(action)).willReturn(object(json, action + " answer")));
    }

    @Given("the CSMS will answer {word} with error {string}")
    public void theCsmsWillAnswerWithError(String action, String code) {
        world.csms().stubFor(Stub.on(Conversation.action(action))
                .willFailWith(errorCode(code), "stubbed by the scenario"));
    }

    @Given("the CSMS will not answer {word}")
    public void theCsmsWillNotAnswer(String action) {
        world.csms().stubFor(Stub.on(Conversation.action(action)).willNotAnswer());
    }

    @Given("the CSMS requires password {string} from the station")
    public void theCsmsRequiresPassword(String password) {
        world.csms().requirePassword(world.pendingState().getIdentity().id(), password);
    }

    @When("the CSMS sends {word}")
    public void theCsmsSends(String action) {
        world.csmsSends(Conversation.action(action), Json.object());
    }

    @When("the CSMS sends {word} with:")
    public void theCsmsSendsWith(String action, String json) {
        world.csmsSends(Conversation.action(action), object(json, action + " request"));
    }

    @Then("the station answers {word} with status {string}")
    public void theStationAnswersWithStatus(String action, String status) {
        JsonNode answer = answer(Conversation.action(action));
        String actual = Conversation.text(answer.path("status"));
        if (!status.equals(actual)) {
            throw Conversation.failure("the station answers " + action + " with status \"" + status + "\"",
                    "it answered " + answer, world.station());
        }
    }

    @Then("in the station's answer to {word}, field {string} is {string}")
    public void inTheStationsAnswerFieldIs(String action, String path, String value) {
        JsonNode answer = answer(Conversation.action(action));
        String actual = Conversation.text(Conversation.field(answer, path));
        if (!value.equals(actual)) {
            throw Conversation.failure("field \"" + path + "\" of the station's answer to " + action + " is \""
                    + value + "\"", "it is " + actual + " in " + answer, world.station());
        }
    }

    @Then("the station answers {word} with error {string}")
    public void theStationAnswersWithError(String action, String code) {
        CompletableFuture<ObjectNode> answer = world.answerTo(Conversation.action(action));
        String expected = "the station answers " + action + " with CALLERROR " + code;
        try {
            ObjectNode result = answer.get(OcppWorld.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            throw Conversation.failure(expected, "it answered CALLRESULT " + result, world.station());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof CallFailedException failed)
                    || failed.reason() != CallFailedException.Reason.CALL_ERROR
                    || !failed.callError().errorCode().name().equals(code)) {
                throw Conversation.failure(expected, e.getCause().getMessage(), world.station());
            }
        } catch (TimeoutException e) {
            throw Conversation.failure(expected, "no answer within " + OcppWorld.PATIENCE.toSeconds() + " s",
                    world.station());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private JsonNode answer(Action action) {
        return OcppWorld.await(world.answerTo(action), "the station's answer to " + action);
    }

    private static Stub withStatus(Stub stub, String status) {
        return stub.willReturn(payload -> setStatus(payload, stub.action(), status));
    }

    private static Stub withStatusAndInterval(Stub stub, String status, int interval) {
        return stub.willReturn(payload -> setStatus(payload, stub.action(), status).put("interval", interval));
    }

    private static ObjectNode setStatus(ObjectNode payload, Action action, String status) {
        if (Conversation.statusPath(action).startsWith("idTokenInfo")) {
            payload.putObject("idTokenInfo").put("status", status);
        } else {
            payload.put("status", status);
        }
        return payload;
    }

    private static ObjectNode object(String json, String what) {
        JsonNode node;
        try {
            node = Json.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " in the step is " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("the " + what + " in the step must be a JSON object {...}");
        }
        return (ObjectNode) node;
    }

    private static ErrorCode errorCode(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + code + "\" is not an OCPP-J error code; use one of "
                    + java.util.Arrays.toString(ErrorCode.values()));
        }
    }
}
