package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A CSMS that stations connect to but that the tests cannot make act ({@code ocpp.csms.trigger=none}). */
final class UntriggeredCsmsDriver extends ExternalCsmsDriver {

    UntriggeredCsmsDriver(URI url) {
        super(url, Simulation.DEFAULT_PATIENCE);
    }

    @Override
    CompletionStage<Void> order(String stationId, Action action, ObjectNode payload) {
        return CompletableFuture.failedFuture(new CsmsCannotAct(describe() + " cannot be made to send " + action
                + " to " + stationId + "; set " + CsmsDrivers.TRIGGER_SETTING + " to http or manual to let it"));
    }

    @Override
    public String describe() {
        return "the CSMS at " + url();
    }
}
