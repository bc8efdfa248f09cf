package io.ocppbdd.concurrent;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Wall-clock time on one shared timer thread; the tasks themselves run on their own executors. */
public final class SystemScheduler implements Scheduler {

    private static final SystemScheduler INSTANCE = new SystemScheduler();
    /** Milliseconds, the precision every CSMS parses in OCPP timestamps (more digits are legal but not loved). */
    private static final Clock CLOCK = Clock.tickMillis(ZoneOffset.UTC);

    private final ScheduledExecutorService timer;

    private SystemScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ocpp-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** The one scheduler of the process. */
    public static SystemScheduler instance() {
        return INSTANCE;
    }

    @Override
    public Clock clock() {
        return CLOCK;
    }

    @Override
    public Cancellable schedule(Duration delay, Executor executor, Runnable task) {
        ScheduledFuture<?> future = timer.schedule(() -> executor.execute(task),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
