package io.ocppbdd.rpc;

import io.ocppbdd.testing.OversizedFrames;
import io.ocppbdd.testing.RawWebSocketClient;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The CSMS side of OCPP-J over a real socket: a raw JDK WebSocket plays a misbehaving station against the
 * embedded CSMS.
 */
class CsmsCallErrorTest {

    private static final String BOOT = "{\"reason\":\"PowerUp\",\"chargingStation\":"
            + "{\"model\":\"Raw\",\"vendorName\":\"Test\"}}";

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final EmbeddedCsms csms = EmbeddedCsms.start("127.0.0.1", 0, null, time);

    @AfterEach
    void stop() {
        csms.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("Part 4 Table 8: the CSMS answers a malformed CALL with the right CALLERROR and goes on")
    @CsvSource(delimiter = '|', value = {
            "RpcFrameworkError             | not JSON                | -1 | hello",
            "ProtocolError                 | CALL of 5 elements      | r2 | [2,\"r2\",\"Heartbeat\",{},{}]",
            "FormatViolation               | payload a string        | r3 | [2,\"r3\",\"Heartbeat\",\"{}\"]",
            "NotImplemented                | unknown action FooBar   | r4 | [2,\"r4\",\"FooBar\",{}]",
            "NotSupported                  | a CSMS-only action      | r5 | [2,\"r5\",\"ClearCache\",{}]",
            "OccurrenceConstraintViolation | BootNotification empty  | r6 | [2,\"r6\",\"BootNotification\",{}]",
            "TypeConstraintViolation       | reason a number         | r7 "
                    + "| [2,\"r7\",\"BootNotification\",{\"reason\":1,\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}]",
            "PropertyConstraintViolation   | reason not in the enum  | r8 "
                    + "| [2,\"r8\",\"BootNotification\",{\"reason\":\"Bored\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}]",
            "MessageTypeNotSupported       | message type 6          | r9 | [6,\"r9\",\"Heartbeat\",{}]"})
    void malformedCallIsAnswered(ErrorCode code, String why, String answerId, String frame) throws Exception {
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-1")) {
            CallError answer = (CallError) FrameCodec.decode(station.exchange(frame));

            assertThat(answer.errorCode()).as(why).isEqualTo(code);
            assertThat(answer.messageId()).as(why).isEqualTo(answerId);
            assertThat(station.exchange("[2,\"boot\",\"BootNotification\"," + BOOT + "]"))
                    .as("the connection still works").startsWith("[3,\"boot\",");
        }
    }

    static Stream<Arguments> pastTheReadersLimits() {
        return OversizedFrames.calls("big");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastTheReadersLimits")
    @DisplayName("Part 4 §4.2.3/§4.3: the CSMS answers a CALL past the JSON reader's limits and goes on")
    void callBeyondTheReadersLimitsIsAnswered(String why, String frame, String answerId, ErrorCode code,
                                              String limit) throws Exception {
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-BIG")) {
            CallError answer = (CallError) FrameCodec.decode(station.exchange(frame));

            assertThat(answer.errorCode()).as(why).isEqualTo(code);
            assertThat(answer.messageId()).as(why).isEqualTo(answerId);
            assertThat(answer.errorDescription()).as(why).contains(limit);
            assertThat(station.exchange("[2,\"boot\",\"BootNotification\"," + BOOT + "]"))
                    .as("the connection still works").startsWith("[3,\"boot\",");
        }
    }

    @Test
    @DisplayName("Part 4 §4.2.3: a CALL whose message id is still being handled gets RpcFrameworkError, "
            + "the first one its CALLRESULT")
    void duplicateMessageIdInFlight() throws Exception {
        csms.stubFor(Stub.on(Action.BootNotification).after(Duration.ofSeconds(10)));
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-DUP")) {
            String boot = "[2,\"d1\",\"BootNotification\"," + BOOT + "]";
            station.send(boot);

            CallError duplicate = (CallError) FrameCodec.decode(station.exchange(boot));
            time.advance(Duration.ofSeconds(10));

            assertThat(duplicate.errorCode()).isEqualTo(ErrorCode.RpcFrameworkError);
            assertThat(duplicate.messageId()).isEqualTo("d1");
            assertThat(station.next()).startsWith("[3,\"d1\",");
            assertThat(station.exchange("[2,\"h1\",\"Heartbeat\",{}]"))
                    .as("no second CALLRESULT for d1").startsWith("[3,\"h1\",");
        }
    }

    @Test
    @DisplayName("B02.FR.09 SecurityError: a Pending station's own CALL is refused; after Accepted it is answered")
    void securityErrorUntilAccepted() throws Exception {
        csms.stubFor(Stub.on(Action.BootNotification).willReturnFields(Map.of("status", "Pending")).once());
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-2")) {
            assertThat(station.exchange("[2,\"b1\",\"BootNotification\"," + BOOT + "]")).contains("Pending");
            CallError refused = (CallError) FrameCodec.decode(station.exchange("[2,\"h1\",\"Heartbeat\",{}]"));
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.SecurityError);

            assertThat(station.exchange("[2,\"b2\",\"BootNotification\"," + BOOT + "]")).contains("Accepted");
            assertThat(FrameCodec.decode(station.exchange("[2,\"h2\",\"Heartbeat\",{}]")))
                    .isInstanceOf(CallResult.class);
        }
    }

    @Test
    @DisplayName("Part 4 §4.1.1: the CSMS sends its second CALL only after the first is answered (trace order)")
    void csmsKeepsOneCallOutstanding() throws Exception {
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-3")) {
            awaitConnected("RAW-3");
            CompletableFuture<ObjectNode> first = csms.send("RAW-3", Action.ClearCache, Json.object());
            CompletableFuture<ObjectNode> second = csms.send("RAW-3", Action.ClearCache, Json.object());

            Call call1 = (Call) FrameCodec.decode(station.next());
            station.send("[3,\"" + call1.messageId() + "\",{\"status\":\"Accepted\"}]");
            Call call2 = (Call) FrameCodec.decode(station.next());
            station.send("[3,\"" + call2.messageId() + "\",{\"status\":\"Rejected\"}]");

            assertThat(first.get(30, TimeUnit.SECONDS).path("status").asText()).isEqualTo("Accepted");
            assertThat(second.get(30, TimeUnit.SECONDS).path("status").asText()).isEqualTo("Rejected");
            assertThat(csms.trace().entries()).extracting(e -> e.direction() + " " + decode(e.frame()).messageId())
                    .containsExactly("SENT " + call1.messageId(), "RECEIVED " + call1.messageId(),
                            "SENT " + call2.messageId(), "RECEIVED " + call2.messageId());
        }
    }

    @Test
    @DisplayName("Part 4 §4.1.1: an unanswered CSMS CALL times out, then the queued one goes out")
    void csmsCallTimesOut() throws Exception {
        csms.messageTimeout(Duration.ofSeconds(20));
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-4")) {
            awaitConnected("RAW-4");
            CompletableFuture<ObjectNode> first = csms.send("RAW-4", Action.ClearCache, Json.object());
            CompletableFuture<ObjectNode> second = csms.send("RAW-4", Action.ClearCache, Json.object());
            Call call1 = (Call) FrameCodec.decode(station.next());

            time.advance(Duration.ofSeconds(20));

            ExecutionException timedOut = catchThrowableOfType(ExecutionException.class,
                    () -> first.get(30, TimeUnit.SECONDS));
            assertThat(((CallFailedException) timedOut.getCause()).reason())
                    .isEqualTo(CallFailedException.Reason.TIMEOUT);
            Call call2 = (Call) FrameCodec.decode(station.next());
            assertThat(call2.messageId()).isNotEqualTo(call1.messageId());
            station.send("[3,\"" + call2.messageId() + "\",{\"status\":\"Accepted\"}]");
            assertThat(second).succeedsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("Part 4 §4.1.7: a CALLRESULT that breaks the schema fails the CSMS's call with INVALID_RESPONSE")
    void invalidAnswerFromStation() throws Exception {
        try (RawWebSocketClient station = RawWebSocketClient.connect(csms.url(), "RAW-5")) {
            awaitConnected("RAW-5");
            CompletableFuture<ObjectNode> answer = csms.send("RAW-5", Action.ClearCache, Json.object());
            Call call = (Call) FrameCodec.decode(station.next());

            station.send("[3,\"" + call.messageId() + "\",{\"status\":\"Perhaps\"}]");

            ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                    () -> answer.get(30, TimeUnit.SECONDS));
            CallFailedException failure = (CallFailedException) failed.getCause();
            assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.INVALID_RESPONSE);
            assertThat(failure).hasMessageContaining("$.status");
        }
    }

    private void awaitConnected(String stationId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> csms.isConnected(stationId));
    }

    private static Frame decode(String text) {
        try {
            return FrameCodec.decode(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

}
