package io.ocppbdd.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ocpp-bdd run}: exit 0 when every step passes, 1 naming the failed step, 2 with file:line for a bad file. */
class RunCommandTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("B01.FR.01 a valid scenario passes against the embedded CSMS and exits 0 with a summary")
    void passes() throws Exception {
        CommandRun run = CommandRun.finished("run", write("ok.yaml", """
                name: boots
                steps:
                  - connect
                  - expect: {csmsAnswers: BootNotification, where: {status: Accepted}}
                """));
        assertThat(run.exitCode(0)).isZero();
        assertThat(run.out()).contains("PASS  step 1 (line 3): connect", "2 steps: 2 passed");
    }

    @Test
    @DisplayName("a failed expectation exits 1 naming the step, and the steps after it are not run")
    void failedExpectation() throws Exception {
        CommandRun run = CommandRun.finished("run", write("fails.yaml", """
                name: expects a rejection
                steps:
                  - connect
                  - expect:
                      csmsAnswers: BootNotification
                      where: {status: Rejected}
                    atMost: 1 s
                  - status
                """));
        assertThat(run.exitCode(0)).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  step 2 (line 4): expect the CSMS answers BootNotification where "
                        + "{status=Rejected}", "\"status\" is \"Accepted\"", "SKIP  line 8: status",
                "3 steps: 1 passed, 1 failed (step 2 (line 4)");
    }

    @Test
    @DisplayName("a file against the schema exits 2 with file:line, what is wrong and how to fix it")
    void schemaViolation() throws Exception {
        Path file = Path.of(write("bad.yaml", """
                name: bad
                steps:
                  - connect
                  - until: {evse: 1, status: Charging}
                """));
        CommandRun run = CommandRun.finished("run", file.toString());
        assertThat(run.exitCode(0)).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith(file + ":4: ")
                .contains("enumeration", "use one of the values listed");
    }

    @Test
    @DisplayName("broken YAML, an unknown command and an unknown property exit 2 with their line")
    void otherBadFiles() throws Exception {
        Path syntax = Path.of(write("syntax.yaml", "name: x\nsteps:\n  - connect\n  - [unclosed\n"));
        Path command = Path.of(write("command.yaml", "name: x\nsteps:\n  - connect\n  - fly 1\n"));
        Path property = Path.of(write("property.json", "{\"name\": \"x\",\n \"steps\": [\"connect\"],\n \"stations\": 2}\n"));

        assertThat(errorOf(syntax)).startsWith(syntax + ":").contains("not valid YAML", "correct the syntax");
        assertThat(errorOf(command)).startsWith(command + ":4: unknown command \"fly\"; use one of [help,");
        assertThat(errorOf(property)).startsWith(property + ":1: ").contains("stations",
                "remove it or correct its spelling");
    }

    private String errorOf(Path file) throws Exception {
        CommandRun run = CommandRun.finished("run", file.toString());
        assertThat(run.exitCode(0)).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        return run.errLines().get(0);
    }

    private String write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content).toString();
    }
}
