package io.ocppbdd.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * Reads and writes OCPP-J frames (Part 4, §4.2). Decoding checks the frame structure only;
 * payloads are checked against the official schemas by {@link SchemaValidator}.
 */
public final class FrameCodec {

    /** Reads one JSON value and nothing after it: the whole message must be valid JSON (Part 4, §4.1.2). */
    private static final ObjectReader STRICT_READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The Jackson method named in a limit's message: of no use to the peer. */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

    private FrameCodec() {
    }

    /** JSON text of a frame. */
    public static String encode(Frame frame) {
        ArrayNode array = Json.mapper().createArrayNode();
        if (frame instanceof Call call) {
            array.add(Frame.CALL).add(call.messageId()).add(call.action()).add(call.payload());
        } else if (frame instanceof CallResult result) {
            array.add(Frame.CALL_RESULT).add(result.messageId()).add(result.payload());
        } else if (frame instanceof CallError error) {
            array.add(Frame.CALL_ERROR).add(error.messageId()).add(error.errorCode().name())
                    .add(error.errorDescription()).add(error.errorDetails());
        }
        return array.toString();
    }

    /**
     * The frame in a text message.
     *
     * @throws FrameException with the CALLERROR that answers a malformed frame
     */
    public static Frame decode(String text) throws FrameException {
        JsonNode root;
        try {
            root = STRICT_READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw unreadable(text, e);
        }
        if (root == null || !root.isArray() || root.size() < 2) {
            throw new FrameException(Frame.UNKNOWN_MESSAGE_ID, ErrorCode.RpcFrameworkError,
                    "Message is not a JSON array [MessageTypeId, MessageId, ...]", true);
        }
        String messageId = readMessageId(root.get(1));
        JsonNode type = root.get(0);
        if (!type.isInt()) {
            throw new FrameException(messageId, ErrorCode.RpcFrameworkError, "MessageTypeId is not an integer", true);
        }
        return switch (type.intValue()) {
            case Frame.CALL -> decodeCall(root, messageId);
            case Frame.CALL_RESULT -> decodeCallResult(root, messageId);
            case Frame.CALL_ERROR -> decodeCallError(root, messageId);
            default -> throw new FrameException(messageId, ErrorCode.MessageTypeNotSupported,
                    "MessageTypeId " + type.intValue() + " is not supported", true);
        };
    }

    /**
     * The CALLERROR for a message that is not JSON or goes past the reader's limits (nesting, number length, name
     * length, string length): it carries the message id when that could be read, "-1" otherwise (Part 4 §4.2.3);
     * FormatViolation when the payload is what broke, RpcFrameworkError for the rest of the frame (Part 4 §4.3).
     */
    private static FrameException unreadable(String text, JsonProcessingException failure) {
        String problem = failure instanceof StreamConstraintsException
                ? "Message goes past a limit of this receiver: "
                        + LIMIT_SOURCE.matcher(failure.getOriginalMessage()).replaceAll("")
                : "Message is not valid JSON" + where(failure.getLocation());
        FrameStart start = FrameStart.read(text);
        ErrorCode code = start.type() == Frame.CALL && start.brokeInPayload()
                ? ErrorCode.FormatViolation : ErrorCode.RpcFrameworkError;
        return new FrameException(start.messageId(), code, problem, start.couldBeCall());
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String readMessageId(JsonNode id) throws FrameException {
        if (!id.isTextual() || id.textValue().isEmpty()) {
            throw new FrameException(Frame.UNKNOWN_MESSAGE_ID, ErrorCode.RpcFrameworkError,
                    "MessageId is not a non-empty string", true);
        }
        if (id.textValue().length() > Frame.MAX_MESSAGE_ID_LENGTH) {
            throw new FrameException(Frame.UNKNOWN_MESSAGE_ID, ErrorCode.RpcFrameworkError,
                    "MessageId is longer than " + Frame.MAX_MESSAGE_ID_LENGTH + " characters", true);
        }
        return id.textValue();
    }

    private static Call decodeCall(JsonNode root, String messageId) throws FrameException {
        if (root.size() != 4) {
            throw new FrameException(messageId, ErrorCode.ProtocolError,
                    "A CALL has 4 elements, this one has " + root.size(), true);
        }
        if (!root.get(2).isTextual()) {
            throw new FrameException(messageId, ErrorCode.ProtocolError, "Action is not a string", true);
        }
        return new Call(messageId, root.get(2).textValue(), payload(root.get(3), messageId, true));
    }

    private static CallResult decodeCallResult(JsonNode root, String messageId) throws FrameException {
        if (root.size() != 3) {
            throw new FrameException(messageId, ErrorCode.ProtocolError,
                    "A CALLRESULT has 3 elements, this one has " + root.size(), false);
        }
        return new CallResult(messageId, payload(root.get(2), messageId, false));
    }

    private static CallError decodeCallError(JsonNode root, String messageId) throws FrameException {
        if (root.size() != 5 || !root.get(2).isTextual() || !root.get(3).isTextual() || !root.get(4).isObject()) {
            throw new FrameException(messageId, ErrorCode.ProtocolError,
                    "A CALLERROR is [4, messageId, errorCode, errorDescription, {errorDetails}]", false);
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(root.get(2).textValue());
        } catch (IllegalArgumentException e) {
            code = ErrorCode.GenericError;
        }
        return new CallError(messageId, code, root.get(3).textValue(), (ObjectNode) root.get(4));
    }

    private static ObjectNode payload(JsonNode node, String messageId, boolean call) throws FrameException {
        if (!node.isObject()) {
            throw new FrameException(messageId, ErrorCode.FormatViolation, "Payload is not a JSON object", call);
        }
        return (ObjectNode) node;
    }
}
