package io.ocppbdd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One command line run in this process, on its own thread, with its stdout and stderr captured. */
final class CommandRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    private CommandRun() {
    }

    /** Starts the command; it runs until it fails or {@link #stop()} is called. */
    static CommandRun start(Map<String, String> environment, String... args) {
        CommandRun run = new CommandRun();
        Thread thread = new Thread(() -> run.exitCode.complete(Main.run(run.stop, environment,
                new PrintWriter(run.out, true), new PrintWriter(run.err, true), args)), "cli-test");
        thread.setDaemon(true);
        thread.start();
        return run;
    }

    /** Runs a command that ends by itself and returns its exit code. */
    static CommandRun finished(String... args) throws Exception {
        CommandRun run = start(Map.of(), args);
        run.exitCode(30);
        return run;
    }

    /** What SIGINT/SIGTERM does in the real process. */
    CommandRun stop() {
        stop.complete(null);
        return this;
    }

    int exitCode(long timeoutSeconds) throws Exception {
        return exitCode.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    String out() {
        return out.toString();
    }

    List<String> errLines() {
        return err.toString().lines().toList();
    }
}
