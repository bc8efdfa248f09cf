package io.ocppbdd.driver;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.ResetEnum;
import io.ocppbdd.protocol.messages.ResetRequest;
import io.ocppbdd.protocol.messages.ResetResponse;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.csms.EmbeddedCsms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import static io.ocppbdd.expect.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PowerCutTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void afterAPowerCutTheStationComesBackFromItsStateFileOnlyOnceTheRebootDelayHasPassed(@TempDir Path folder) {
        try (Simulation simulation = Simulation.builder().rebootDelay(Duration.ofSeconds(8)).stateFolder(folder)
                .build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
            simulation.await(station.start(), "CS-001 to connect");
            simulation.await(station.booted(), "CS-001 to boot");
            simulation.await(station.plugIn(1, 1), "the cable");
            simulation.await(station.presentToken(1, IdTokenEnum.ISO_14443, "04A2B3C4"), "the token");
            String transactionId = simulation.await(station.snapshot(), "a snapshot").evse(1).transaction()
                    .orElseThrow().id();

            CompletionStage<Void> back = station.powerCut();
            simulation.pass(Duration.ofSeconds(7));
            assertThat(back.toCompletableFuture()).isNotDone();
            simulation.pass(Duration.ofSeconds(1));
            simulation.await(back, "CS-001 to start again");
            simulation.await(station.booted(), "CS-001 to boot again");

            assertThat(Files.exists(folder.resolve("CS-001.json"))).isTrue();
            StationSnapshot after = simulation.await(station.snapshot(), "a snapshot");
            assertThat(after.bootStatus()).isEqualTo(BootStatus.ACCEPTED);
            assertThat(after.evse(1).transaction()).map(TransactionSnapshot::id).hasValue(transactionId);
            assertThat(after.evse(1).connectors().get(0).cablePlugged()).isTrue();
            assertThat(station.calls().stream().filter(call -> call.action() == Action.BootNotification))
                    .as("the conversation carries on across the power cut").hasSize(2);
        }
    }

    @Test
    void aRebootDelayOfZeroRestartsAtOnce() {
        try (Simulation simulation = Simulation.builder().rebootDelay(Duration.ZERO).build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
            simulation.await(station.start(), "CS-001 to connect");
            simulation.await(station.booted(), "CS-001 to boot");

            simulation.await(station.powerCut(), "CS-001 to start again");

            expect(station).sends(Action.BootNotification).where("reason", "PowerUp").within(PATIENCE);
            expect(station).sends(Action.BootNotification).where("reason", "PowerUp").within(PATIENCE);
        }
    }

    @Test
    @DisplayName("issue 10 isolation: with a reboot pause, a station reset by the CSMS (B11.FR.03) or cut from power "
            + "stays off that long in real time, whatever the simulation's clock, before it connects again")
    void aRebootPauseKeepsTheStationOffInRealTime() {
        Duration pause = Duration.ofMillis(700);
        try (Simulation simulation = Simulation.builder().rebootDelay(Duration.ZERO).rebootPause(pause).build()) {
            EmbeddedCsms csms = simulation.csms().embedded().orElseThrow();
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
            simulation.await(station.start(), "CS-001 to connect");
            simulation.await(station.booted(), "CS-001 to boot");

            long resetAt = System.nanoTime();
            simulation.await(csms.send("CS-001", new ResetRequest().withType(ResetEnum.IMMEDIATE),
                    ResetResponse.class), "the answer to Reset");
            expect(station).sends(Action.BootNotification).where("reason", "RemoteReset").within(PATIENCE);
            assertThat(Duration.ofNanos(System.nanoTime() - resetAt)).isGreaterThanOrEqualTo(pause);

            long cutAt = System.nanoTime();
            simulation.await(station.powerCut(), "CS-001 to start again");
            assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).isGreaterThanOrEqualTo(pause);
            assertThat(csms.duplicateConnections()).isEmpty();
        }
    }

    @Test
    void aCallThatBreaksItsSchemaNeverLeavesAndSaysWhy() {
        try (Simulation simulation = Simulation.builder().build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));

            assertThatThrownBy(() -> simulation.await(station.send(Action.DataTransfer, Json.object()), "the call"))
                    .hasMessageContaining("DataTransfer not sent, its payload breaks the OCPP 2.0.1 schema")
                    .hasMessageContaining("vendorId");
            assertThatThrownBy(() -> simulation.await(station.send(Action.Reset, Json.object()), "the call"))
                    .hasMessageContaining("Reset is sent by a CSMS, not by a station");
        }
    }

    @Test
    @DisplayName("issue 10 isolation: power cuts without delay and the end of the run never leave the CSMS with one "
            + "station id connected twice at once; the old connection is closed before the new one opens")
    void theCsmsNeverSeesOneIdConnectedTwice() {
        try (EmbeddedCsms csms = EmbeddedCsms.start()) {
            try (Simulation simulation = Simulation.builder().rebootDelay(Duration.ZERO)
                    .csms(time -> CsmsDrivers.external(csms.url())).build()) {
                StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
                simulation.await(station.start(), "CS-001 to connect");
                for (int cut = 0; cut < 10; cut++) {
                    simulation.await(station.powerCut(), "CS-001 to start again after power cut " + cut);
                }
            }
            assertThat(csms.duplicateConnections()).isEmpty();
        }
    }
}
