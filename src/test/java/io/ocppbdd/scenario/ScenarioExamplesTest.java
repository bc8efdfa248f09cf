package io.ocppbdd.scenario;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in {@code scenarios/} passes against the embedded CSMS. */
class ScenarioExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExamplePasses() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("scenarios"))) {
            files = listed.filter(file -> !file.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            StringWriter out = new StringWriter();
            int exitCode = ScenarioRunner.run(file, UnaryOperator.identity(), new PrintWriter(out, true));
            assertThat(exitCode).as(out.toString()).isEqualTo(ScenarioRunner.PASSED);
            assertThat(out.toString()).contains(" passed").doesNotContain("FAIL");
        }));
    }
}
