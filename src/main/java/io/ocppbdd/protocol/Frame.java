package io.ocppbdd.protocol;

/** One OCPP-J message: a CALL, a CALLRESULT or a CALLERROR (Part 4, §4.2). */
public sealed interface Frame permits Call, CallResult, CallError {

    /** Message type number of a CALL. */
    int CALL = 2;
    /** Message type number of a CALLRESULT. */
    int CALL_RESULT = 3;
    /** Message type number of a CALLERROR. */
    int CALL_ERROR = 4;
    /** Longest message id allowed by Part 4, Table 4. */
    int MAX_MESSAGE_ID_LENGTH = 36;
    /** The message id of a CALLERROR answering a frame whose id could not be read. */
    String UNKNOWN_MESSAGE_ID = "-1";

    String messageId();
}
