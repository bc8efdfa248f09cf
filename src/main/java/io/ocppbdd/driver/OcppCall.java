package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;

import java.time.Instant;
import java.util.Optional;

/**
 * One CALL in a station's conversation, read from its message trace, with its answer once one came.
 *
 * @param index       its position among every CALL of the station (both ways), from 0
 * @param fromStation true for a CALL the station sent, false for one the CSMS sent to the station
 * @param answer      the answer, null while none came
 */
public record OcppCall(int index, Instant time, boolean fromStation, Action action, ObjectNode payload,
                       OcppAnswer answer) {

    /** A copy of the CALL's payload. */
    @Override
    public ObjectNode payload() {
        return payload.deepCopy();
    }

    /** The answer, once one came. */
    public Optional<OcppAnswer> answered() {
        return Optional.ofNullable(answer);
    }

    /** One line for messages: {@code Action {payload}}. */
    public String describe() {
        return action + " " + payload;
    }

    OcppCall withAnswer(OcppAnswer reply) {
        return new OcppCall(index, time, fromStation, action, payload, reply);
    }
}
