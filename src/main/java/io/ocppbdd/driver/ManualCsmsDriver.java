package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A CSMS that a person makes act: each trigger prints one line telling the operator what to make their CSMS send
 * to which station, and completes at once; the CALL then has {@link #patience()} (minutes, not seconds) to arrive.
 */
final class ManualCsmsDriver extends ExternalCsmsDriver {

    private static final int PAYLOAD_SHOWN = 300;

    private final Consumer<String> operator;

    ManualCsmsDriver(URI url, Duration patience, Consumer<String> operator) {
        super(url, patience);
        this.operator = operator;
    }

    @Override
    public String describe() {
        return "the CSMS at " + url() + ", steered by an operator";
    }

    @Override
    CompletionStage<Void> order(String stationId, Action action, ObjectNode payload) {
        operator.accept(instruction(stationId, action, payload));
        return CompletableFuture.completedFuture(null);
    }

    /** {@code OPERATOR: make the CSMS send Reset {"type":"Immediate"} to station CS-001 (waiting up to 300 s)}. */
    String instruction(String stationId, Action action, ObjectNode payload) {
        String json = Json.write(payload);
        String shown = json.length() <= PAYLOAD_SHOWN ? json
                : json.substring(0, PAYLOAD_SHOWN) + "... (" + json.length() + " characters)";
        return "OPERATOR: make the CSMS send " + action + " " + shown + " to station " + stationId
                + " (waiting up to " + patience().toSeconds() + " s)";
    }
}
