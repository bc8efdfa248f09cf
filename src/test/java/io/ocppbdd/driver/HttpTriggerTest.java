package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.ocppbdd.config.ConfigError;
import io.ocppbdd.config.YamlNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The http trigger against a WireMock server that plays a CSMS's API for CSMS-initiated messages. */
class HttpTriggerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final URI STATIONS = URI.create("ws://127.0.0.1:9/ocpp");
    private static final Map<String, String> ENVIRONMENT = Map.of("CSMS_TOKEN", "s3cret-token");

    private final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @TempDir
    Path folder;

    @BeforeEach
    void start() {
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private Path mapping(String actions) throws IOException {
        Path file = folder.resolve("csms-api.yaml");
        Files.writeString(file, """
                baseUrl: http://127.0.0.1:%d
                defaults:
                  headers:
                    Authorization: "Bearer ${CSMS_TOKEN}"
                  success:
                    status: [200]
                    json: {pointer: /0/success, equals: true}
                actions:
                %s""".formatted(api.port(), actions.indent(2)));
        return file;
    }

    private CsmsDriver driver(Path mapping) {
        return CsmsTriggers.http(STATIONS, YamlNode.read(mapping), Map.of("tenantId", "T 1"), ENVIRONMENT::get,
                Duration.ofSeconds(20));
    }

    private static ObjectNode reset() {
        return Json.object().put("type", "Immediate");
    }

    private static Throwable failure(CompletableFuture<Void> triggered) {
        return assertThat(triggered).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).actual()
                .getCause();
    }

    @Test
    @DisplayName("the API gets method, path with the station id, query with a profile value, the OCPP payload as "
            + "is and the token from the environment; its success answer completes the trigger")
    void requestShape() throws IOException {
        api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[{\"success\":true}]")));
        CsmsDriver driver = driver(mapping("Reset: {url: \"/ocpp/2.0.1/configuration/reset?identifier={stationId}"
                + "&tenantId={tenantId}\"}"));

        assertThat(driver.trigger("CS*01", Action.Reset, reset()).toCompletableFuture()).succeedsWithin(WAIT);

        api.verify(1, postRequestedFor(urlPathEqualTo("/ocpp/2.0.1/configuration/reset"))
                .withQueryParam("identifier", equalTo("CS*01"))
                .withQueryParam("tenantId", equalTo("T 1"))
                .withHeader("Authorization", equalTo("Bearer s3cret-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"type\":\"Immediate\"}")));
        assertThat(api.getAllServeEvents().get(0).getRequest().getUrl())
                .isEqualTo("/ocpp/2.0.1/configuration/reset?identifier=CS%2A01&tenantId=T%201");
        assertThat(driver.patience()).isEqualTo(Duration.ofSeconds(20));
        assertThat(driver.embedded()).isEmpty();
        assertThat(driver.url()).isEqualTo(STATIONS);
    }

    @Test
    @DisplayName("a body template wraps the payload; its text values are JSON-escaped; an action may change the "
            + "method and the statuses that count as success")
    void bodyTemplate() throws IOException {
        api.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        CsmsDriver driver = driver(mapping("""
                GetVariables:
                  method: PUT
                  url: /stations/{stationId}/commands
                  body: '{"action": "{action}", "tenant": "{tenantId}", "request": {payload}}'
                  success: {status: 202}"""));
        ObjectNode payload = (ObjectNode) Json.parse("{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                + "\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");

        assertThat(driver.trigger("CS-002", Action.GetVariables, payload).toCompletableFuture()).succeedsWithin(WAIT);

        api.verify(anyRequestedFor(urlEqualTo("/stations/CS-002/commands")).withRequestBody(equalToJson(
                "{\"action\": \"GetVariables\", \"tenant\": \"T 1\", \"request\": " + Json.write(payload) + "}")));
        assertThat(api.getAllServeEvents().get(0).getRequest().getMethod().getName()).isEqualTo("PUT");
    }

    @Test
    @DisplayName("an answer that is not a success fails the trigger with one line: status, a bit of the body, the "
            + "request and what to check, never the token")
    void failureAnswer() throws IOException {
        api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("[{\"success\":false,\"payload\":\"Station CS-003 is not connected\"}]")));
        CsmsDriver driver = driver(mapping("Reset: {url: \"/reset?station={stationId}&key=${CSMS_TOKEN}\"}"));

        Throwable failure = failure(driver.trigger("CS-003", Action.Reset, reset()).toCompletableFuture());

        assertThat(failure).isInstanceOf(CsmsTriggerFailed.class);
        assertThat(failure.getMessage()).doesNotContain("\n", "s3cret").contains(
                "did not take Reset for CS-003: HTTP 200 [{\"success\":false,\"payload\":\"Station CS-003 is not "
                        + "connected\"}] (expected /0/success = true)",
                "from POST http://127.0.0.1:" + api.port() + "/reset?station=CS-003&key=${CSMS_TOKEN}",
                "check that the CSMS knows the station", "csms-api.yaml:9");
    }

    @Test
    @DisplayName("an HTTP error status fails the trigger with the status and the body, shortened")
    void errorStatus() throws IOException {
        api.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404).withBody("x".repeat(1000))));
        CsmsDriver driver = driver(mapping("Reset: {url: /reset}"));

        Throwable failure = failure(driver.trigger("CS-004", Action.Reset, reset()).toCompletableFuture());

        assertThat(failure).isInstanceOf(CsmsTriggerFailed.class).hasMessageContaining("HTTP 404 xxx")
                .hasMessageContaining("x...").hasMessageNotContaining("x".repeat(201));
    }

    @Test
    @DisplayName("an API that cannot be reached fails the trigger naming the URL and what to check")
    void unreachable() throws IOException {
        CsmsDriver driver = driver(mapping("Reset: {url: /reset}"));
        api.stop();

        Throwable failure = failure(driver.trigger("CS-005", Action.Reset, reset()).toCompletableFuture());

        assertThat(failure).isInstanceOf(CsmsTriggerFailed.class).hasMessageContaining("could not reach the CSMS "
                + "API for Reset to CS-005").hasMessageContaining("/reset; is the API running?");
    }

    @Test
    @DisplayName("an action the mapping lacks cannot be triggered: CsmsCannotAct names the file and the action")
    void missingAction() throws IOException {
        CsmsDriver driver = driver(mapping("Reset: {url: /reset}"));

        Throwable failure = failure(driver.trigger("CS-006", Action.ClearCache, Json.object())
                .toCompletableFuture());

        assertThat(failure).isInstanceOf(CsmsCannotAct.class).hasMessage("the HTTP mapping " + folder.resolve(
                "csms-api.yaml") + ":8 has no entry for ClearCache, so the CSMS cannot be made to send it; add "
                + "ClearCache: {url: ...} under actions:");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("an environment variable the mapping needs and the run lacks: CsmsCannotAct naming it")
    void missingEnvironment() throws IOException {
        CsmsDriver driver = CsmsTriggers.http(STATIONS, YamlNode.read(mapping("Reset: {url: /reset}")), Map.of(),
                name -> null, Duration.ofSeconds(20));

        Throwable failure = failure(driver.trigger("CS-007", Action.Reset, reset()).toCompletableFuture());

        assertThat(failure).isInstanceOf(CsmsCannotAct.class).hasMessageContaining(
                "needs the environment variable CSMS_TOKEN, which is not set");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("a payload that breaks its schema is never ordered from the CSMS")
    void invalidPayload() throws IOException {
        CsmsDriver driver = driver(mapping("Reset: {url: /reset}"));

        Throwable failure = failure(driver.trigger("CS-008", Action.Reset, Json.object().put("type", "Soon"))
                .toCompletableFuture());

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                "Reset payload breaks the OCPP 2.0.1 schema: $.type");
        assertThat(api.getAllServeEvents()).isEmpty();
    }

    @Test
    @DisplayName("a mapping mistake is one line with file and line: an unknown placeholder, an unknown action, "
            + "a relative url without baseUrl")
    void badMapping() throws IOException {
        Path unknownValue = mapping("Reset: {url: \"/reset?site={siteId}\"}");
        assertThatThrownBy(() -> driver(unknownValue)).isInstanceOf(ConfigError.class).hasMessage(unknownValue
                + ":9: {siteId} is not stationId, action or a key under values: in the profile; add values: "
                + "{siteId: ...} to the profile");

        Path unknownAction = mapping("Authorize: {url: /authorize}");
        assertThatThrownBy(() -> driver(unknownAction)).isInstanceOf(ConfigError.class).hasMessageStartingWith(
                unknownAction + ":9: 'Authorize' is not an OCPP 2.0.1 action a CSMS sends");

        Path relative = folder.resolve("relative.yaml");
        Files.writeString(relative, "actions:\n  Reset:\n    url: /reset\n");
        assertThatThrownBy(() -> driver(relative)).isInstanceOf(ConfigError.class).hasMessageStartingWith(
                relative + ":3: url '/reset' is relative but the mapping has no baseUrl");
    }
}
