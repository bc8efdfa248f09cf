package io.ocppbdd.report;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.qameta.allure.listener.FixtureLifecycleListener;
import io.qameta.allure.model.FixtureResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReadableHookNamesTest {

    @Test
    @DisplayName("Allure's tear-down shows the hook's readable name instead of its Java signature")
    void renamesAnnotatedHooks() {
        FixtureResult fixture = new FixtureResult()
                .setName("io.ocppbdd.cucumber.Hooks.reportAndCleanUp(io.cucumber.java.Scenario)");
        new ReadableHookNames().beforeFixtureStart(fixture);

        assertThat(fixture.getName()).doesNotContain("io.ocppbdd", "reportAndCleanUp")
                .startsWith("Attach the OCPP message traces");
    }

    @Test
    @DisplayName("hooks without @ReportedAs, unknown classes and odd names keep their name")
    void leavesOthersAlone() {
        for (String name : new String[] {"com.example.Unknown.hook()", "ReadableHookNamesTest.hook()", "plain", null}) {
            FixtureResult fixture = new FixtureResult().setName(name);
            new ReadableHookNames().beforeFixtureStart(fixture);
            assertThat(fixture.getName()).isEqualTo(name);
        }
        assertThat(ReadableHookNames.readableName(getClass().getName() + ".renamesAnnotatedHooks()")).isEmpty();
    }

    @Test
    @DisplayName("Allure finds the listener on the classpath")
    void registeredWithAllure() {
        assertThat(ServiceLoader.load(FixtureLifecycleListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(ReadableHookNames.class);
    }

    @Test
    @DisplayName("every Cucumber hook of the step library has a readable name")
    void everyHookIsNamed() throws IOException, ClassNotFoundException {
        Path glue = Path.of("target/classes/io/ocppbdd/cucumber");
        List<String> classes;
        try (Stream<Path> files = Files.list(glue)) {
            classes = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> "io.ocppbdd.cucumber." + name.substring(0, name.length() - ".class".length()))
                    .toList();
        }
        assertThat(classes).contains("io.ocppbdd.cucumber.Hooks");
        for (String name : classes) {
            for (Method method : Class.forName(name).getDeclaredMethods()) {
                if (method.isAnnotationPresent(After.class) || method.isAnnotationPresent(Before.class)) {
                    assertThat(method.getAnnotation(ReportedAs.class)).as("@ReportedAs on %s", method).isNotNull();
                }
            }
        }
    }
}
