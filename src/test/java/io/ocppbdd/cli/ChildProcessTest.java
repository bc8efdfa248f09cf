package io.ocppbdd.cli;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.Component;
import io.ocppbdd.protocol.messages.SetVariableData;
import io.ocppbdd.protocol.messages.SetVariablesRequest;
import io.ocppbdd.protocol.messages.SetVariablesResponse;
import io.ocppbdd.protocol.messages.Variable;
import io.ocppbdd.rpc.Redaction;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The commands as real processes: they run until SIGTERM ({@link Process#destroy()}) and then exit 0. */
class ChildProcessTest {

    /** A fresh JVM starts slowly on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NEW_PASSWORD = "a-new-password-from-the-csms";

    @TempDir
    Path folder;

    @Test
    @DisplayName("B01.FR.01 station: boots, keeps its state in ./charge_point_state.json, masks a password the "
            + "CSMS sets, exits 0 on SIGTERM")
    void stationStopsWithZeroOnSigterm() throws Exception {
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            Process station = ocppBdd("station", "--csms", csms.url().toString(), "--id", "CS-PROC")
                    .redirectOutput(folder.resolve("stdout.txt").toFile()).start();
            try {
                csms.request("CS-PROC", Action.StatusNotification, r -> true)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> Files.readString(folder.resolve("stdout.txt"))
                        .contains("BootNotification Accepted"));
                csms.send("CS-PROC", new SetVariablesRequest().withSetVariableData(List.of(new SetVariableData()
                        .withComponent(new Component().withName("SecurityCtrlr"))
                        .withVariable(new Variable().withName("BasicAuthPassword"))
                        .withAttributeValue(NEW_PASSWORD))), SetVariablesResponse.class)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> Files.readString(folder.resolve("stderr.txt"))
                        .contains("\"SetVariables\""));

                station.destroy();

                assertThat(station.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(station.exitValue()).isZero();
            } finally {
                station.destroyForcibly();
            }
            assertThat(Files.readString(folder.resolve("stdout.txt"))).isEqualTo("CS-PROC connected to "
                    + csms.url() + "/CS-PROC; BootNotification Accepted, heartbeat every 300 s" + System.lineSeparator());
            assertThat(Files.readString(folder.resolve("stderr.txt")))
                    .contains("CS-PROC -> [2,", "\"BootNotification\"", "CS-PROC <- [3,")
                    .contains(Redaction.MASK).doesNotContain("Exception", "\tat ", NEW_PASSWORD);
            assertThat(new StateFile(folder.resolve(StateFile.DEFAULT_NAME)).load().getIdentity().id())
                    .isEqualTo("CS-PROC");
            assertThat(csms.trace().entries()).extracting(TraceEntry::frame).noneMatch(f -> f.startsWith("[4"));
        }
    }

    @Test
    @DisplayName("station: an unreachable CSMS is one log line per attempt, no stack trace; SIGTERM still exits 0")
    void unreachableCsmsIsRetriedQuietly() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Process station = ocppBdd("station", "--csms", "ws://127.0.0.1:" + closedPort + "/ocpp", "--id", "CS-LONELY",
                "--state", "lonely.json").start();
        try {
            Path stderr = folder.resolve("stderr.txt");
            await().atMost(WAIT).until(() -> Files.readString(stderr).contains("connection refused"));

            station.destroy();

            assertThat(station.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(station.exitValue()).isZero();
            assertThat(Files.readAllLines(stderr)).singleElement().asString()
                    .contains("CS-LONELY", "cannot connect to ws://127.0.0.1:" + closedPort + "/ocpp/CS-LONELY");
        } finally {
            station.destroyForcibly();
        }
    }

    @Test
    @DisplayName("A01.FR.01/12: a password from the environment and one the CSMS sets appear in no output and not in "
            + "the state file; the new one only in the owner-only secrets file; the station connects with it")
    void passwordsAppearNowhere() throws Exception {
        String old = "old-password-from-the-environment";
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            csms.requirePassword("CS-SECRET", old);
            ProcessBuilder builder = ocppBdd("station", "--csms", csms.url().toString(), "--id", "CS-SECRET", "-v")
                    .redirectOutput(folder.resolve("stdout.txt").toFile());
            builder.environment().put("OCPP_STATION_PASSWORD", old);
            Process station = builder.start();
            try {
                csms.request("CS-SECRET", Action.StatusNotification, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                csms.requirePassword("CS-SECRET", NEW_PASSWORD);
                csms.send("CS-SECRET", new SetVariablesRequest().withSetVariableData(List.of(new SetVariableData()
                        .withComponent(new Component().withName("SecurityCtrlr"))
                        .withVariable(new Variable().withName("BasicAuthPassword"))
                        .withAttributeValue(NEW_PASSWORD))), SetVariablesResponse.class)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
                csms.request("CS-SECRET", Action.SecurityEventNotification, r -> true)
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

                station.destroy();

                assertThat(station.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } finally {
                station.destroyForcibly();
            }
            StateFile state = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
            for (Path file : List.of(folder.resolve("stdout.txt"), folder.resolve("stderr.txt"), state.path())) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(old, NEW_PASSWORD);
            }
            assertThat(Files.readString(folder.resolve("stderr.txt"))).contains("connecting again with it");
            assertThat(Files.readString(state.secretsPath())).contains(NEW_PASSWORD);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.secretsPath())))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    @DisplayName("defect: a missing -Djavax.net.ssl.trustStore printed a stack trace and hung; now one line naming "
            + "it, exit 2")
    void unreadableJvmTrustStoreEndsStartUp() throws Exception {
        Path missing = folder.resolve("missing-trust.p12");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + missing, "-Djavax.net.ssl.trustStorePassword=not-shown-anywhere",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "station", "--csms", "wss://127.0.0.1:9/ocpp", "--id", "CS-NO-TRUST"));
        Process station = new ProcessBuilder(command).directory(folder.toFile())
                .redirectError(folder.resolve("stderr.txt").toFile()).start();
        try {
            assertThat(station.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(station.exitValue()).isEqualTo(2);
        } finally {
            station.destroyForcibly();
        }
        assertThat(Files.readAllLines(folder.resolve("stderr.txt"))).singleElement().asString()
                .startsWith("ocpp-bdd station: cannot load the JVM's default TLS stores (trust store " + missing)
                .contains("check -Djavax.net.ssl.trustStore").doesNotContain("not-shown-anywhere");
    }

    @Test
    @DisplayName("station: a state file with connector status \"Bogus\" ends start-up with one line and exit 2, "
            + "no stack trace")
    void bogusConnectorStatusIsOneLine() throws Exception {
        StationState state = StationState.defaults("CS-BOGUS");
        state.getEvses().get(0).getConnectors().get(0).setStatus("Bogus");
        new StateFile(folder.resolve("bogus.json")).save(state);
        Process station = ocppBdd("station", "--csms", "ws://127.0.0.1:9/ocpp", "--state", "bogus.json").start();
        try {
            assertThat(station.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(station.exitValue()).isEqualTo(2);
            assertThat(Files.readAllLines(folder.resolve("stderr.txt"))).singleElement().asString()
                    .startsWith("ocpp-bdd station: bogus.json: evses[0].connectors[0].status \"Bogus\" is not a "
                            + "connector status (use one of Available,");
        } finally {
            station.destroyForcibly();
        }
    }

    @Test
    @DisplayName("csms --port 0: prints its ws:// URL first, a station boots against it, exits 0 on SIGTERM")
    void csmsPrintsItsUrlAndServesStations() throws Exception {
        Process csms = ocppBdd("csms", "--port", "0").start();
        ChargingStation station = null;
        try {
            String url = firstLine(csms).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(url)
                    .as(() -> "the csms command printed no URL; its stderr: " + readQuietly(folder.resolve("stderr.txt")))
                    .matches("ws://127\\.0\\.0\\.1:[1-9][0-9]*/ocpp");

            station = ChargingStation.builder(StationState.defaults("CS-TO-PROC")).csmsUrl(URI.create(url)).build();
            station.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ChargingStation booting = station;
            await().atMost(WAIT).until(() -> booting.bootStatus() == BootStatus.ACCEPTED);
            assertThat(station.trace().entries()).extracting(TraceEntry::frame)
                    .noneMatch(f -> f.startsWith("[4"));
            station.stop();

            csms.destroy();

            assertThat(csms.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(csms.exitValue()).isZero();
        } finally {
            if (station != null) {
                station.stop();
            }
            csms.destroyForcibly();
        }
        assertThat(Files.readString(folder.resolve("stderr.txt")))
                .contains("CS-TO-PROC -> [2,", "\"BootNotification\"", "CS-TO-PROC <- [3,");
    }

    private ProcessBuilder ocppBdd(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(folder.toFile())
                .redirectError(folder.resolve("stderr.txt").toFile());
    }

    private static CompletableFuture<String> firstLine(Process process) {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                line.complete(new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)).readLine());
            } catch (java.io.IOException e) {
                line.completeExceptionally(new UncheckedIOException(e));
            }
        }, "first-line");
        reader.setDaemon(true);
        reader.start();
        return line;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
