package io.ocppbdd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ocpp-bdd station} in this process against an embedded CSMS. */
class StationCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        assertThat(csms.trace().entries()).extracting(TraceEntry::frame)
                .as("no CALLERROR: every frame the station sent was valid and accepted")
                .noneMatch(frame -> frame.startsWith("[4"));
        csms.close();
    }

    @Test
    @DisplayName("B01.FR.01/B01.FR.05 the station boots, creates its state file with defaults and stops with 0")
    void bootsAndCreatesStateFile() throws Exception {
        Path state = folder.resolve("charge_point_state.json");
        CommandRun run = CommandRun.start(Map.of(), "station", "--csms", csms.url().toString(), "--id", "CS-CLI-1",
                "--state", state.toString());

        JsonNode boot = csms.request("CS-CLI-1", Action.BootNotification, r -> true)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).payload();
        assertThat(boot.path("reason").asText()).isEqualTo("PowerUp");
        csms.request("CS-CLI-1", Action.StatusNotification,
                r -> r.payload().path("evseId").asInt() == 1 && r.payload().path("connectorId").asInt() == 1)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> run.out().contains("BootNotification Accepted"));
        assertThat(run.out()).isEqualTo("CS-CLI-1 connected to " + csms.url() + "/CS-CLI-1"
                + "; BootNotification Accepted, heartbeat every 300 s" + System.lineSeparator());

        StationState saved = new StateFile(state).load();
        assertThat(saved.getIdentity().id()).isEqualTo("CS-CLI-1");
        assertThat(saved.getCsms().getUrl()).isEqualTo(csms.url().toString());
        assertThat(saved.getCsms().getSecurityProfile()).isZero();
        assertThat(saved.getEvses()).singleElement()
                .satisfies(evse -> assertThat(evse.getConnectors()).hasSize(1));

        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
        await().atMost(WAIT).until(() -> !csms.isConnected("CS-CLI-1"));
        assertThat(run.errLines()).isEmpty();
    }

    @Test
    @DisplayName("B11.FR.03 after the CSMS's Reset the status line says the station reboots, not that it lost "
            + "the connection")
    void resetIsNoLostConnection() throws Exception {
        CommandRun run = CommandRun.start(Map.of(), "station", "--csms", csms.url().toString(), "--id", "CS-RESET",
                "--state", folder.resolve("s.json").toString(), "-q");
        csms.request("CS-RESET", Action.StatusNotification, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        csms.send("CS-RESET", Action.Reset, Json.object().put("type", "Immediate"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        csms.request("CS-RESET", Action.BootNotification, r -> r.payload().path("reason").asText()
                .equals("RemoteReset")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String connected = "CS-RESET connected to " + csms.url() + "/CS-RESET; BootNotification Accepted, "
                + "heartbeat every 300 s";
        await().atMost(WAIT).until(() -> run.out().lines().count() == 3);
        assertThat(run.out().lines()).containsExactly(connected,
                "CS-RESET rebooting (RemoteReset); closed the connection to " + csms.url() + "/CS-RESET", connected);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
    }

    @Test
    @DisplayName("option > environment variable > state file: --id and OCPP_CSMS_URL override the file and are saved")
    void optionsAndEnvironmentOverrideTheStateFile() throws Exception {
        Path state = folder.resolve("station.json");
        StationState old = StationState.withEvses("CS-OLD", 2);
        old.getCsms().setUrl("ws://127.0.0.1:9/unreachable");
        new StateFile(state).save(old);

        CommandRun run = CommandRun.start(Map.of("OCPP_CSMS_URL", csms.url().toString(),
                "OCPP_STATION_ID", "CS-ENV"), "station", "--id", "CS-NEW", "--state", state.toString(), "--quiet");

        csms.request("CS-NEW", Action.StatusNotification, r -> r.payload().path("evseId").asInt() == 2)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        StationState saved = new StateFile(state).load();
        assertThat(saved.getIdentity().id()).isEqualTo("CS-NEW");
        assertThat(saved.getCsms().getUrl()).isEqualTo(csms.url().toString());
        assertThat(saved.getEvses()).as("the EVSEs come from the state file").hasSize(2);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
    }

    @Test
    @DisplayName("environment > state file: OCPP_STATION_ID and OCPP_CSMS_URL alone start a station")
    void environmentAlone() throws Exception {
        CommandRun run = CommandRun.start(Map.of("OCPP_CSMS_URL", csms.url().toString(),
                "OCPP_STATION_ID", "CS-ENV"), "station", "--state", folder.resolve("s.json").toString(), "-q");
        csms.request("CS-ENV", Action.BootNotification, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
    }

    @Test
    @DisplayName("A00.FR.203/A00.FR.205 OCPP_STATION_PASSWORD is sent with Basic auth (profile 1); neither it nor "
            + "profile 1 is saved (defect: profile 1 stayed in the state file), nothing printed")
    void passwordFromEnvironment() throws Exception {
        String password = "cli-test-password-0123";
        csms.requirePassword("CS-PW", password);
        Path state = folder.resolve("s.json");
        CommandRun run = CommandRun.start(Map.of("OCPP_STATION_PASSWORD", password), "station",
                "--csms", csms.url().toString(), "--id", "CS-PW", "--state", state.toString());

        csms.request("CS-PW", Action.BootNotification, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> run.out().contains("Accepted"));
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
        assertThat(new StateFile(state).load().getCsms().getSecurityProfile()).isZero();
        assertThat(Files.readString(state)).doesNotContain(password);
        assertThat(new StateFile(state).secretsPath()).doesNotExist();
        assertThat(run.out() + run.errLines()).doesNotContain(password);
    }
}
