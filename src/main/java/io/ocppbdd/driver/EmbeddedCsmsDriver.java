package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.CallFailedException;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** The embedded CSMS as the CSMS under test: it sends CALLs itself and may be stubbed. */
final class EmbeddedCsmsDriver implements CsmsDriver {

    /** Failures that happen after the CALL left: the station's trace shows them, the order itself succeeded. */
    private static final Set<CallFailedException.Reason> AFTER_SENDING = EnumSet.of(
            CallFailedException.Reason.CALL_ERROR, CallFailedException.Reason.TIMEOUT,
            CallFailedException.Reason.INVALID_RESPONSE, CallFailedException.Reason.CONNECTION_LOST);

    private final EmbeddedCsms csms;

    EmbeddedCsmsDriver(EmbeddedCsms csms) {
        this.csms = csms;
    }

    @Override
    public URI url() {
        return csms.url();
    }

    @Override
    public String describe() {
        return "the embedded CSMS at " + csms.url();
    }

    /** Completes once the station answered (or the CALL failed after it left); fails when it could not leave. */
    @Override
    public CompletionStage<Void> trigger(String stationId, Action action, ObjectNode payload) {
        return csms.send(stationId, action, payload).handle((answer, failure) -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null || cause instanceof CallFailedException failed && AFTER_SENDING.contains(failed.reason())) {
                return null;
            }
            throw new CompletionException(cause);
        });
    }

    @Override
    public Duration patience() {
        return Simulation.DEFAULT_PATIENCE;
    }

    @Override
    public Optional<EmbeddedCsms> embedded() {
        return Optional.of(csms);
    }

    @Override
    public void close() {
        csms.close();
    }
}
