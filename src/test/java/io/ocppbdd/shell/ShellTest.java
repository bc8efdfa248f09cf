package io.ocppbdd.shell;

import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.state.StateFile;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.ocppbdd.expect.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** The shell through JLine's dumb terminal fed with typed input, against the embedded CSMS. */
class ShellTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    @DisplayName("B01.FR.01, C01, E01, E07: a session boots, authorizes, charges and stops; quit saves the state")
    void chargingSession() throws IOException {
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(folder.resolve("cs.json"), StationSpec.of("CS-SHELL"));
            String output = type(simulation, station, """
                    connect
                    start 1 04A2B3C4
                    status
                    stop 1
                    unplug 1
                    status
                    quit
                    """);

            assertThat(output).contains("CS-SHELL connected and booted",
                    "EVSE 1, token 04A2B3C4: authorized",
                    "EVSE 1: connector 1 Occupied (cable in); transaction ",
                    "EVSE 1, token 04A2B3C4: stopped the transaction",
                    "EVSE 1: connector 1 Available; no transaction",
                    "saved " + folder.resolve("cs.json"));
            expect(station).sends(Action.TransactionEvent).where("eventType", "Started").within(WAIT);
            expect(station).sends(Action.TransactionEvent).where("eventType", "Ended")
                    .where("transactionInfo.stoppedReason", "Local").within(WAIT);
            assertThat(new StateFile(folder.resolve("cs.json")).load().getIdentity().id()).isEqualTo("CS-SHELL");
        }
    }

    @Test
    @DisplayName("a bad command or argument gets a one-line hint, never a stack trace; Ctrl-D quits")
    void badInputGetsHints() throws IOException {
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(folder.resolve("cs.json"), StationSpec.of("CS-SHELL"));
            String output = type(simulation, station, """
                    bogus
                    plug x
                    send Heartbeat {"nope": 1}
                    send RequestStartTransaction {}
                    authorize 123 NoSuchType
                    send BootNotification not-json
                    fault 1 1 NoSuchFault
                    """);

            assertThat(output).contains("unknown command \"bogus\" (help lists them)",
                    "evse must be a whole number from 1, not \"x\" (usage: plug <evse> [connector])",
                    "error: Heartbeat not sent, its payload breaks the OCPP 2.0.1 schema",
                    "RequestStartTransaction is sent by a CSMS; use csms for it (usage: send <Action> <json>)",
                    "\"NoSuchType\" is not an id token type",
                    "the <json> payload is not valid JSON",
                    "error: unknown fault 'NoSuchFault' (one of GroundFailure, OverCurrentFailure,",
                    "saved " + folder.resolve("cs.json"))
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    @DisplayName("calls from the CSMS and the station's answers are printed as they happen (F01 remote start)")
    void printsCsmsCalls() throws IOException {
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(folder.resolve("cs.json"), StationSpec.of("CS-SHELL"));
            String output = type(simulation, station, """
                    connect
                    csms RequestStartTransaction {"idToken": {"idToken": "04A2B3C4", "type": "ISO14443"}, "remoteStartId": 7, "evseId": 1}
                    quit
                    """);

            assertThat(output).contains("← CSMS to CS-SHELL: RequestStartTransaction {\"idToken\"",
                    "→ CS-SHELL answered RequestStartTransaction {\"status\":\"Accepted\"",
                    "CS-SHELL answered RequestStartTransaction {\"status\":\"Accepted\"");
        }
    }

    @Test
    @DisplayName("Tab completes commands, EVSE ids, tokens and actions; history is kept across sessions")
    void completionAndHistory() throws IOException {
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(folder.resolve("cs.json"), StationSpec.of("CS-SHELL"));
            String first = type(simulation, station, "conn\t\nplug \t\nauthorize 04A2B3C4\nsend Heartb\t{}\n");
            assertThat(first).contains("CS-SHELL connected and booted", "cable plugged in",
                    "Heartbeat answered {\"currentTime\"");
            assertThat(Files.readAllLines(folder.resolve("history"))).anyMatch(line -> line.endsWith("plug 1"))
                    .anyMatch(line -> line.endsWith("send Heartbeat {}"));

            String second = type(simulation, station, "\u0010\nquit\n");
            assertThat(second).contains("Heartbeat answered {\"currentTime\"");

            ShellCompleter completer = new ShellCompleter(new Session(simulation, station, added -> { }));
            assertThat(completer.values(List.of("stop", "1", ""), 2)).isEmpty();
            Session used = new Session(simulation, station, added -> { });
            used.usedToken("04A2B3C4");
            completer = new ShellCompleter(used);
            assertThat(completer.values(List.of("stop", "1", ""), 2)).containsExactly("04A2B3C4");
            assertThat(completer.values(List.of("plug", "1", ""), 2)).containsExactly("1");
            assertThat(completer.values(List.of("csms", ""), 1)).contains("RequestStartTransaction")
                    .doesNotContain("BootNotification");
            assertThat(completer.values(List.of("send", ""), 1)).contains("BootNotification")
                    .doesNotContain("RequestStartTransaction");
            assertThat(completer.values(List.of("authorize", "x", ""), 2)).contains("ISO14443", "eMAID");
        }
    }

    private String type(Simulation simulation, StationDriver station, String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", "ansi",
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            int exitCode = new Shell(simulation, station, terminal, folder.resolve("history")).run("welcome");
            assertThat(exitCode).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
