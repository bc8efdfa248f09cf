package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A CSMS that stations connect to but that the tests cannot make act ({@code ocpp.csms.trigger=none}). */
final class ExternalCsmsDriver implements CsmsDriver {

    private final URI url;

    ExternalCsmsDriver(URI url) {
        this.url = url;
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public String describe() {
        return "the CSMS at " + url;
    }

    @Override
    public CompletionStage<Void> trigger(String stationId, Action action, ObjectNode payload) {
        return CompletableFuture.failedFuture(new CsmsCannotAct(describe() + " cannot be made to send " + action
                + " to " + stationId + "; set " + CsmsDrivers.TRIGGER_SETTING + " to http or manual to let it"));
    }

    @Override
    public Duration patience() {
        return Simulation.DEFAULT_PATIENCE;
    }

    @Override
    public Optional<EmbeddedCsms> embedded() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // nothing of ours runs
    }
}
