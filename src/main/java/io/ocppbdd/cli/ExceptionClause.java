package io.ocppbdd.cli;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.CoreConstants;

/**
 * {@code %cause} in the command line's log pattern: an exception logged with a message becomes a short clause on
 * the same line, {@code (IllegalStateException: reason; --verbose shows the stack trace)}; under {@code --verbose}
 * its whole stack trace follows on the next lines.
 */
public final class ExceptionClause extends ThrowableProxyConverter {

    private static volatile boolean verbose;

    /** Set by {@code --verbose}: stack traces in full. */
    static void verbose(boolean on) {
        verbose = on;
    }

    @Override
    public String convert(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return "";
        }
        if (verbose) {
            String trace = super.convert(event);
            return CoreConstants.LINE_SEPARATOR + trace.stripTrailing();
        }
        String type = thrown.getClassName().substring(thrown.getClassName().lastIndexOf('.') + 1);
        String message = thrown.getMessage() == null ? "" : ": " + thrown.getMessage().lines().findFirst().orElse("");
        return " (" + type + message + "; --verbose shows the stack trace)";
    }
}
