package io.ocppbdd.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * As much of a frame as can be read before it breaks (invalid JSON, or past the reader's limits): its message type,
 * its message id, and whether it broke inside the payload. Lets a broken CALL be answered with its own id, which
 * Part 4 §4.2.3 replaces by "-1" only when the id cannot be read.
 *
 * @param type            the message type number, or {@link #UNKNOWN_TYPE}
 * @param messageId       the message id, or {@link Frame#UNKNOWN_MESSAGE_ID}
 * @param brokeInPayload  whether everything before the payload was read and the payload itself is what broke
 */
record FrameStart(int type, String messageId, boolean brokeInPayload) {

    static final int UNKNOWN_TYPE = -1;

    /** Reads a frame from its start up to where it breaks. */
    static FrameStart read(String text) {
        int type = UNKNOWN_TYPE;
        String messageId = Frame.UNKNOWN_MESSAGE_ID;
        try (JsonParser parser = Json.mapper().getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                return new FrameStart(type, messageId, false);
            }
            type = parser.getIntValue();
            if (parser.nextToken() != JsonToken.VALUE_STRING || !isValidMessageId(parser.getText())) {
                return new FrameStart(type, messageId, false);
            }
            messageId = parser.getText();
            if (type == Frame.CALL && parser.nextToken() != JsonToken.VALUE_STRING) {
                return new FrameStart(type, messageId, false);
            }
            if (parser.nextToken() == null) {
                return new FrameStart(type, messageId, false);
            }
            try {
                Json.mapper().readTree(parser);
            } catch (IOException payloadBroke) {
                return new FrameStart(type, messageId, true);
            }
        } catch (IOException | RuntimeException broke) {
            // what was read so far is the answer
        }
        return new FrameStart(type, messageId, false);
    }

    private static boolean isValidMessageId(String id) {
        return !id.isEmpty() && id.length() <= Frame.MAX_MESSAGE_ID_LENGTH;
    }

    /** Whether the frame was, or could have been, a CALL: the only kind that deserves an answer. */
    boolean couldBeCall() {
        return type != Frame.CALL_RESULT && type != Frame.CALL_ERROR;
    }
}
