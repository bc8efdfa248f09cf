package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.SchemaValidator;

import java.util.Optional;

/** Checks a CSMS-initiated CALL before a CSMS is asked to send it, so that no trigger orders an invalid frame. */
final class OutgoingCall {

    private OutgoingCall() {
    }

    /** Why this CALL must not be ordered, if it must not: a station's action, or a payload breaking its schema. */
    static Optional<IllegalArgumentException> refusal(Action action, ObjectNode payload) {
        if (!action.sentByCsms()) {
            return Optional.of(new IllegalArgumentException(action + " is sent by a station, not by a CSMS"));
        }
        return SchemaValidator.instance().checkRequest(action, payload).map(violation ->
                new IllegalArgumentException(action + " payload breaks the OCPP 2.0.1 schema: "
                        + violation.describe()));
    }
}
