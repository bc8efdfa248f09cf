package io.ocppbdd.report;

import io.qameta.allure.listener.FixtureLifecycleListener;
import io.qameta.allure.model.FixtureResult;

import java.util.Arrays;
import java.util.Optional;

/**
 * Names Cucumber hooks in the Allure report by their {@link ReportedAs} text. Allure's Cucumber plugin names a
 * hook's set-up or tear-down fixture by its code location, {@code io.ocppbdd.cucumber.Hooks.reportAndCleanUp(
 * io.cucumber.java.Scenario)}; this listener (found by Allure through {@code META-INF/services}) puts the text in
 * its place. Hooks without the annotation keep their name.
 */
public final class ReadableHookNames implements FixtureLifecycleListener {

    @Override
    public void beforeFixtureStart(FixtureResult fixture) {
        readableName(fixture.getName()).ifPresent(fixture::setName);
    }

    /** The {@link ReportedAs} text of the method at a code location such as {@code a.b.C.method(x.Y)}. */
    static Optional<String> readableName(String codeLocation) {
        if (codeLocation == null) {
            return Optional.empty();
        }
        int arguments = codeLocation.indexOf('(');
        String qualified = arguments < 0 ? codeLocation : codeLocation.substring(0, arguments);
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String methodName = qualified.substring(dot + 1);
        try {
            ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(ReadableHookNames.class.getClassLoader());
            Class<?> type = Class.forName(qualified.substring(0, dot), false, loader);
            return Arrays.stream(type.getMethods()).filter(method -> method.getName().equals(methodName))
                    .map(method -> method.getAnnotation(ReportedAs.class)).filter(name -> name != null)
                    .map(ReportedAs::value).findFirst();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
