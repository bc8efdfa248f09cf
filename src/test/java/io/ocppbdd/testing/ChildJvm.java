package io.ocppbdd.testing;

import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A real child JVM running a main class of the test classpath, its output in a log file, for tests that kill a
 * station with SIGKILL ({@link Process#destroyForcibly()}) at a moment of their choosing.
 */
public final class ChildJvm implements AutoCloseable {

    /** A fresh JVM starts slowly on a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with these arguments; stdout and stderr go to {@code log}. */
    public static ChildJvm start(Class<?> main, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the condition holds while the child lives; fails with the child's log otherwise. */
    public void awaitAlive(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(PATIENCE).until(() -> condition.call() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the child did not " + what + " in time; its log:\n" + log(), e);
        }
        if (!process.isAlive()) {
            throw new AssertionError("the child died before it could " + what + "; its log:\n" + log());
        }
    }

    /** Waits until the log has a line that matches (see {@link #awaitAlive}). */
    public void awaitLine(String what, Predicate<String> line) {
        awaitAlive(what, () -> lines().stream().anyMatch(line));
    }

    /** The lines the child wrote so far. */
    public List<String> lines() {
        return log().lines().toList();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, then waits for the process to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the child outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
