package io.ocppbdd.concurrent;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Time for everything that waits: timeouts, heartbeats, retries. Production code uses {@link SystemScheduler};
 * tests use {@link ManualScheduler} and move time forward themselves, so nothing sleeps.
 */
public interface Scheduler {

    /** The clock that {@link #schedule} counts against. */
    Clock clock();

    /**
     * Runs a task on the given executor once the delay has passed.
     *
     * @return a handle that cancels the task if it has not started
     */
    Cancellable schedule(Duration delay, Executor executor, Runnable task);

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** A handle that does nothing, for code paths with nothing scheduled. */
        Cancellable NONE = () -> { };

        void cancel();
    }
}
