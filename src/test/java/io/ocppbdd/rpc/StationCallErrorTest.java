package io.ocppbdd.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.CallError;
import io.ocppbdd.protocol.CallResult;
import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Frame;
import io.ocppbdd.protocol.FrameCodec;
import io.ocppbdd.protocol.FrameException;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.OversizedFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every CALLERROR code of Part 4 Table 8, provoked by a real malformed frame that the embedded CSMS sends over a
 * real WebSocket to a real station; the station's answer is read from the CSMS's trace. After each, a valid CALL
 * is still answered: bad frames never break the connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationCallErrorTest {

    private static final String STATION = "CS-ERRORS";
    private static final String REJECTED = "CS-REJECTED";
    private static final String GET_VARIABLE_DATA =
            "[{\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]";

    private final CompletableFuture<Reply> costUpdatedAnswer = new CompletableFuture<>();
    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private EmbeddedCsms csms;
    private ChargingStation station;
    private ChargingStation rejected;

    @BeforeAll
    void startStations() throws Exception {
        csms = EmbeddedCsms.start();
        csms.stubFor(Stub.on(Action.BootNotification).forStation(REJECTED)
                .willReturnFields(Map.of("status", "Rejected")));
        station = ChargingStation.builder(StationState.defaults(STATION)).csmsUrl(csms.url()).scheduler(time)
                .module(context -> context.handle(Action.ClearCache, call -> {
                    throw new IllegalStateException("a handler bug, expected in this test");
                }))
                .module(context -> context.handle(Action.CostUpdated, call -> costUpdatedAnswer))
                .build();
        rejected = ChargingStation.builder(StationState.defaults(REJECTED)).csmsUrl(csms.url()).scheduler(time)
                .build();
        station.start().get(30, TimeUnit.SECONDS);
        rejected.start().get(30, TimeUnit.SECONDS);
        csms.request(STATION, Action.StatusNotification, r -> true).get(30, TimeUnit.SECONDS);
        csms.request(REJECTED, Action.BootNotification, r -> true).get(30, TimeUnit.SECONDS);
        station.whenIdle().get(30, TimeUnit.SECONDS);
        rejected.whenIdle().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() {
        station.stop();
        rejected.stop();
        csms.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("Part 4 Table 8: a malformed CALL gets the right CALLERROR and the connection goes on")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "RpcFrameworkError             | not JSON, id -1                | -1  | [2,\"e1",
            "FormatViolation               | payload cut short, id kept     | e1b | [2,\"e1b\",\"GetVariables\",{",
            "RpcFrameworkError             | not an array, id -1            | -1  | {\"messageId\":\"e2\"}",
            "FormatViolation               | payload not an object          | e3  | [2,\"e3\",\"GetVariables\",[]]",
            "FormatViolation               | additional property            | e4  "
                    + "| [2,\"e4\",\"GetVariables\",{\"getVariableData\":" + GET_VARIABLE_DATA + ",\"colour\":1}]",
            "ProtocolError                 | CALL of 3 elements             | e5  | [2,\"e5\",\"GetVariables\"]",
            "NotImplemented                | unknown action FooBar          | e6  | [2,\"e6\",\"FooBar\",{}]",
            "NotSupported                  | SetDisplayMessage, no handler  | e7  | [2,\"e7\",\"SetDisplayMessage\","
                    + "{\"message\":{\"id\":1,\"priority\":\"NormalCycle\","
                    + "\"message\":{\"format\":\"UTF8\",\"content\":\"Hello\"}}}]",
            "OccurrenceConstraintViolation | required getVariableData absent | e8 | [2,\"e8\",\"GetVariables\",{}]",
            "OccurrenceConstraintViolation | getVariableData empty          | e9  "
                    + "| [2,\"e9\",\"GetVariables\",{\"getVariableData\":[]}]",
            "TypeConstraintViolation       | getVariableData a string       | e10 "
                    + "| [2,\"e10\",\"GetVariables\",{\"getVariableData\":\"all\"}]",
            "PropertyConstraintViolation   | attributeType not in the enum  | e11 "
                    + "| [2,\"e11\",\"GetVariables\",{\"getVariableData\":[{\"component\":{\"name\":\"OCPPCommCtrlr\"},"
                    + "\"variable\":{\"name\":\"MessageTimeout\"},\"attributeType\":\"Sometimes\"}]}]",
            "PropertyConstraintViolation   | component name over 50 chars   | e12 "
                    + "| [2,\"e12\",\"GetVariables\",{\"getVariableData\":[{\"component\":{\"name\":"
                    + "\"ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJX\"},\"variable\":{\"name\":\"V\"}}]}]",
            "MessageTypeNotSupported       | message type 5                 | e13 | [5,\"e13\",\"GetVariables\",{}]"})
    void malformedCallIsAnswered(ErrorCode code, String why, String answerId, String frame) throws Exception {
        CallError answer = answerTo(STATION, answerId, frame);

        assertThat(answer.errorCode()).as(why).isEqualTo(code);
        assertThat(answer.errorDescription()).as(why).isNotEmpty().hasSizeLessThanOrEqualTo(255);
        assertThat(answer.errorDetails()).isEqualTo(Json.object());
        assertStillAnswers(STATION);
    }

    static Stream<Arguments> pastTheReadersLimits() {
        return OversizedFrames.calls("big");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastTheReadersLimits")
    @DisplayName("Part 4 §4.2.3/§4.3: a CALL past the JSON reader's limits is answered and the connection goes on")
    void callBeyondTheReadersLimitsIsAnswered(String why, String frame, String answerId, ErrorCode code,
                                              String limit) throws Exception {
        CallError answer = answerTo(STATION, answerId, frame);

        assertThat(answer.errorCode()).as(why).isEqualTo(code);
        assertThat(answer.errorDescription()).as(why).contains(limit);
        assertStillAnswers(STATION);
    }

    @Test
    @DisplayName("Part 4 Table 8: a schema CALLERROR names the offending field")
    void schemaErrorNamesTheField() throws Exception {
        CallError answer = answerTo(STATION, "f1", "[2,\"f1\",\"GetVariables\",{\"getVariableData\":[{\"component\":"
                + "{\"name\":\"OCPPCommCtrlr\"},\"variable\":{}}]}]");

        assertThat(answer.errorCode()).isEqualTo(ErrorCode.OccurrenceConstraintViolation);
        assertThat(answer.errorDescription()).startsWith("$.getVariableData[0].variable.name: ");
    }

    @Test
    @DisplayName("Part 4 §4.2.3: a CALL whose message id is still being handled gets RpcFrameworkError, "
            + "the first one its CALLRESULT")
    void duplicateMessageIdInFlight() throws Exception {
        String costUpdated = "[2,\"dup\",\"CostUpdated\",{\"totalCost\":1.5,\"transactionId\":\"T-1\"}]";
        csms.sendRaw(STATION, costUpdated);

        CallError duplicate = answerTo(STATION, "dup", costUpdated);
        CompletableFuture<Frame> result = received(STATION, frame -> frame instanceof CallResult);
        costUpdatedAnswer.complete(Reply.result(Json.object()));

        assertThat(duplicate.errorCode()).isEqualTo(ErrorCode.RpcFrameworkError);
        assertThat(duplicate.errorDescription()).contains("dup", "already");
        assertThat(result.get(30, TimeUnit.SECONDS).messageId()).isEqualTo("dup");
        assertStillAnswers(STATION);
        assertThat(station.trace().entries()).extracting(TraceEntry::frame)
                .filteredOn(frame -> frame.startsWith("[3,\"dup\"") || frame.startsWith("[4,\"dup\""))
                .as("one answer each: the CALLRESULT and the CALLERROR").hasSize(2);
    }

    @Test
    @DisplayName("Part 4 Table 8 InternalError: a handler that throws is answered InternalError")
    void internalError() throws Exception {
        CallFailedException failure = failure(csms.send(STATION, Action.ClearCache, Json.object()));

        assertThat(failure.reason()).isEqualTo(CallFailedException.Reason.CALL_ERROR);
        assertThat(failure.callError().errorCode()).isEqualTo(ErrorCode.InternalError);
        assertStillAnswers(STATION);
    }

    @Test
    @DisplayName("B03.FR.08 SecurityError: a Rejected station answers every CSMS CALL with SecurityError")
    void securityErrorWhileRejected() throws Exception {
        assertThat(rejected.bootStatus()).isEqualTo(BootStatus.REJECTED);

        CallFailedException failure = failure(csms.send(REJECTED, Action.GetVariables, getVariables()));
        CallError unsupported = answerTo(REJECTED, "s1", "[2,\"s1\",\"SetDisplayMessage\",{}]");

        assertThat(failure.callError().errorCode()).isEqualTo(ErrorCode.SecurityError);
        assertThat(unsupported.errorCode()).isEqualTo(ErrorCode.SecurityError);
        assertThat(csms.isConnected(REJECTED)).isTrue();
        assertThat(failure(csms.send(REJECTED, Action.GetVariables, getVariables())).callError().errorCode())
                .as("the connection still carries CALLs").isEqualTo(ErrorCode.SecurityError);
    }

    @Test
    @DisplayName("Part 4 §4.1.7: every frame the station sent in this test is valid OCPP-J")
    void everyStationFrameIsValid() throws Exception {
        assertStillAnswers(STATION);
        for (TraceEntry entry : station.trace().entries()) {
            if (entry.direction() == Direction.SENT) {
                Frame frame = FrameCodec.decode(entry.frame());
                assertThat(frame.messageId()).hasSizeLessThanOrEqualTo(Frame.MAX_MESSAGE_ID_LENGTH);
            }
        }
    }

    /** Sends a raw frame from the CSMS and returns the station's CALLERROR with that id, read from the trace. */
    private CallError answerTo(String stationId, String messageId, String frame) throws Exception {
        CompletableFuture<Frame> answer = received(stationId,
                received -> received instanceof CallError error && error.messageId().equals(messageId));
        csms.sendRaw(stationId, frame);
        return (CallError) answer.get(30, TimeUnit.SECONDS);
    }

    /** The next frame from the station that the CSMS's trace records and that is wanted. */
    private CompletableFuture<Frame> received(String stationId, Predicate<Frame> wanted) {
        CompletableFuture<Frame> next = new CompletableFuture<>();
        Consumer<TraceEntry> listener = entry -> {
            if (entry.direction() == Direction.RECEIVED && entry.endpoint().equals(stationId)) {
                Frame received = decode(entry.frame());
                if (wanted.test(received)) {
                    next.complete(received);
                }
            }
        };
        csms.trace().addListener(listener);
        return next.whenComplete((frame, failure) -> csms.trace().removeListener(listener));
    }

    private void assertStillAnswers(String stationId) throws Exception {
        ObjectNode answer = csms.send(stationId, Action.GetVariables, getVariables()).get(30, TimeUnit.SECONDS);

        assertThat(answer.path("getVariableResult").path(0).path("attributeStatus").asText()).isEqualTo("Accepted");
    }

    private static ObjectNode getVariables() {
        ObjectNode payload = Json.object();
        payload.set("getVariableData", Json.parse(GET_VARIABLE_DATA));
        return payload;
    }

    private static Frame decode(String text) {
        try {
            return FrameCodec.decode(text);
        } catch (FrameException e) {
            throw new AssertionError("station sent a malformed frame: " + text, e);
        }
    }

    private static CallFailedException failure(CompletableFuture<?> future) {
        Exception e = catchThrowableOfType(Exception.class, () -> future.get(30, TimeUnit.SECONDS));
        assertThat(e).as("the call should have failed").isNotNull();
        assertThat(e.getCause()).isInstanceOf(CallFailedException.class);
        return (CallFailedException) e.getCause();
    }
}
