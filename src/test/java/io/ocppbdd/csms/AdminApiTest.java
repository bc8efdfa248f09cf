package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizeRequest;
import io.ocppbdd.protocol.messages.AuthorizeResponse;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.ProvokesSchemaViolations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin HTTP API over real HTTP, driving a real station connected over a real WebSocket. */
class AdminApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedCsms csms;
    private AdminApi admin;
    private ChargingStation station;

    @BeforeEach
    void start() {
        csms = EmbeddedCsms.start();
        admin = AdminApi.start(csms, "127.0.0.1", 0);
        station = ChargingStation.builder(StationState.defaults("CS-001")).csmsUrl(csms.url()).build();
        station.start().join();
        csms.request("CS-001", Action.BootNotification, RequestMatcher.any()).join();
    }

    @AfterEach
    void stop() {
        station.close();
        admin.close();
        csms.close();
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.parse(response.body()));
    }

    private record Answer(int status, JsonNode json) {
    }

    @Test
    @DisplayName("lists connected stations, and no duplicate connection")
    void listsStations() throws Exception {
        Answer stations = send("GET", "/stations", null);
        assertThat(stations.status()).isEqualTo(200);
        assertThat(stations.json().toString()).isEqualTo("{\"stations\":[\"CS-001\"],\"duplicateConnections\":[]}");
    }

    @Test
    @DisplayName("sends a CSMS-initiated CALL and answers with the station's CALLRESULT (B06 GetVariables)")
    void sendsACallAndGivesTheAnswer() throws Exception {
        Answer answer = send("POST", "/stations/CS-001/calls/GetVariables", """
                {"getVariableData": [{"component": {"name": "OCPPCommCtrlr"},
                                      "variable": {"name": "HeartbeatInterval"}}]}""");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/result/getVariableResult/0/attributeStatus").asText()).isEqualTo("Accepted");
    }

    @Test
    @DisplayName("gives the station's CALLERROR as JSON (Part 4 §4.2.3)")
    void givesTheStationsCallError() throws Exception {
        Answer answer = send("POST", "/stations/CS-001/calls/CertificateSigned",
                "{\"certificateChain\": \"not a certificate\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/error/code").asText()).isNotEmpty();
    }

    @Test
    @ProvokesSchemaViolations
    @DisplayName("refuses bad requests with 400 and one line (an invalid payload is never sent), an unknown station "
            + "with 404")
    void refusesBadRequests() throws Exception {
        Answer notJson = send("POST", "/stations/CS-001/calls/Reset", "{type:");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").asText()).startsWith("not valid JSON").doesNotContain("\n");
        Answer invalid = send("POST", "/stations/CS-001/calls/Reset", "{\"type\": \"Sometime\"}");
        assertThat(invalid.status()).isEqualTo(400);
        Answer stationAction = send("POST", "/stations/CS-001/calls/Heartbeat", "{}");
        assertThat(stationAction.status()).isEqualTo(400);
        assertThat(stationAction.json().path("error").asText()).isEqualTo("Heartbeat is sent by a station, not by a CSMS");
        Answer unknownAction = send("POST", "/stations/CS-001/calls/Restart", "{}");
        assertThat(unknownAction.json().path("error").asText()).contains("'Restart' is not an OCPP 2.0.1 action");
        Answer badStub = send("POST", "/stubs", "{\"action\": \"Authorize\", \"willAnswer\": {}}");
        assertThat(badStub.status()).isEqualTo(400);
        assertThat(badStub.json().path("error").asText()).startsWith("unknown stub key 'willAnswer'");
        assertThat(send("POST", "/stations/CS-999/calls/Reset", "{\"type\": \"Immediate\"}").status())
                .isEqualTo(404);
        assertThat(send("GET", "/nothing", null).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("a stub set over HTTP answers the station (C01.FR.02 Invalid), once; DELETE resets it")
    void setsAndResetsStubs() throws Exception {
        Answer added = send("POST", "/stubs", """
                {"action": "Authorize", "where": {"/idToken/idToken": "0BAD0BAD"},
                 "willReturnFields": {"idTokenInfo": {"status": "Invalid"}}, "once": true}""");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("stub").asText()).isEqualTo("Authorize where /idToken/idToken = \"0BAD0BAD\", once");
        assertThat(send("GET", "/stubs", null).json().path("stubs")).hasSize(1);

        assertThat(authorize("0BAD0BAD")).isEqualTo(AuthorizationStatusEnum.INVALID);
        assertThat(authorize("0BAD0BAD")).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

        send("POST", "/stubs", "{\"action\": \"Authorize\", \"willReturnFields\": "
                + "{\"idTokenInfo\": {\"status\": \"Blocked\"}}}");
        assertThat(authorize("0A0B0C0D")).isEqualTo(AuthorizationStatusEnum.BLOCKED);
        assertThat(send("DELETE", "/stubs", null).json().path("removed").asInt()).as("the once stub is used up")
                .isEqualTo(1);
        assertThat(authorize("0A0B0C0D")).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
    }

    @Test
    @DisplayName("keeps stubs that were there before the API (a profile's answers) on DELETE /stubs; removes one by id")
    void keepsEarlierStubs() throws Exception {
        Stub earlier = csms.stubFor(Stub.on(Action.Authorize)
                .willReturnFields(Map.of("idTokenInfo", Map.of("status", "Expired"))));
        send("DELETE", "/stubs", null);
        assertThat(authorize("0A0B0C0D")).isEqualTo(AuthorizationStatusEnum.EXPIRED);
        assertThat(send("DELETE", "/stubs/" + earlier.id(), null).status()).isEqualTo(200);
        assertThat(send("DELETE", "/stubs/" + earlier.id(), null).status()).isEqualTo(404);
        assertThat(authorize("0A0B0C0D")).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
    }

    @Test
    @DisplayName("reads recorded requests per station and per action")
    void readsRecordedRequests() throws Exception {
        authorize("0A0B0C0D");
        JsonNode all = send("GET", "/stations/CS-001/requests", null).json().path("requests");
        assertThat(all.findValuesAsText("action")).startsWith("BootNotification").contains("Authorize");
        JsonNode authorizations = send("GET", "/stations/CS-001/requests/Authorize", null).json().path("requests");
        assertThat(authorizations).hasSize(1);
        assertThat(authorizations.get(0).at("/payload/idToken/idToken").asText()).isEqualTo("0A0B0C0D");
        assertThat(send("GET", "/stations/CS-002/requests", null).json().path("requests")).isEmpty();
    }

    private AuthorizationStatusEnum authorize(String idToken) {
        return station.send(new AuthorizeRequest().withIdToken(new IdToken().withIdToken(idToken)
                .withType(IdTokenEnum.ISO_14443)), AuthorizeResponse.class).join().getIdTokenInfo().getStatus();
    }
}
