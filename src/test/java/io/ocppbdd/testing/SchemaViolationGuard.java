package io.ocppbdd.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fails every test during which an endpoint refused one of its own frames because it broke the schema, so an
 * invalid frame can never hide behind a call nobody awaited. Registered for all tests (META-INF/services);
 * tests that provoke such frames on purpose carry {@link ProvokesSchemaViolations}.
 */
public final class SchemaViolationGuard implements BeforeEachCallback, AfterEachCallback {

    private static final List<String> REPORTED = new CopyOnWriteArrayList<>();

    static {
        Logger logger = (Logger) LoggerFactory.getLogger("io.ocppbdd.rpc.SchemaViolations");
        AppenderBase<ILoggingEvent> collector = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                REPORTED.add(event.getFormattedMessage());
            }
        };
        collector.setContext(logger.getLoggerContext());
        collector.start();
        logger.addAppender(collector);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        REPORTED.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean allowed = context.getRequiredTestClass().isAnnotationPresent(ProvokesSchemaViolations.class)
                || context.getRequiredTestMethod().isAnnotationPresent(ProvokesSchemaViolations.class);
        if (!allowed && !REPORTED.isEmpty()) {
            throw new AssertionError("frames that break the OCPP 2.0.1 schemas were built (and not sent):\n"
                    + String.join("\n", REPORTED));
        }
    }
}
