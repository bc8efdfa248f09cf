package io.ocppbdd.csms;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.SchemaValidator;
import io.ocppbdd.protocol.messages.AuthorizeRequest;
import io.ocppbdd.protocol.messages.AuthorizeResponse;
import io.ocppbdd.protocol.messages.HeartbeatRequest;
import io.ocppbdd.protocol.messages.HeartbeatResponse;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.rpc.CallFailedException;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.RawWebSocketClient;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedCsmsTest {

    private final TestHarness harness = new TestHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    @DisplayName("the default answer to every station request is valid against its schema, even on a whole minute")
    void defaultAnswersAreSchemaValid(Action action) {
        if (!action.sentByStation()) {
            return;
        }
        Clock wholeMinute = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
        assertThat(SchemaValidator.instance().checkResponse(action,
                DefaultAnswers.answer(action, Json.object(), wholeMinute))).isEmpty();
    }

    @Test
    @DisplayName("a stub changes the default answer; the newest matching stub wins; once-stubs are used up")
    void stubsAnswerNewestFirstAndOnce() {
        harness.csms.stubFor(Stub.on(Action.Heartbeat).willReturn(Json.object().put("currentTime", "2030-01-01T00:00:00Z")));
        harness.csms.stubFor(Stub.on(Action.Heartbeat).once()
                .willReturn(Json.object().put("currentTime", "2031-01-01T00:00:00Z")));
        ChargingStation station = harness.connect("CS-STUB").simulator();

        assertThat(heartbeat(station).getCurrentTime().getYear()).isEqualTo(2031);
        assertThat(heartbeat(station).getCurrentTime().getYear()).isEqualTo(2030);
    }

    @Test
    @DisplayName("a stub for one station and one payload shape leaves other requests to the default")
    void stubsMatchStationAndPayload() {
        harness.csms.stubFor(Stub.on(Action.BootNotification).forStation("CS-OTHER")
                .willReturnFields(Map.of("status", "Rejected")));
        harness.csms.stubFor(Stub.on(Action.BootNotification).when(p -> p.path("reason").asText().equals("Watchdog"))
                .willReturnFields(Map.of("status", "Rejected")));
        ChargingStation station = harness.connect("CS-MATCH").simulator();

        harness.nth(station.id(), Action.StatusNotification, 1);
    }

    @Test
    @DisplayName("a stub can answer with a CALLERROR, with silence (the station times out) or after a delay")
    void errorsSilenceAndDelay() throws Exception {
        ChargingStation station = harness.connect("CS-FAULTS").simulator();
        harness.nth(station.id(), Action.StatusNotification, 1);

        harness.csms.stubFor(Stub.on(Action.Heartbeat).once().willFailWith(ErrorCode.InternalError, "down"));
        assertThat(failure(station.send(new HeartbeatRequest(), HeartbeatResponse.class)).callError().errorCode())
                .isEqualTo(ErrorCode.InternalError);

        harness.csms.stubFor(Stub.on(Action.Heartbeat).once().willNotAnswer());
        CompletableFuture<HeartbeatResponse> unanswered = station.send(new HeartbeatRequest(), HeartbeatResponse.class);
        harness.csms.request(station.id(), Action.Heartbeat, r -> harness.csms.requests(station.id(),
                Action.Heartbeat).size() == 2).get(30, TimeUnit.SECONDS);
        harness.jump(Duration.ofSeconds(30));
        assertThat(failure(unanswered).reason()).isEqualTo(CallFailedException.Reason.TIMEOUT);

        harness.csms.stubFor(Stub.on(Action.Heartbeat).once().after(Duration.ofSeconds(5)));
        CompletableFuture<HeartbeatResponse> delayed = station.send(new HeartbeatRequest(), HeartbeatResponse.class);
        harness.csms.request(station.id(), Action.Heartbeat, r -> harness.csms.requests(station.id(),
                Action.Heartbeat).size() == 3).get(30, TimeUnit.SECONDS);
        assertThat(delayed).isNotDone();
        harness.jump(Duration.ofSeconds(5));
        assertThat(delayed.get(30, TimeUnit.SECONDS).getCurrentTime()).isNotNull();
    }

    @Test
    @DisplayName("B01.FR.10, B02.FR.09, B03.FR.07: the CSMS answers SecurityError to requests of a station it has not accepted")
    void securityErrorBeforeAcceptance() throws Exception {
        harness.csms.stubFor(Stub.on(Action.BootNotification).once().willReturnFields(Map.of("status", "Pending")));
        try (RawWebSocketClient client = RawWebSocketClient.connect(harness.csms.url(), "CS-EARLY")) {
            assertThat(client.exchange("[2,\"hb-1\",\"Heartbeat\",{}]")).startsWith("[4,\"hb-1\",\"SecurityError\"");
            String boot = "[2,\"boot-%d\",\"BootNotification\",{\"reason\":\"PowerUp\","
                    + "\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}]";
            assertThat(client.exchange(boot.formatted(1))).contains("\"status\":\"Pending\"");
            assertThat(client.exchange("[2,\"hb-2\",\"Heartbeat\",{}]")).startsWith("[4,\"hb-2\",\"SecurityError\"");
            assertThat(client.exchange(boot.formatted(2))).contains("\"status\":\"Accepted\"");
            assertThat(client.exchange("[2,\"hb-3\",\"Heartbeat\",{}]")).startsWith("[3,\"hb-3\",{\"currentTime\"");
        }
    }

    @Test
    @DisplayName("a station request of an action only a CSMS sends is answered NotSupported")
    void csmsActionFromStationIsNotSupported() throws Exception {
        try (RawWebSocketClient client = RawWebSocketClient.connect(harness.csms.url(), "CS-CONFUSED")) {
            assertThat(client.exchange("[2,\"r-1\",\"ClearCache\",{}]")).startsWith("[4,\"r-1\",\"NotSupported\"");
        }
    }

    @Test
    @DisplayName("Basic auth: the CSMS admits a station with the right password only")
    void basicAuth() {
        harness.csms.requirePassword("CS-AUTH", "right-one");
        StationState wrong = StationState.defaults("CS-AUTH");
        wrong.getCsms().setSecurityProfile(1);
        wrong.getDeviceModel().put("SecurityCtrlr.BasicAuthPassword", "wrong-one");
        ChargingStation refused = ChargingStation.builder(wrong).csmsUrl(harness.csms.url()).build();
        assertThatThrownBy(() -> refused.start().get(30, TimeUnit.SECONDS)).hasMessageContaining("refused");
        refused.stop();

        StationState right = StationState.defaults("CS-AUTH");
        right.getCsms().setSecurityProfile(1);
        right.getDeviceModel().put("SecurityCtrlr.BasicAuthPassword", "right-one");
        ChargingStation admitted = harness.connect(right, null).simulator();
        harness.nth(admitted.id(), Action.BootNotification, 1);
    }

    @Test
    @DisplayName("a once() stub answers exactly one of two real stations racing for it, 100 races over")
    void onceStubUnderRace() {
        ChargingStation first = harness.connect("CS-RACE-1").simulator();
        ChargingStation second = harness.connect("CS-RACE-2").simulator();
        for (int round = 0; round < 100; round++) {
            harness.csms.stubFor(Stub.action(Action.Heartbeat).once()
                    .willReturn(Json.object().put("currentTime", "2031-01-01T00:00:00Z")));
            CompletableFuture<HeartbeatResponse> one = first.send(new HeartbeatRequest(), HeartbeatResponse.class);
            CompletableFuture<HeartbeatResponse> two = second.send(new HeartbeatRequest(), HeartbeatResponse.class);
            long stubbed = Stream.of(one, two).map(TestHarness::join)
                    .filter(answer -> answer.getCurrentTime().getYear() == 2031).count();
            assertThat(stubbed).as("round %d: answers from the once stub", round).isEqualTo(1);
            assertThat(harness.csms.stubs()).isEmpty();
        }
    }

    @Test
    @DisplayName("verify passes on the right count and otherwise names the nearest misses and why each missed")
    void verifyWithNearMisses() {
        ChargingStation station = harness.connect("CS-VERIFY").simulator();
        TestHarness.join(station.send(authorize("GOOD"), AuthorizeResponse.class));
        TestHarness.join(station.send(authorize("ALSO-GOOD"), AuthorizeResponse.class));

        harness.csms.verify("CS-VERIFY", 2, Action.Authorize);
        harness.csms.verify("CS-VERIFY", 1, Action.Authorize, RequestMatcher.at("/idToken/idToken", "GOOD"));
        assertThatThrownBy(() -> harness.csms.verify("CS-VERIFY", 1, Action.Authorize,
                RequestMatcher.at("/idToken/idToken", "BAD")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected exactly 1 Authorize from CS-VERIFY where /idToken/idToken = \"BAD\","
                        + " but 0 came.\nNearest misses:\n  Authorize from CS-VERIFY at ")
                .hasMessageContaining(": /idToken/idToken is \"ALSO-GOOD\"\n  Authorize from CS-VERIFY")
                .hasMessageContaining(": /idToken/idToken is \"GOOD\"\n  StatusNotification from CS-VERIFY")
                .hasMessageContaining(": it is BootNotification, /idToken/idToken is absent");
        assertThatThrownBy(() -> harness.csms.verify("CS-VERIFY", 0, Action.Authorize,
                RequestMatcher.field("idToken", Json.parse("{\"idToken\":\"GOOD\",\"type\":\"ISO14443\"}"))))
                .hasMessageContaining("but 1 came.\nMatching:\n  Authorize from CS-VERIFY");
    }

    @Test
    @DisplayName("a removed stub answers no more; reset forgets stubs and recorded requests")
    void removeStubAndReset() {
        ChargingStation station = harness.connect("CS-REMOVE").simulator();
        Stub invalid = harness.csms.stubFor(Stub.action(Action.Authorize).where("/idToken/idToken", "BAD")
                .willReturn(p -> p.putObject("idTokenInfo").put("status", "Invalid")));
        assertThat(harness.csms.stubs()).containsExactly(invalid);
        assertThat(status(station, "BAD")).isEqualTo("Invalid");

        assertThat(harness.csms.removeStub(invalid.id())).isTrue();
        assertThat(status(station, "BAD")).isEqualTo("Accepted");

        harness.csms.stubFor(invalid);
        harness.csms.reset();
        assertThat(harness.csms.stubs()).isEmpty();
        assertThat(harness.csms.requests("CS-REMOVE")).isEmpty();
    }

    private static AuthorizeRequest authorize(String token) {
        return new AuthorizeRequest().withIdToken(new IdToken().withIdToken(token).withType(IdTokenEnum.ISO_14443));
    }

    private static String status(ChargingStation station, String token) {
        return TestHarness.join(station.send(authorize(token), AuthorizeResponse.class)).getIdTokenInfo()
                .getStatus().value();
    }

    private static HeartbeatResponse heartbeat(ChargingStation station) {
        return TestHarness.join(station.send(new HeartbeatRequest(), HeartbeatResponse.class));
    }

    private static CallFailedException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (CallFailedException) e.getCause();
        }
        throw new AssertionError("expected the call to fail");
    }
}
