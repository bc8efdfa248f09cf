package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.authorization.AuthorizationModule;
import io.ocppbdd.station.authorization.StopAuthorization;
import io.ocppbdd.station.state.AuthorizationCacheEntry;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Steps of functional blocks C and D: a driver presents id tokens, the station decides with the CSMS, its
 * Authorization Cache and its Local Authorization List, and a token may stop a transaction (C09, C16).
 */
public class AuthorizationSteps {

    private static final String DEFAULT_TYPE = "ISO14443";

    private final OcppWorld world;
    private IdToken presented;
    private Integer evseId;
    private CompletableFuture<IdTokenInfo> decision;
    private int authorizeSentBefore;
    private CompletableFuture<StopAuthorization> stopDecision;

    public AuthorizationSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the CSMS will answer Authorize for id token {string} with status {string}")
    public void theCsmsWillAnswerAuthorizeFor(String token, String status) {
        answerAuthorize(token, status, info -> { });
    }

    @Given("the CSMS will answer Authorize for id token {string} with status {string} and group {string}")
    public void theCsmsWillAnswerAuthorizeForWithGroup(String token, String status, String group) {
        answerAuthorize(token, status, info -> info.putObject("groupIdToken").put("idToken", group)
                .put("type", "Central"));
    }

    @When("the driver presents id token {string}")
    public void theDriverPresents(String token) {
        present(token, DEFAULT_TYPE, 1);
    }

    @When("the driver presents id token {string} of type {string}")
    public void theDriverPresentsOfType(String token, String type) {
        present(token, type, 1);
    }

    @When("the station checks id token {string} for EVSE {int}")
    public void theStationChecksForEvse(String token, int evse) {
        present(token, DEFAULT_TYPE, evse);
    }

    @When("id token {string} is presented to stop the transaction started with id token {string}")
    public void presentedToStop(String token, String starter) {
        IdToken presentedToken = token(token, DEFAULT_TYPE);
        IdToken starterToken = token(starter, DEFAULT_TYPE);
        stopDecision = onLoop(module -> module.authorizeStop(presentedToken, starterToken, null));
    }

    @When("the station loses its connection to the CSMS")
    public void theStationLosesItsConnection() {
        ChargingStation station = world.station();
        station.dropConnection();
        try {
            Awaitility.await().atMost(OcppWorld.PATIENCE).until(() -> !station.isConnected());
        } catch (ConditionTimeoutException e) {
            throw Conversation.failure("the station offline", "it is still connected", station);
        }
    }

    @Then("the station authorizes the id token with status {string}")
    public void theStationAuthorizesWithStatus(String status) {
        IdTokenInfo info = decision();
        String actual = info.getStatus().value();
        if (!status.equals(actual)) {
            throw Conversation.failure("the station decides \"" + status + "\" for id token \""
                    + presented.getIdToken() + "\"", "it decided \"" + actual + "\"", world.station());
        }
    }

    @Then("the station decided without asking the CSMS")
    public void theStationDecidedWithoutAskingTheCsms() {
        decision();
        ChargingStation station = world.station();
        int sent = Conversation.sentBy(station, Action.Authorize).size();
        if (sent > authorizeSentBefore) {
            throw Conversation.failure("a decision on id token \"" + presented.getIdToken() + "\" without Authorize",
                    "the station sent Authorize", station);
        }
    }

    @Then("the driver may start charging")
    public void theDriverMayStartCharging() {
        expectStart(true);
    }

    @Then("the driver may not start charging")
    public void theDriverMayNotStartCharging() {
        expectStart(false);
    }

    @Then("the stop is {string}")
    public void theStopIs(String expected) {
        StopAuthorization wanted = StopAuthorization.valueOf(expected.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        StopAuthorization actual = OcppWorld.await(stopDecision, "the station's decision on the stop");
        if (actual != wanted) {
            throw Conversation.failure("the stop is \"" + expected + "\"",
                    "it is \"" + actual.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "\"", world.station());
        }
    }

    @Then("the station's authorization cache holds id token {string} with status {string}")
    public void theCacheHolds(String token, String status) {
        Optional<AuthorizationCacheEntry> entry = cache().stream()
                .filter(candidate -> candidate.idToken().equalsIgnoreCase(token)).findFirst();
        String actual = entry.map(found -> found.idTokenInfo().path("status").asText()).orElse("(not cached)");
        if (!status.equals(actual)) {
            throw Conversation.failure("id token \"" + token + "\" cached as \"" + status + "\"", actual,
                    world.station());
        }
    }

    @Then("the station's authorization cache is empty")
    public void theCacheIsEmpty() {
        List<AuthorizationCacheEntry> cache = cache();
        if (!cache.isEmpty()) {
            throw Conversation.failure("an empty authorization cache", "it holds "
                    + cache.stream().map(AuthorizationCacheEntry::idToken).toList(), world.station());
        }
    }

    private void answerAuthorize(String token, String status, Consumer<ObjectNode> moreInfo) {
        world.csms().stubFor(Stub.on(Action.Authorize)
                .when(payload -> payload.at("/idToken/idToken").asText().equalsIgnoreCase(token))
                .willReturn(payload -> moreInfo.accept(payload.putObject("idTokenInfo").put("status", status))));
    }

    private void present(String token, String type, int evse) {
        presented = token(token, type);
        evseId = evse;
        IdToken presentedToken = presented;
        authorizeSentBefore = Conversation.sentBy(world.station(), Action.Authorize).size();
        decision = onLoop(module -> module.authorize(presentedToken, evse));
    }

    private IdTokenInfo decision() {
        if (decision == null) {
            throw new IllegalStateException("no id token was presented; add a step like: "
                    + "When the driver presents id token \"04A2B3C4\"");
        }
        return OcppWorld.await(decision, "the station's decision on id token \"" + presented.getIdToken() + "\"");
    }

    private void expectStart(boolean allowed) {
        IdTokenInfo info = decision();
        AuthorizationModule module = module();
        boolean actual = OcppWorld.await(world.station().onLoop(() -> module.mayStart(info, evseId)),
                "the station's loop");
        if (actual != allowed) {
            throw Conversation.failure("the driver " + (allowed ? "may" : "may not") + " start charging at EVSE "
                    + evseId, "status " + info.getStatus().value() + " with EVSEs " + info.getEvseId()
                    + " and group " + Optional.ofNullable(info.getGroupIdToken()).map(IdToken::getIdToken)
                    .orElse("(none)"), world.station());
        }
    }

    private List<AuthorizationCacheEntry> cache() {
        ChargingStation station = world.station();
        world.pass(java.time.Duration.ZERO);
        return OcppWorld.await(station.onLoop(() -> List.copyOf(station.state().getAuthorizationCache())),
                "the station's loop");
    }

    private <T> CompletableFuture<T> onLoop(Function<AuthorizationModule, CompletableFuture<T>> action) {
        AuthorizationModule module = module();
        return world.station().onLoop(() -> action.apply(module)).thenCompose(future -> future);
    }

    private AuthorizationModule module() {
        return world.station().module(AuthorizationModule.class);
    }

    private static IdToken token(String value, String type) {
        IdTokenEnum tokenType;
        try {
            tokenType = IdTokenEnum.fromValue(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + type + "\" is not an IdTokenEnumType; use one of "
                    + Arrays.stream(IdTokenEnum.values()).map(IdTokenEnum::value).toList());
        }
        return new IdToken().withIdToken(value).withType(tokenType);
    }
}
