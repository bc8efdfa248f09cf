package io.ocppbdd.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a Cucumber hook method has in the Allure report, in place of its Java signature:
 * <pre>{@code
 * @After
 * @ReportedAs("Stop the firmware server")
 * public void stopFirmwareServer() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReportedAs {

    /** What the hook does, for people reading the report. */
    String value();
}
