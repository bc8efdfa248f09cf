package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;

import java.util.concurrent.CompletableFuture;

/**
 * A CALL the CSMS under test was made to send to a station, and the station's answer as its trace shows it.
 *
 * @param answer completes with the station's answer (a CALLRESULT or a CALLERROR); fails when the CSMS could not
 *               be made to send the CALL, e.g. with {@link CsmsCannotAct}
 */
public record CsmsCall(String stationId, Action action, ObjectNode payload, CompletableFuture<OcppAnswer> answer) {

    @Override
    public ObjectNode payload() {
        return payload.deepCopy();
    }
}
