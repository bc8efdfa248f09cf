package io.ocppbdd.cucumber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.JUNIT_PLATFORM_DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * A step no glue defines fails the run, in English and in Italian: a tiny feature in a temporary folder runs with our
 * glue through the JUnit Platform launcher, the way the {@code FeaturesTest} suite runs the bundled features.
 */
class UndefinedStepFailsTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {
            "Feature: undefined\n  Scenario: a step nobody wrote\n"
                    + "    Given a charging station \"CS-UNDEF-EN\"\n    When the station does a dance\n",
            "# language: it\nFunzionalità: passo non definito\n  Scenario: un passo che nessuno ha scritto\n"
                    + "    Dato una stazione di ricarica \"CS-UNDEF-IT\"\n    Quando la stazione balla il tango\n"})
    void anUndefinedStepFailsTheRun(String feature) throws IOException {
        TestExecutionSummary summary = run(feature);

        assertThat(summary.getTestsStartedCount()).isEqualTo(1);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        assertThat(summary.getFailures().get(0).getException()).hasMessageContaining("undefined");
    }

    @Test
    void theSameFeatureWithDefinedStepsPasses() throws IOException {
        TestExecutionSummary summary = run("# language: it\nFunzionalità: passi definiti\n"
                + "  Scenario: solo passi che esistono\n    Dato una stazione di ricarica \"CS-DEF-IT\" con 2 EVSE\n");

        assertThat(summary.getTestsStartedCount()).isEqualTo(1);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    }

    private TestExecutionSummary run(String feature) throws IOException {
        Path file = Files.writeString(folder.resolve("tiny.feature"), feature);
        LauncherDiscoveryRequest request = request().selectors(selectFile(file.toFile()))
                .filters(includeEngines("cucumber"))
                .configurationParameter(JUNIT_PLATFORM_DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME, "true")
                .configurationParameter(GLUE_PROPERTY_NAME, "io.ocppbdd.cucumber")
                .configurationParameter(PLUGIN_PROPERTY_NAME, "summary")
                .configurationParameter(PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, "false")
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        return listener.getSummary();
    }
}
