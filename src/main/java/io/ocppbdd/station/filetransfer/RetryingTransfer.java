package io.ocppbdd.station.filetransfer;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.station.StationContext;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one transfer until it succeeds or its {@link RetryPolicy} is spent, waiting between attempts on the
 * station's scheduler (virtual time in tests). Every step runs on the station's loop; once cancelled, nothing
 * more happens and the outcome is never reported.
 */
public final class RetryingTransfer<T> {

    private final StationContext context;
    private final RetryPolicy policy;
    private final Supplier<CompletableFuture<TransferResult<T>>> attempt;
    private final Consumer<TransferResult<T>> done;
    private Scheduler.Cancellable wait = Scheduler.Cancellable.NONE;
    private CompletableFuture<TransferResult<T>> inFlight;
    private int attempts;
    private boolean cancelled;

    private RetryingTransfer(StationContext context, RetryPolicy policy,
                             Supplier<CompletableFuture<TransferResult<T>>> attempt, Consumer<TransferResult<T>> done) {
        this.context = context;
        this.policy = policy;
        this.attempt = attempt;
        this.done = done;
    }

    /**
     * Starts the first attempt now (call on the station's loop).
     *
     * @param done told, on the loop, the first successful result or the last failed one
     */
    public static <T> RetryingTransfer<T> start(StationContext context, RetryPolicy policy,
                                                Supplier<CompletableFuture<TransferResult<T>>> attempt,
                                                Consumer<TransferResult<T>> done) {
        RetryingTransfer<T> transfer = new RetryingTransfer<>(context, policy, attempt, done);
        transfer.next();
        return transfer;
    }

    /** Stops waiting and drops the outcome of an attempt on the wire. */
    public void cancel() {
        cancelled = true;
        wait.cancel();
        if (inFlight != null) {
            inFlight.cancel(true);
        }
    }

    private void next() {
        attempts++;
        inFlight = attempt.get();
        inFlight.whenCompleteAsync((result, cancellation) -> {
            if (cancelled) {
                return;
            }
            if (result.succeeded() || attempts > policy.retries()) {
                done.accept(result);
            } else {
                wait = context.scheduler().schedule(policy.interval(), context.loop(), this::next);
            }
        }, context.loop());
    }
}
