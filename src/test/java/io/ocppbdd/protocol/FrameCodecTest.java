package io.ocppbdd.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.testing.OversizedFrames;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** OCPP-J framing, Part 4 §4.1-§4.3. */
class FrameCodecTest {

    private static final String UUID_36 = "0123456789abcdef0123456789abcdef0123";

    @Test
    @DisplayName("Part 4 §4.2.1: a CALL is [2, messageId, action, payload] both ways")
    void callRoundTrip() throws Exception {
        ObjectNode payload = Json.object().put("reason", "PowerUp");
        String text = FrameCodec.encode(new Call("19223201", "BootNotification", payload));

        assertThat(text).isEqualTo("[2,\"19223201\",\"BootNotification\",{\"reason\":\"PowerUp\"}]");
        assertThat(FrameCodec.decode(text)).isEqualTo(new Call("19223201", "BootNotification", payload));
    }

    @Test
    @DisplayName("Part 4 §4.2.2: a CALLRESULT is [3, messageId, payload] both ways")
    void callResultRoundTrip() throws Exception {
        ObjectNode payload = Json.object().put("currentTime", "2013-02-01T20:53:32.486Z");
        String text = FrameCodec.encode(new CallResult("19223201", payload));

        assertThat(text).isEqualTo("[3,\"19223201\",{\"currentTime\":\"2013-02-01T20:53:32.486Z\"}]");
        assertThat(FrameCodec.decode(text)).isEqualTo(new CallResult("19223201", payload));
    }

    @Test
    @DisplayName("Part 4 §4.2.3: a CALLERROR is [4, messageId, errorCode, errorDescription, {details}] both ways")
    void callErrorRoundTrip() throws Exception {
        String text = FrameCodec.encode(CallError.of("162376037", ErrorCode.NotSupported, "not implemented"));

        assertThat(text).isEqualTo("[4,\"162376037\",\"NotSupported\",\"not implemented\",{}]");
        assertThat(FrameCodec.decode(text))
                .isEqualTo(new CallError("162376037", ErrorCode.NotSupported, "not implemented", Json.object()));
    }

    @Test
    @DisplayName("Part 4 Table 7: errorDescription is at most 255 characters, and \"\" rather than null")
    void errorDescriptionIsBounded() {
        CallError long_ = CallError.of("1", ErrorCode.GenericError, "x".repeat(1000));
        CallError empty = CallError.of("1", ErrorCode.GenericError, null);

        assertThat(long_.errorDescription()).hasSize(CallError.MAX_DESCRIPTION_LENGTH).startsWith("xxx");
        assertThat(CallError.of("1", ErrorCode.GenericError, "x".repeat(255)).errorDescription())
                .isEqualTo("x".repeat(255));
        assertThat(FrameCodec.encode(empty)).isEqualTo("[4,\"1\",\"GenericError\",\"\",{}]");
    }

    @Test
    @DisplayName("Part 4 Table 4: a message id of 36 characters is read")
    void messageIdOf36CharactersIsRead() throws Exception {
        assertThat(FrameCodec.decode("[2,\"" + UUID_36 + "\",\"Heartbeat\",{}]").messageId()).isEqualTo(UUID_36);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Part 4 §4.2.3: when the message id cannot be read the CALLERROR carries \"-1\"")
    @CsvSource(delimiter = '|', value = {
            "not JSON                 | hello",
            "id cut short             | [2,\"1",
            "not an array             | {\"a\":1}",
            "JSON null                | null",
            "id of 37 characters      | [2,\"0123456789abcdef0123456789abcdef01234\",\"Heartbeat\",{}]",
            "id not a string          | [2,17,\"Heartbeat\",{}]",
            "empty id                 | [2,\"\",\"Heartbeat\",{}]",
            "only a type              | [2]"})
    void unreadableIdAnswersMinusOne(String why, String text) {
        FrameException e = catchThrowableOfType(FrameException.class, () -> FrameCodec.decode(text));

        assertThat(e.answer().messageId()).as(why).isEqualTo(Frame.UNKNOWN_MESSAGE_ID);
        assertThat(e.answer().errorCode()).as(why).isEqualTo(ErrorCode.RpcFrameworkError);
        assertThat(e.wasCall()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("Part 4 Table 8: each malformed frame gets its error code, with the message id when readable")
    @CsvSource(delimiter = '|', value = {
            "CALL of 3 elements          | ProtocolError           | [2,\"m1\",\"Heartbeat\"]",
            "CALL of 2 elements          | ProtocolError           | [2,\"m1\"]",
            "CALL of 5 elements          | ProtocolError           | [2,\"m1\",\"Heartbeat\",{},{}]",
            "action not a string         | ProtocolError           | [2,\"m1\",7,{}]",
            "payload an array            | FormatViolation         | [2,\"m1\",\"Heartbeat\",[]]",
            "payload null                | FormatViolation         | [2,\"m1\",\"Heartbeat\",null]",
            "message type 5              | MessageTypeNotSupported | [5,\"m1\",\"Heartbeat\",{}]",
            "message type 5, short       | MessageTypeNotSupported | [5,\"m1\"]",
            "message type a string       | RpcFrameworkError       | [\"2\",\"m1\",\"Heartbeat\",{}]"})
    void malformedCallGetsItsCode(String why, ErrorCode code, String text) {
        FrameException e = catchThrowableOfType(FrameException.class, () -> FrameCodec.decode(text));

        assertThat(e.answer().errorCode()).as(why).isEqualTo(code);
        assertThat(e.answer().messageId()).as(why).isEqualTo("m1");
        assertThat(e.wasCall()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Part 4 §4.2.2/§4.2.3: a malformed CALLRESULT or CALLERROR is no CALL and deserves no answer")
    @CsvSource(delimiter = '|', value = {
            "CALLRESULT of 4 elements   | [3,\"m1\",{},{}]",
            "CALLRESULT payload string  | [3,\"m1\",\"ok\"]",
            "CALLERROR of 4 elements    | [4,\"m1\",\"GenericError\",\"\"]",
            "CALLERROR details an array | [4,\"m1\",\"GenericError\",\"\",[]]"})
    void malformedAnswerIsNoCall(String why, String text) {
        FrameException e = catchThrowableOfType(FrameException.class, () -> FrameCodec.decode(text));

        assertThat(e.wasCall()).as(why).isFalse();
        assertThat(e.answer().messageId()).isEqualTo("m1");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Part 4 §4.2.3: a broken CALL whose message id can be read is answered with that id")
    @CsvSource(delimiter = '|', value = {
            "payload cut short        | FormatViolation   | [2,\"m1\",\"Heartbeat\",{",
            "payload not JSON         | FormatViolation   | [2,\"m1\",\"Heartbeat\",{a}]",
            "cut after the id         | RpcFrameworkError | [2,\"m1\",",
            "action not JSON          | RpcFrameworkError | [2,\"m1\",Heartbeat,{}]",
            "JSON, then more          | RpcFrameworkError | [2,\"m1\",\"Heartbeat\",{}] [3]"})
    void brokenCallWithReadableIdKeepsItsId(String why, ErrorCode code, String text) {
        FrameException e = catchThrowableOfType(FrameException.class, () -> FrameCodec.decode(text));

        assertThat(e.answer().messageId()).as(why).isEqualTo("m1");
        assertThat(e.answer().errorCode()).as(why).isEqualTo(code);
        assertThat(e.wasCall()).isTrue();
    }

    static Stream<Arguments> pastTheReadersLimits() {
        return OversizedFrames.calls("m1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pastTheReadersLimits")
    @DisplayName("Part 4 §4.2.3/§4.3: a frame past the JSON reader's limits gets a CALLERROR, never an exception")
    void frameBeyondTheReadersLimits(String why, String text, String messageId, ErrorCode code, String limit) {
        FrameException e = catchThrowableOfType(FrameException.class, () -> FrameCodec.decode(text));

        assertThat(e).as(why).isNotNull();
        assertThat(e.answer().messageId()).as(why).isEqualTo(messageId);
        assertThat(e.answer().errorCode()).as(why).isEqualTo(code);
        assertThat(e.answer().errorDescription()).as(why)
                .startsWith("Message goes past a limit of this receiver: ").contains(limit).doesNotContain("`");
        assertThat(e.wasCall()).isTrue();
    }

    @Test
    @DisplayName("Part 4 §4.2.2: a CALLRESULT past the reader's limits is no CALL, and names the call it answers")
    void answerBeyondTheReadersLimits() {
        FrameException e = catchThrowableOfType(FrameException.class,
                () -> FrameCodec.decode("[3,\"m1\"," + "[".repeat(1001) + "]".repeat(1001) + "]"));

        assertThat(e.wasCall()).isFalse();
        assertThat(e.answer().messageId()).isEqualTo("m1");
    }

    @Test
    @DisplayName("Part 4 Table 8: an error code outside the table is read as GenericError")
    void unknownErrorCodeIsGeneric() throws Exception {
        Frame frame = FrameCodec.decode("[4,\"m1\",\"Teapot\",\"short and stout\",{}]");

        assertThat(((CallError) frame).errorCode()).isEqualTo(ErrorCode.GenericError);
    }

    @Test
    @DisplayName("Part 4 §4.2.3: the CALLERROR for invalid JSON says where, without echoing the invalid text")
    void invalidJsonIsDescribedBriefly() {
        FrameException e = catchThrowableOfType(FrameException.class, () -> FrameCodec.decode("[2,\"1\",{"));

        assertThat(e.answer().errorDescription()).isEqualTo("Message is not valid JSON (line 1, column 9)");
    }

    @Test
    @DisplayName("Part 4 §4.1.2: non-ASCII natural-language text survives encoding as UTF-8 JSON")
    void unicodeTextSurvives() throws Exception {
        ObjectNode payload = Json.object().put("content", "Ladevorgang läuft €");
        Call decoded = (Call) FrameCodec.decode(FrameCodec.encode(new Call("1", "DataTransfer", payload)));

        assertThat(decoded.payload().path("content").asText()).isEqualTo("Ladevorgang läuft €");
    }
}
