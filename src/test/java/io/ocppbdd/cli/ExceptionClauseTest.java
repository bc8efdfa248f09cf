package io.ocppbdd.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line logs an exception as one clause on its line; its stack trace only with --verbose. */
class ExceptionClauseTest {

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void quiet() {
        ExceptionClause.verbose(false);
        context.stop();
    }

    @Test
    @DisplayName("without --verbose: one line, the exception's type and first message line, no stack trace")
    void oneLineWithoutVerbose() {
        String line = layout().doLayout(event(new IllegalStateException("connector status Bogus\nsecond line")));

        assertThat(line).isEqualTo("task failed (IllegalStateException: connector status Bogus; "
                + "--verbose shows the stack trace)" + System.lineSeparator());
    }

    @Test
    @DisplayName("with --verbose: the whole stack trace follows")
    void stackTraceWithVerbose() {
        ExceptionClause.verbose(true);

        String text = layout().doLayout(event(new IllegalStateException("connector status Bogus")));

        assertThat(text).startsWith("task failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: connector status Bogus").contains("\tat ");
    }

    @Test
    @DisplayName("a line without an exception is left as it is")
    void noException() {
        assertThat(layout().doLayout(event(null))).isEqualTo("task failed" + System.lineSeparator());
    }

    private PatternLayout layout() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("cause", ExceptionClause::new);
        layout.setPattern("%msg%cause%n");
        layout.start();
        return layout;
    }

    private LoggingEvent event(Throwable thrown) {
        return new LoggingEvent(ExceptionClauseTest.class.getName(), context.getLogger("test"), Level.ERROR,
                "task failed", thrown, null);
    }
}
