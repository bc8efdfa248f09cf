package io.ocppbdd.rpc;

import io.ocppbdd.testing.ProvokesSchemaViolations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.concurrent.SerialExecutor;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Call;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.HeartbeatRequest;
import io.ocppbdd.protocol.messages.HeartbeatResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Correlation, one outstanding CALL, timeouts and CALL dispatch of Part 4 §4, with the test as the peer. */
class RpcEndpointTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HEARTBEAT_ANSWER = "{\"currentTime\":\"2026-01-01T00:00:00Z\"}";

    private final ManualScheduler time = new ManualScheduler(START);
    private final SerialExecutor loop = new SerialExecutor();
    private final MessageTrace trace = new MessageTrace();
    private final RpcEndpoint endpoint = new RpcEndpoint("CS-1", loop, time, trace, () -> Duration.ofSeconds(30));
    private final RecordingConnection wire = new RecordingConnection();

    @BeforeEach
    void connect() {
        endpoint.attach(wire);
    }

    @Test
    @DisplayName("Part 4 §4.1.4: an answer is matched to its CALL by message id; answers to unknown ids are ignored")
    void answersAreMatchedById() throws Exception {
        CompletableFuture<ObjectNode> answer = endpoint.call(Action.Heartbeat, Json.object());
        String id = sentCall().messageId();

        peer("[3,\"not-" + id + "\"," + HEARTBEAT_ANSWER + "]");
        peer("[4,\"not-" + id + "\",\"GenericError\",\"\",{}]");
        assertThat(answer).isNotDone();

        peer("[3,\"" + id + "\"," + HEARTBEAT_ANSWER + "]");
        assertThat(answer.get(30, TimeUnit.SECONDS).path("currentTime").asText()).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("Part 4 §4.1.4: each CALL has a new message id of at most 36 characters")
    void messageIdsAreUniqueAndShort() throws Exception {
        endpoint.call(Action.Heartbeat, Json.object());
        String first = sentCall().messageId();
        answer(first, HEARTBEAT_ANSWER);
        endpoint.call(Action.Heartbeat, Json.object());
        String second = sentCall().messageId();

        assertThat(first).isNotEqualTo(second);
        assertThat(List.of(first, second)).allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(36));
    }

    @Test
    @DisplayName("Part 4 §4.1.1: a second CALL is not on the wire until the first is answered")
    void oneOutstandingCall() throws Exception {
        CompletableFuture<ObjectNode> first = endpoint.call(Action.Heartbeat, Json.object());
        CompletableFuture<ObjectNode> second = endpoint.call(Action.Heartbeat, Json.object());
        flush();

        assertThat(wire.sent()).hasSize(1);
        assertThat(endpoint.queuedCalls()).isEqualTo(1);
        String firstId = sentCall().messageId();
        answer(firstId, HEARTBEAT_ANSWER);
        String secondId = sentCall().messageId();

        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(trace.entries()).extracting(TraceEntry::direction, e -> decode(e.frame()).messageId())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Direction.SENT, firstId),
                        org.assertj.core.groups.Tuple.tuple(Direction.RECEIVED, firstId),
                        org.assertj.core.groups.Tuple.tuple(Direction.SENT, secondId));
    }

    @Test
    @DisplayName("Part 4 §4.1.1: a CALL times out after the message timeout, then the next queued CALL goes out")
    void timeoutReleasesTheNextCall() throws Exception {
        CompletableFuture<ObjectNode> first = endpoint.call(Action.Heartbeat, Json.object());
        CompletableFuture<ObjectNode> second = endpoint.call(Action.Heartbeat, Json.object());
        flush();
        String firstId = sentCall().messageId();

        time.advance(Duration.ofSeconds(29));
        assertThat(first).isNotDone();
        assertThat(wire.sent()).hasSize(1);

        time.advance(Duration.ofSeconds(1));
        CallFailedException failure = failure(first);
        assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.TIMEOUT);
        assertThat(failure).hasMessage("Heartbeat got no answer within 30 s");
        flush();
        assertThat(wire.sent()).hasSize(2);
        String secondId = sentCall().messageId();

        answer(firstId, HEARTBEAT_ANSWER);
        assertThat(second).as("a late answer to the timed-out CALL is ignored").isNotDone();
        answer(secondId, HEARTBEAT_ANSWER);
        assertThat(second.get(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    @DisplayName("Part 4 §4.1.1: the timeout is read before each CALL, so a changed MessageTimeout applies")
    void timeoutIsReadPerCall() throws Exception {
        Duration[] timeout = {Duration.ofSeconds(30)};
        RpcEndpoint other = new RpcEndpoint("CS-2", loop, time, trace, () -> timeout[0]);
        other.attach(new RecordingConnection());
        timeout[0] = Duration.ofSeconds(5);
        CompletableFuture<ObjectNode> answer = other.call(Action.Heartbeat, Json.object());
        flush();

        time.advance(Duration.ofSeconds(5));

        assertThat(failure(answer).reason()).isEqualTo(CallFailedException.Reason.TIMEOUT);
    }

    @Test
    @DisplayName("Part 4 §4.1.7: an answer that breaks the response schema fails the CALL with INVALID_RESPONSE naming the field")
    void invalidAnswerFailsTheCall() throws Exception {
        CompletableFuture<ObjectNode> first = endpoint.call(Action.Heartbeat, Json.object());
        CompletableFuture<ObjectNode> second = endpoint.call(Action.Heartbeat, Json.object());
        flush();

        answer(sentCall().messageId(), "{\"currentTime\":\"noon\"}");

        CallFailedException failure = failure(first);
        assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.INVALID_RESPONSE);
        assertThat(failure.getMessage()).contains("$.currentTime");
        assertThat(wire.sent()).as("the next CALL goes out").hasSize(2);
        assertThat(second).isNotDone();
    }

    @Test
    @DisplayName("Part 4 §4.2.2: a malformed CALLRESULT fails the CALL with INVALID_RESPONSE and gets no answer")
    void malformedAnswerFailsTheCall() throws Exception {
        CompletableFuture<ObjectNode> answer = endpoint.call(Action.Heartbeat, Json.object());
        String id = sentCall().messageId();

        peer("[3,\"" + id + "\",\"not an object\"]");

        assertThat(failure(answer).reason()).isEqualTo(CallFailedException.Reason.INVALID_RESPONSE);
        assertThat(wire.sent()).hasSize(1);
    }

    @Test
    @DisplayName("Part 4 §4.2.3: a CALLERROR answer fails the CALL with CALL_ERROR and keeps the error")
    void callErrorFailsTheCall() throws Exception {
        CompletableFuture<ObjectNode> answer = endpoint.call(Action.Heartbeat, Json.object());
        String id = sentCall().messageId();

        peer("[4,\"" + id + "\",\"NotSupported\",\"no heartbeats here\",{\"why\":\"test\"}]");

        CallFailedException failure = failure(answer);
        assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.CALL_ERROR);
        assertThat(failure.callError().errorCode()).isEqualTo(ErrorCode.NotSupported);
        assertThat(failure.callError().errorDetails().path("why").asText()).isEqualTo("test");
        assertThat(failure.getMessage()).contains("NotSupported", "no heartbeats here");
    }

    @ProvokesSchemaViolations
    @Test
    @DisplayName("Part 4 §4.1.7: a request that breaks its schema is never sent (INVALID_REQUEST)")
    void invalidRequestIsNotSent() throws Exception {
        CompletableFuture<ObjectNode> answer = endpoint.call(Action.BootNotification,
                Json.object().put("reason", "PowerUp"));
        flush();

        CallFailedException failure = failure(answer);
        assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.INVALID_REQUEST);
        assertThat(failure.getMessage()).contains("$.chargingStation");
        assertThat(wire.sent()).isEmpty();
        assertThat(trace.entries()).isEmpty();
        assertThat(trace.refusals()).as("kept for the scenario audit").singleElement().asString()
                .startsWith("BootNotification request not sent").contains("$.chargingStation");
    }

    @Test
    void notConnectedFailsAtOnce() throws Exception {
        RpcEndpoint unattached = new RpcEndpoint("CS-3", loop, time, trace, () -> Duration.ofSeconds(30));

        CallFailedException failure = failure(unattached.call(Action.Heartbeat, Json.object()));

        assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.NOT_CONNECTED);
        assertThat(failure).hasMessageContaining("CS-3 is not connected");
    }

    @Test
    @DisplayName("Part 4 §5.3: a lost connection fails the outstanding and the queued CALLs")
    void connectionLossFailsEveryCall() throws Exception {
        CompletableFuture<ObjectNode> first = endpoint.call(Action.Heartbeat, Json.object());
        CompletableFuture<ObjectNode> second = endpoint.call(Action.Heartbeat, Json.object());
        flush();

        endpoint.onClosed(1006, "gone");

        assertThat(failure(first).reason()).isEqualTo(CallFailedException.Reason.CONNECTION_LOST);
        assertThat(failure(second).reason()).isEqualTo(CallFailedException.Reason.CONNECTION_LOST);
        assertThat(failure(first)).hasMessageContaining("1006 gone");
        assertThat(endpoint.isConnected()).isFalse();
        assertThat(endpoint.whenIdle()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(time.pending()).as("the timeout of the lost CALL is called off").isZero();
    }

    @Test
    void typedCallReadsTheResponseClass() throws Exception {
        CompletableFuture<HeartbeatResponse> answer = endpoint.call(new HeartbeatRequest(), HeartbeatResponse.class);
        answer(sentCall().messageId(), HEARTBEAT_ANSWER);

        assertThat(answer.get(30, TimeUnit.SECONDS).getCurrentTime())
                .isEqualTo(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void whenIdleWaitsForTheAnswer() throws Exception {
        endpoint.call(Action.Heartbeat, Json.object());
        CompletableFuture<Void> idle = endpoint.whenIdle();
        flush();
        assertThat(idle).isNotDone();

        answer(sentCall().messageId(), HEARTBEAT_ANSWER);

        assertThat(idle).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("Part 4 §4.2.2: a handled CALL is answered with a CALLRESULT of the same message id")
    void handledCallIsAnswered() throws Exception {
        endpoint.handle(Action.ClearCache, call -> CompletableFuture.completedFuture(
                Reply.result(Json.object().put("status", "Accepted"))));

        peer("[2,\"c1\",\"ClearCache\",{}]");

        assertThat(wire.last()).isEqualTo(new CallResult("c1", Json.object().put("status", "Accepted")));
    }

    @Test
    @DisplayName("Part 4 §4.1.1 NOTE: a CALL from the peer is handled while our own CALL waits for its answer")
    void crossingCallsAreHandled() throws Exception {
        endpoint.handle(Action.ClearCache, call -> CompletableFuture.completedFuture(
                Reply.result(Json.object().put("status", "Accepted"))));
        CompletableFuture<ObjectNode> own = endpoint.call(Action.Heartbeat, Json.object());
        String id = sentCall().messageId();

        peer("[2,\"c1\",\"ClearCache\",{}]");
        assertThat(wire.last().messageId()).isEqualTo("c1");
        answer(id, HEARTBEAT_ANSWER);

        assertThat(own).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void asynchronousHandlerAnswersLater() throws Exception {
        CompletableFuture<Reply> later = new CompletableFuture<>();
        endpoint.handle(Action.ClearCache, call -> later);
        peer("[2,\"c1\",\"ClearCache\",{}]");
        assertThat(wire.sent()).isEmpty();

        later.complete(Reply.result(Json.object().put("status", "Rejected")));
        flush();

        assertThat(wire.last()).isEqualTo(new CallResult("c1", Json.object().put("status", "Rejected")));
    }

    @Test
    @DisplayName("Part 4 Table 8: a handler throwing OcppException answers with its error code")
    void handlerErrorCode() throws Exception {
        endpoint.handle(Action.ClearCache, call -> {
            throw new OcppException(ErrorCode.GenericError, "cache is busy");
        });

        peer("[2,\"c1\",\"ClearCache\",{}]");

        assertThat(wire.last()).isEqualTo(CallError.of("c1", ErrorCode.GenericError, "cache is busy"));
    }

    @ProvokesSchemaViolations
    @Test
    @DisplayName("Part 4 Table 8: InternalError when a handler fails or builds an invalid response")
    void internalErrors() throws Exception {
        endpoint.handle(Action.ClearCache, call -> {
            throw new IllegalStateException("boom");
        });
        endpoint.handle(Action.Reset, call -> CompletableFuture.completedFuture(
                Reply.result(Json.object().put("status", "Maybe"))));

        peer("[2,\"c1\",\"ClearCache\",{}]");
        assertThat(((CallError) wire.last()).errorCode()).isEqualTo(ErrorCode.InternalError);
        peer("[2,\"c2\",\"Reset\",{\"type\":\"Immediate\"}]");
        assertThat(((CallError) wire.last()).errorCode()).isEqualTo(ErrorCode.InternalError);
        assertThat(wire.last().messageId()).isEqualTo("c2");
    }

    @Test
    @DisplayName("Part 4 Table 8: NotImplemented for an unknown action, NotSupported for a known one without handler")
    void unknownAndUnsupportedActions() throws Exception {
        peer("[2,\"c1\",\"FooBar\",{}]");
        assertThat(((CallError) wire.last()).errorCode()).isEqualTo(ErrorCode.NotImplemented);
        peer("[2,\"c2\",\"ClearCache\",{}]");
        assertThat(((CallError) wire.last()).errorCode()).isEqualTo(ErrorCode.NotSupported);
    }

    @Test
    @DisplayName("Part 4 §4.1.7: a CALL that breaks its schema is answered with the violation's code and field")
    void invalidIncomingCall() throws Exception {
        endpoint.handle(Action.Reset, call -> {
            throw new AssertionError("an invalid CALL must not reach its handler");
        });

        peer("[2,\"c1\",\"Reset\",{\"type\":\"Sometime\"}]");

        CallError error = (CallError) wire.last();
        assertThat(error.errorCode()).isEqualTo(ErrorCode.PropertyConstraintViolation);
        assertThat(error.errorDescription()).startsWith("$.type: ");
    }

    @Test
    void rawAndSilentReplies() throws Exception {
        endpoint.handle(Action.ClearCache, call -> CompletableFuture.completedFuture(new Reply.Raw("[3,\"odd\",{}]")));
        endpoint.handle(Action.Reset, call -> CompletableFuture.completedFuture(new Reply.Silence()));

        peer("[2,\"c1\",\"ClearCache\",{}]");
        assertThat(wire.sent()).containsExactly("[3,\"odd\",{}]");
        peer("[2,\"c2\",\"Reset\",{\"type\":\"Immediate\"}]");
        assertThat(wire.sent()).hasSize(1);
    }

    @Test
    @DisplayName("B03.FR.08: the call gate refuses every incoming CALL, even one that has no handler")
    void gateRefusesFirst() throws Exception {
        endpoint.setCallGate(call -> {
            throw new OcppException(ErrorCode.SecurityError, "rejected");
        });
        endpoint.handle(Action.ClearCache, call -> {
            throw new AssertionError("a refused CALL must not reach its handler");
        });

        peer("[2,\"c1\",\"ClearCache\",{}]");
        assertThat(wire.last()).isEqualTo(CallError.of("c1", ErrorCode.SecurityError, "rejected"));
        peer("[2,\"c2\",\"SetDisplayMessage\",{}]");
        assertThat(wire.last()).isEqualTo(CallError.of("c2", ErrorCode.SecurityError, "rejected"));
    }

    @Test
    @DisplayName("Part 4 §4.2.3: a frame whose id cannot be read is answered with id \"-1\"; the endpoint goes on")
    void malformedFrameIsAnsweredAndSurvived() throws Exception {
        peer("this is not JSON");
        assertThat(wire.last()).isEqualTo(CallError.of("-1", ErrorCode.RpcFrameworkError,
                ((CallError) wire.last()).errorDescription()));

        CompletableFuture<ObjectNode> answer = endpoint.call(Action.Heartbeat, Json.object());
        answer(sentCall().messageId(), HEARTBEAT_ANSWER);
        assertThat(answer).succeedsWithin(Duration.ofSeconds(5));
    }

    private void peer(String text) throws Exception {
        endpoint.onText(text);
        flush();
    }

    private void answer(String messageId, String payload) throws Exception {
        peer(FrameCodec.encode(new CallResult(messageId, (ObjectNode) Json.parse(payload))));
    }

    private Call sentCall() throws Exception {
        flush();
        return (Call) wire.last();
    }

    /** Waits until every task given to the endpoint's loop has run, and those they queued (handler answers). */
    private void flush() throws Exception {
        CompletableFuture.runAsync(() -> { }, loop).get(30, TimeUnit.SECONDS);
        CompletableFuture.runAsync(() -> { }, loop).get(30, TimeUnit.SECONDS);
    }

    private static Frame decode(String text) {
        try {
            return FrameCodec.decode(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static CallFailedException failure(CompletableFuture<?> future) {
        Exception e = catchThrowableOfType(Exception.class, () -> future.get(30, TimeUnit.SECONDS));
        assertThat(e).as("the call should have failed").isNotNull();
        assertThat(e.getCause()).isInstanceOf(CallFailedException.class);
        return (CallFailedException) e.getCause();
    }
}
