package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A CSMS that is not ours: stations connect to its URL, it cannot be stubbed, and there is nothing to close. A
 * trigger first checks the CALL ({@link OutgoingCall}), so no invalid frame is ever ordered, then {@link #order}s it.
 */
abstract class ExternalCsmsDriver implements CsmsDriver {

    private final URI url;
    private final Duration patience;

    ExternalCsmsDriver(URI url, Duration patience) {
        this.url = url;
        this.patience = patience;
    }

    /** Makes the CSMS send this checked CALL. */
    abstract CompletionStage<Void> order(String stationId, Action action, ObjectNode payload);

    @Override
    public final CompletionStage<Void> trigger(String stationId, Action action, ObjectNode payload) {
        Optional<IllegalArgumentException> refusal = OutgoingCall.refusal(action, payload);
        return refusal.isPresent() ? CompletableFuture.failedFuture(refusal.get())
                : order(stationId, action, payload);
    }

    @Override
    public final URI url() {
        return url;
    }

    @Override
    public final Duration patience() {
        return patience;
    }

    @Override
    public final Optional<EmbeddedCsms> embedded() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // the CSMS is not ours to stop
    }
}
