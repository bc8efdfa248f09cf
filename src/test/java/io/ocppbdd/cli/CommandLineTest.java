package io.ocppbdd.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, version and bad arguments: one line on stderr and exit code 2, never a stack trace. */
class CommandLineTest {

    @TempDir
    Path folder;

    @Test
    void helpListsTheCommands() throws Exception {
        CommandRun run = CommandRun.finished("--help");
        assertThat(run.exitCode(1)).isZero();
        assertThat(run.out()).contains("Usage: ocpp-bdd [-hV] COMMAND", "station", "csms", "--version");
    }

    @Test
    void stationHelpListsOptionsAndEnvironment() throws Exception {
        CommandRun run = CommandRun.finished("station", "--help");
        assertThat(run.exitCode(1)).isZero();
        assertThat(run.out()).contains("--csms=<url>", "--id=<id>", "--password=<pw>", "--state=<file>",
                "--quiet", "--verbose", "OCPP_CSMS_URL", "OCPP_STATION_ID", "OCPP_STATION_PASSWORD",
                "Default: charge_point_state.json");
    }

    @Test
    void csmsHelpListsOptions() throws Exception {
        CommandRun run = CommandRun.finished("csms", "--help");
        assertThat(run.exitCode(1)).isZero();
        assertThat(run.out()).contains("--port=<N>", "Default: 9000", "--host=<address>", "Default: 127.0.0.1");
    }

    @Test
    void versionNamesTheProtocol() throws Exception {
        CommandRun run = CommandRun.finished("--version");
        assertThat(run.exitCode(1)).isZero();
        assertThat(run.out()).startsWith("ocpp-bdd ").contains("OCPP 2.0.1");
    }

    @Test
    void missingCommand() throws Exception {
        assertOneLineUsageError(CommandRun.finished(), "ocpp-bdd: missing command: station, csms, shell or run (try --help)");
    }

    @Test
    void unknownCommand() throws Exception {
        assertOneLineUsageError(CommandRun.finished("charge"),
                "ocpp-bdd: unknown command 'charge': use station, csms, shell or run (try --help)");
    }

    @Test
    void missingStationId() throws Exception {
        Path state = folder.resolve("state.json");
        assertOneLineUsageError(CommandRun.finished("station", "--csms", "ws://127.0.0.1:9/ocpp",
                "--state", state.toString()), "ocpp-bdd station: missing --id (or OCPP_STATION_ID, or identity.id in "
                + state + ") (try --help)");
        assertThat(state).doesNotExist();
    }

    @Test
    void missingCsmsUrl() throws Exception {
        Path state = folder.resolve("state.json");
        assertOneLineUsageError(CommandRun.finished("station", "--id", "CS-1", "--state", state.toString()),
                "ocpp-bdd station: missing --csms (or OCPP_CSMS_URL, or csms.url in " + state + ") (try --help)");
    }

    @Test
    void csmsUrlMustBeWebSocket() throws Exception {
        assertOneLineUsageError(CommandRun.finished("station", "--csms", "http://127.0.0.1/ocpp", "--id", "CS-1",
                        "--state", folder.resolve("state.json").toString()),
                "ocpp-bdd station: --csms 'http://127.0.0.1/ocpp' is not a ws:// or wss:// URL "
                        + "(for example ws://127.0.0.1:9000/ocpp) (try --help)");
    }

    @Test
    void stationIdMustBeValid() throws Exception {
        assertOneLineUsageError(CommandRun.finished("station", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS:1",
                        "--state", folder.resolve("state.json").toString()),
                "ocpp-bdd station: --id 'CS:1' is not a valid station id (1 to 48 of A-Z a-z 0-9 * - _ = + | @ .; "
                        + "no ':') (try --help)");
    }

    @Test
    @DisplayName("A00.FR.205 a password longer than BasicAuthPassword takes is refused before anything is saved")
    void passwordLongerThanBasicAuthPasswordAllows() throws Exception {
        Path state = folder.resolve("state.json");
        assertOneLineUsageError(CommandRun.finished("station", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS-1",
                        "--password", "p".repeat(41), "--state", state.toString()),
                "ocpp-bdd station: --password is longer than 40 characters (try --help)");
        assertThat(state).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"station --bogus", "station --csms", "csms --port x", "csms --port 70000",
            "csms --quiet --verbose", "--nothing"})
    void badArgumentsGiveOneLineAndExitCode2(String args) throws Exception {
        CommandRun run = CommandRun.finished(args.split(" "));
        assertThat(run.exitCode(1)).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().startsWith("ocpp-bdd").endsWith("(try --help)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badStateFileGivesOneLineNamingFileAndLine() throws Exception {
        Path state = folder.resolve("state.json");
        Files.writeString(state, "{\n  \"formatVersion\": 1,\n  \"colour\": \"red\"\n}\n");
        CommandRun run = CommandRun.finished("station", "--csms", "ws://127.0.0.1:9/ocpp", "--state",
                state.toString());
        assertThat(run.exitCode(1)).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("ocpp-bdd station: " + state + ":3:").contains("unknown field \"colour\" (remove it");
    }

    @Test
    void busyPortIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.finished("csms", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode(1)).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("ocpp-bdd csms: cannot start the CSMS on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .contains("(choose another --port or --host; --port 0 picks a free port)");
        }
    }

    private static void assertOneLineUsageError(CommandRun run, String line) throws Exception {
        assertThat(run.exitCode(1)).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(line);
        assertThat(run.out()).isEmpty();
    }
}
