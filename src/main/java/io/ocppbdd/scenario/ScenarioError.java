package io.ocppbdd.scenario;

/** A scenario file that cannot be run as written: {@code file:line: what is wrong, how to fix it}. */
public final class ScenarioError extends RuntimeException {

    ScenarioError(String message) {
        super(message);
    }
}
