package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.it.Allora;
import io.cucumber.java.it.Dato;
import io.cucumber.java.it.Quando;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.driver.AuthorizationDecision;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StopDecision;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.IdTokenEnum;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Steps of functional blocks C and D: a driver presents id tokens, the station decides with the CSMS, its
 * Authorization Cache and its Local Authorization List, and a token may stop a transaction (C09, C16).
 */
public class AuthorizationSteps {

    private static final String DEFAULT_TYPE = "ISO14443";

    private final OcppWorld world;
    private String presented;
    private int evseId;
    private CompletionStage<AuthorizationDecision> decision;
    private long authorizeSentBefore;
    private CompletionStage<StopDecision> stopDecision;

    public AuthorizationSteps(OcppWorld world) {
        this.world = world;
    }

    @Given("the CSMS will answer Authorize for id token {string} with status {string}")
    @Dato("il CSMS risponderà ad Authorize per l'id token {string} con lo stato {string}")
    public void theCsmsWillAnswerAuthorizeFor(String token, String status) {
        answerAuthorize(token, status, info -> { });
    }

    @Given("the CSMS will answer Authorize for id token {string} with status {string} and group {string}")
    @Dato("il CSMS risponderà ad Authorize per l'id token {string} con lo stato {string} e il gruppo {string}")
    public void theCsmsWillAnswerAuthorizeForWithGroup(String token, String status, String group) {
        answerAuthorize(token, status, info -> info.putObject("groupIdToken").put("idToken", group)
                .put("type", "Central"));
    }

    /** An id token role of the test profile, as a feature names it: "the accepted token", "the group token", ... */
    @ParameterType("the (accepted|invalid|blocked|expired|group|master pass) token")
    public TokenRole ocppTokenRole(String role) {
        return "master pass".equals(role) ? TokenRole.MASTER_PASS : TokenRole.valueOf(role.toUpperCase(Locale.ROOT));
    }

    /** The same roles in Italian: "token accettato", "token di gruppo", ... (the article belongs to the sentence). */
    @ParameterType("token (accettato|non valido|bloccato|scaduto|di gruppo|master pass)")
    public TokenRole ocppRuoloToken(String ruolo) {
        return switch (ruolo) {
            case "accettato" -> TokenRole.ACCEPTED;
            case "non valido" -> TokenRole.INVALID;
            case "bloccato" -> TokenRole.BLOCKED;
            case "scaduto" -> TokenRole.EXPIRED;
            case "di gruppo" -> TokenRole.GROUP;
            default -> TokenRole.MASTER_PASS;
        };
    }

    @When("the driver presents {ocppTokenRole}")
    @Quando("il conducente presenta il {ocppRuoloToken}")
    public void theDriverPresentsRole(TokenRole role) {
        ProfileToken token = world.token(role);
        present(token.idToken(), token.type(), 1);
    }

    @Given("the station's master pass group is that of the master pass token")
    @Dato("il gruppo master pass della stazione è quello del token master pass")
    public void theMasterPassGroupIsTheProfiles() {
        world.pending().variable("AuthCtrlr.MasterPassGroupId",
                world.token(TokenRole.MASTER_PASS).groupId().orElseThrow());
    }

    @When("the driver presents id token {string}")
    @Quando("il conducente presenta l'id token {string}")
    public void theDriverPresents(String token) {
        present(token, DEFAULT_TYPE, 1);
    }

    @When("the driver presents id token {string} of type {string}")
    @Quando("il conducente presenta l'id token {string} di tipo {string}")
    public void theDriverPresentsOfType(String token, String type) {
        present(token, type, 1);
    }

    @When("the station checks id token {string} for EVSE {int}")
    @Quando("la stazione verifica l'id token {string} per l'EVSE {int}")
    public void theStationChecksForEvse(String token, int evse) {
        present(token, DEFAULT_TYPE, evse);
    }

    @When("id token {string} is presented to stop the transaction started with id token {string}")
    @Quando("l'id token {string} viene presentato per fermare la transazione avviata con l'id token {string}")
    public void presentedToStop(String token, String starter) {
        stopDecision = world.station().authorizeStop(Words.tokenType(DEFAULT_TYPE), token, starter);
    }

    @When("the station loses its connection to the CSMS")
    @Quando("la stazione perde la connessione al CSMS")
    public void theStationLosesItsConnection() {
        world.await(world.station().loseNetwork(), "the station to notice it is offline");
    }

    @Then("the station authorizes the id token with status {string}")
    @Allora("la stazione autorizza l'id token con lo stato {string}")
    public void theStationAuthorizesWithStatus(String status) {
        String actual = decision().status();
        if (!status.equals(actual)) {
            throw Expect.failure(world.station(), "the station decides \"" + status + "\" for id token \""
                    + presented + "\"", "it decided \"" + actual + "\"");
        }
    }

    @Then("the station decided without asking the CSMS")
    @Allora("la stazione ha deciso senza chiedere al CSMS")
    public void theStationDecidedWithoutAskingTheCsms() {
        decision();
        if (authorizeRequests() > authorizeSentBefore) {
            throw Expect.failure(world.station(), "a decision on id token \"" + presented + "\" without Authorize",
                    "the station sent Authorize");
        }
    }

    @Then("the driver may start charging")
    @Allora("il conducente può iniziare a caricare")
    public void theDriverMayStartCharging() {
        expectStart(true);
    }

    @Then("the driver may not start charging")
    @Allora("il conducente non può iniziare a caricare")
    public void theDriverMayNotStartCharging() {
        expectStart(false);
    }

    /** A stop decision in Italian, as the English step names it: "stesso gruppo" is "same group". */
    @ParameterType("\"(stesso token|stesso gruppo|master pass|rifiutato)\"")
    public String ocppEsitoArresto(String esito) {
        return switch (esito) {
            case "stesso token" -> "same token";
            case "stesso gruppo" -> "same group";
            case "rifiutato" -> "refused";
            default -> esito;
        };
    }

    @Then("the stop is {string}")
    @Allora("l'arresto è {ocppEsitoArresto}")
    public void theStopIs(String expected) {
        StopDecision wanted = StopDecision.valueOf(expected.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
        StopDecision actual = world.await(stopDecision, "the station's decision on the stop");
        if (actual != wanted) {
            throw Expect.failure(world.station(), "the stop is \"" + expected + "\"",
                    "it is \"" + actual.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "\"");
        }
    }

    @Then("the station's authorization cache holds id token {string} with status {string}")
    @Allora("la cache di autorizzazione della stazione contiene l'id token {string} con lo stato {string}")
    public void theCacheHolds(String token, String status) {
        String actual = cache().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(token))
                .map(Map.Entry::getValue).findFirst().orElse("(not cached)");
        if (!status.equals(actual)) {
            throw Expect.failure(world.station(), "id token \"" + token + "\" cached as \"" + status + "\"", actual);
        }
    }

    @Then("the station's authorization cache is empty")
    @Allora("la cache di autorizzazione della stazione è vuota")
    public void theCacheIsEmpty() {
        Map<String, String> cache = cache();
        if (!cache.isEmpty()) {
            throw Expect.failure(world.station(), "an empty authorization cache", "it holds " + cache.keySet());
        }
    }

    private void answerAuthorize(String token, String status, Consumer<ObjectNode> moreInfo) {
        world.embedded().stubFor(Stub.on(Action.Authorize)
                .when(payload -> payload.at("/idToken/idToken").asText().equalsIgnoreCase(token))
                .willReturn(payload -> moreInfo.accept(payload.putObject("idTokenInfo").put("status", status))));
    }

    private void present(String token, String type, int evse) {
        IdTokenEnum tokenType = Words.tokenType(type);
        if (decision != null) {
            decision(); // a driver presents one token at a time: the station decides on the last one first
        }
        presented = token;
        evseId = evse;
        authorizeSentBefore = authorizeRequests();
        decision = world.station().authorize(tokenType, token, evse);
    }

    private long authorizeRequests() {
        return world.station().calls().stream()
                .filter(call -> call.fromStation() && call.action() == Action.Authorize).count();
    }

    private AuthorizationDecision decision() {
        if (decision == null) {
            throw new IllegalStateException("no id token was presented; add a step like: "
                    + "When the driver presents id token \"04A2B3C4\"");
        }
        return world.await(decision, "the station's decision on id token \"" + presented + "\"");
    }

    private void expectStart(boolean allowed) {
        AuthorizationDecision info = decision();
        if (info.mayStart() != allowed) {
            throw Expect.failure(world.station(), "the driver " + (allowed ? "may" : "may not")
                    + " start charging at EVSE " + evseId, "status " + info.status() + " with EVSEs "
                    + info.evseIds() + " and group " + Optional.ofNullable(info.groupIdToken()).orElse("(none)"));
        }
    }

    private Map<String, String> cache() {
        StationDriver station = world.station();
        world.pass(Duration.ZERO);
        return world.await(station.authorizationCache(), "the station's loop");
    }
}
