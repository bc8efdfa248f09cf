package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.Violation;
import io.ocppbdd.rpc.Exchange;
import io.ocppbdd.rpc.FrameAudit;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.EvseState;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

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
    public void theCsmsAnswersWithStatus(String actionName, String status) {
        Action action = Conversation.action(actionName);
        String path = Conversation.statusPath(action);
        lastAnswerSatisfies(action, "the CSMS answers " + action + " with status \"" + status + "\"",
                payload -> status.equals(Conversation.text(Conversation.field(payload, path))),
                payload -> "status \"" + Conversation.text(Conversation.field(payload, path)) + "\"");
    }

    @Then("in the CSMS's answer to {word}, field {string} is {string}")
    public void inTheCsmsAnswerFieldIs(String actionName, String path, String value) {
        Action action = Conversation.action(actionName);
        lastAnswerSatisfies(action, "field \"" + path + "\" of the CSMS's answer to " + action + " is \"" + value + "\"",
                payload -> value.equals(Conversation.text(Conversation.field(payload, path))),
                payload -> "it is " + Conversation.text(Conversation.field(payload, path)));
    }

    @Then("in the CSMS's answer to {word}, field {string} is present")
    public void inTheCsmsAnswerFieldIsPresent(String actionName, String path) {
        Action action = Conversation.action(actionName);
        lastAnswerSatisfies(action, "the CSMS's answer to " + action + " has field \"" + path + "\"",
                payload -> !Conversation.field(payload, path).isMissingNode(), payload -> "no such field in " + payload);
    }

    @Then("the CSMS answers {word} with error {string}")
    public void theCsmsAnswersWithError(String actionName, String code) {
        Action action = Conversation.action(actionName);
        ChargingStation station = world.station();
        String expected = "the CSMS answers " + action + " with CALLERROR " + code;
        Exchange last = awaitLastAnswered(station, action, expected);
        markCheckedUpTo(action, last);
        Optional<CallError> error = last.error();
        if (error.isEmpty() || !error.get().errorCode().name().equals(code)) {
            throw Conversation.failure(expected, error.map(e -> "CALLERROR " + e.errorCode())
                    .orElse("a CALLRESULT " + last.result().orElseThrow().payload()), station);
        }
    }

    @Then("the station sends {word}")
    public void theStationSends(String actionName) {
        nextSent(Conversation.action(actionName), "", call -> true);
    }

    @Then("the station sends {word} where {string} is {string}")
    public void theStationSendsWhere(String actionName, String path, String value) {
        nextSent(Conversation.action(actionName), " where \"" + path + "\" is \"" + value + "\"",
                payload -> value.equals(Conversation.text(Conversation.field(payload, path))));
    }

    @Then("the station sends StatusNotification {string} for every connector")
    public void theStationSendsStatusForEveryConnector(String status) {
        ChargingStation station = world.station();
        for (EvseState evse : station.state().getEvses()) {
            for (EvseState.ConnectorState connector : evse.getConnectors()) {
                String expected = " for EVSE " + evse.getId() + " connector " + connector.getId()
                        + " with status \"" + status + "\"";
                awaitSent(station, Action.StatusNotification, expected, payload ->
                        payload.path("evseId").asInt() == evse.getId()
                                && payload.path("connectorId").asInt() == connector.getId()
                                && status.equals(payload.path("connectorStatus").asText()));
            }
        }
    }

    @Then("the station has not sent another {word}")
    public void theStationHasNotSentAnother(String actionName) {
        Action action = Conversation.action(actionName);
        ChargingStation station = world.station();
        world.pass(java.time.Duration.ZERO);
        int sent = Conversation.sentBy(station, action).size();
        int seen = world.checked(action).get();
        if (sent > seen) {
            throw Conversation.failure("no further " + action + " (" + seen + " checked so far)",
                    "the station sent " + (sent - seen) + " more", station);
        }
    }

    @Then("the station has sent nothing but {word}")
    public void theStationHasSentNothingBut(String actionName) {
        Action action = Conversation.action(actionName);
        ChargingStation station = world.station();
        world.pass(java.time.Duration.ZERO);
        List<String> others = Exchange.of(station.trace().entries()).stream()
                .filter(e -> e.direction() == io.ocppbdd.rpc.Direction.SENT)
                .map(e -> e.call().action()).filter(name -> !name.equals(action.name())).distinct().toList();
        if (!others.isEmpty()) {
            throw Conversation.failure("only " + action + " requests from the station", "it also sent " + others,
                    station);
        }
    }

    @Then("every message the station sent is schema-valid")
    public void everyMessageIsSchemaValid() {
        for (ChargingStation station : world.stations()) {
            List<String> problems = FrameAudit.problemsInSent(station.trace().entries());
            if (!problems.isEmpty()) {
                throw Conversation.failure("every frame of " + station.id() + " valid against the OCPP 2.0.1 schemas",
                        String.join("; ", problems), station);
            }
        }
    }

    private void nextSent(Action action, String condition, Predicate<JsonNode> matching) {
        ChargingStation station = world.station();
        AtomicInteger checked = world.checked(action);
        String expected = "the station sends " + action + condition + " (message " + (checked.get() + 1) + ")";
        AtomicReference<Exchange> found = new AtomicReference<>();
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> {
                List<Exchange> sent = Conversation.sentBy(station, action);
                for (int index = checked.get(); index < sent.size(); index++) {
                    if (matching.test(sent.get(index).call().payload())) {
                        checked.set(index + 1);
                        found.set(sent.get(index));
                        return true;
                    }
                }
                return false;
            });
        } catch (ConditionTimeoutException e) {
            List<Exchange> sent = Conversation.sentBy(station, action);
            throw Conversation.failure(expected, sent.size() <= checked.get() ? "no further " + action + " came"
                    : "the unchecked ones did not match: " + sent.subList(checked.get(), sent.size()).stream()
                    .map(x -> x.call().payload().toString()).toList(), station);
        }
    }

    private void awaitSent(ChargingStation station, Action action, String condition, Predicate<JsonNode> matching) {
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> Conversation.sentBy(station, action).stream()
                    .anyMatch(e -> matching.test(e.call().payload())));
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure("the station sends " + action + condition, "it did not", station);
        }
    }

    private void lastAnswerSatisfies(Action action, String expected, Predicate<JsonNode> matching,
                                     java.util.function.Function<JsonNode, String> describe) {
        ChargingStation station = world.station();
        AtomicReference<Exchange> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> {
                Optional<Exchange> answered = lastAnswered(station, action);
                answered.ifPresent(last::set);
                return answered.flatMap(Exchange::result).map(r -> matching.test(r.payload())).orElse(false);
            });
        } catch (ConditionTimeoutException e) {
            if (last.get() != null && last.get().result().isPresent()) {
                checkSchema(station, action, last.get());
            }
            throw Conversation.failure(expected, describeLast(last.get(), action, describe), station);
        }
        checkSchema(station, action, last.get());
        markCheckedUpTo(action, last.get());
    }

    /** A checked answer counts its request, and every earlier one of the action, as seen. */
    private void markCheckedUpTo(Action action, Exchange exchange) {
        int position = Conversation.sentBy(world.station(), action).indexOf(exchange) + 1;
        world.checked(action).accumulateAndGet(position, Math::max);
    }

    private Exchange awaitLastAnswered(ChargingStation station, Action action, String expected) {
        try {
            return Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> lastAnswered(station, action),
                    Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure(expected, "no answer to any " + action + " came", station);
        }
    }

    private static Optional<Exchange> lastAnswered(ChargingStation station, Action action) {
        List<Exchange> sent = Conversation.sentBy(station, action);
        for (int index = sent.size() - 1; index >= 0; index--) {
            if (sent.get(index).answered()) {
                return Optional.of(sent.get(index));
            }
        }
        return Optional.empty();
    }

    private static String describeLast(Exchange last, Action action,
                                       java.util.function.Function<JsonNode, String> describe) {
        if (last == null) {
            return "no answer to any " + action + " came";
        }
        return last.error().map(e -> "it answered CALLERROR " + e.errorCode() + " \"" + e.errorDescription() + "\"")
                .orElseGet(() -> "it answered " + describe.apply(last.result().orElseThrow().payload()));
    }

    /** A CSMS that answers with a payload that breaks the schema fails the step, naming the field. */
    private static void checkSchema(ChargingStation station, Action action, Exchange exchange) {
        Optional<Violation> violation = SchemaValidator.instance()
                .checkResponse(action, exchange.result().orElseThrow().payload());
        violation.ifPresent(v -> {
            throw Conversation.failure("a " + action + " response valid against the OCPP 2.0.1 schema",
                    "field " + v.describe() + " (" + v.code() + ")", station);
        });
    }
}
