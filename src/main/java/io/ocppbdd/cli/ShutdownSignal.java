package io.ocppbdd.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT/SIGTERM into a clean stop with exit code 0. A shutdown hook completes {@link #requested()}, waits
 * for the command to wind down and then ends the JVM with the command's exit code; without it the JVM would
 * report 130 or 143 for the signal.
 */
final class ShutdownSignal {

    /** How long a command may take to wind down after the signal. */
    private static final long WIND_DOWN_SECONDS = 10;

    private final CompletableFuture<Void> requested = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode;

    private ShutdownSignal() {
    }

    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::windDown, "ocpp-bdd-shutdown"));
        return signal;
    }

    /** Completes when the process is asked to stop. */
    CompletableFuture<Void> requested() {
        return requested;
    }

    /** Ends the process with this exit code. */
    void exit(int code) {
        exitCode = code;
        finished.countDown();
        System.exit(code);
    }

    private void windDown() {
        requested.complete(null);
        try {
            finished.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(exitCode);
    }
}
