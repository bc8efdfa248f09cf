package io.ocppbdd.testing;

import io.ocppbdd.protocol.ErrorCode;
import io.ocppbdd.protocol.Frame;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * CALLs past the default limits of the JSON reader (Jackson's StreamReadConstraints: nesting 1000, numbers of
 * 1000 digits, names of 50,000 characters, strings of 20,000,000 characters), each with the CALLERROR it deserves:
 * FormatViolation with its own id when the payload is what goes too far, RpcFrameworkError with id "-1" when even
 * the message id cannot be read (Part 4 §4.2.3, §4.3).
 */
public final class OversizedFrames {

    private OversizedFrames() {
    }

    /** Arguments: why, frame, expected message id, expected error code, words of the limit in the description. */
    public static Stream<Arguments> calls(String id) {
        String data = "[2,\"" + id + "\",\"DataTransfer\",{\"vendorId\":\"V\",\"data\":";
        return Stream.of(
                arguments("payload nested 1001 deep", data + "[".repeat(1001) + "]".repeat(1001) + "}]",
                        id, ErrorCode.FormatViolation, "nesting depth"),
                arguments("a number of 1001 digits", data + "1".repeat(1001) + "}]",
                        id, ErrorCode.FormatViolation, "Number value length"),
                arguments("a key of 50,001 characters", "[2,\"" + id + "\",\"DataTransfer\",{\"" + "k".repeat(50_001)
                        + "\":1}]", id, ErrorCode.FormatViolation, "Name length"),
                arguments("a string of 20,000,001 characters", data + "\"" + "s".repeat(20_000_001) + "\"}]",
                        id, ErrorCode.FormatViolation, "String value length"),
                arguments("the frame nested 1001 deep", "[".repeat(1001) + "]".repeat(1001),
                        Frame.UNKNOWN_MESSAGE_ID, ErrorCode.RpcFrameworkError, "nesting depth"),
                arguments("a message type of 1001 digits", "[" + "2".repeat(1001) + ",\"" + id + "\",\"Heartbeat\",{}]",
                        Frame.UNKNOWN_MESSAGE_ID, ErrorCode.RpcFrameworkError, "Number value length"));
    }
}
