package io.ocppbdd.config;

/**
 * A configuration file that cannot be used: one line, {@code file:line: what is wrong, how to fix it}. Command-line
 * front ends print it as is and exit with code 2; it carries no stack trace.
 */
public final class ConfigError extends RuntimeException {

    public ConfigError(String message) {
        super(message, null, false, false);
    }
}
