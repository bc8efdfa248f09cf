package io.ocppbdd.cucumber;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps are translations onto the driver and the expectations: no class of the glue reaches into a functional
 * block of the station or into the OCPP-J endpoint.
 */
class GlueImportsTest {

    private static final Path GLUE = Path.of("src/main/java/io/ocppbdd/cucumber");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?io\\.ocppbdd\\.(station\\.[a-z]+\\.|rpc\\.).*", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE = Pattern.compile("io\\.ocppbdd\\.(station\\.[a-z]+\\.|rpc\\.)");

    @Test
    void noStepClassImportsAStationBlockOrTheRpcLayer() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.list(GLUE)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                FORBIDDEN.matcher(text).results().forEach(match -> offenders.add(source.getFileName() + ": "
                        + match.group()));
                String body = FORBIDDEN.matcher(text).replaceAll("");
                QUALIFIED_USE.matcher(body).results().forEach(match -> offenders.add(source.getFileName()
                        + ": uses " + match.group() + "... by its full name"));
            }
        }
        assertThat(offenders).as("glue classes that reach past the driver").isEmpty();
    }

    @Test
    void theScanSeesTheGlue() throws IOException {
        try (Stream<Path> sources = Files.list(GLUE)) {
            assertThat(sources.map(path -> path.getFileName().toString())).contains("OcppWorld.java",
                    "TransactionSteps.java");
        }
    }
}
