package io.ocppbdd.driver;

import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.ocppbdd.expect.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** A station kept in a state file of the user's choosing, connecting again after a disconnect, call listeners. */
class StationFileAndReconnectTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("a station made from a spec when its state file is missing is saved there and read back from it")
    void stateFileOfTheUsersChoosing() {
        Path file = folder.resolve("mine.json");
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(file, StationSpec.of("CS-FILE").evses(2));
            simulation.await(station.setVariable("OCPPCommCtrlr.HeartbeatInterval", "42"), "the variable");
            simulation.await(station.save(), "the save");
            assertThat(station.stateFile()).isEqualTo(file);
        }
        assertThat(file).exists();
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(file, StationSpec.of("ignored"));
            assertThat(station.id()).isEqualTo("CS-FILE");
            assertThat(simulation.await(station.variable("OCPPCommCtrlr.HeartbeatInterval"), "the variable"))
                    .hasValue("42");
            assertThat(simulation.await(station.snapshot(), "a snapshot").evses()).hasSize(2);
        }
    }

    @Test
    @DisplayName("B01.FR.01 after disconnect, connectAgain starts the station afresh and it boots again")
    void connectAgainAfterDisconnect() {
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(folder.resolve("cs.json"), StationSpec.of("CS-AGAIN"));
            simulation.await(station.start(), "the connection");
            simulation.await(station.booted(), "the boot");
            simulation.await(station.disconnect(), "the disconnection");
            assertThat(simulation.await(station.snapshot(), "a snapshot").connected()).isFalse();

            simulation.await(station.connectAgain(), "the connection");
            simulation.await(station.booted(), "the boot");

            expect(station).sends(Action.BootNotification).within(Simulation.DEFAULT_PATIENCE);
            expect(station).sends(Action.BootNotification).within(Simulation.DEFAULT_PATIENCE);
            assertThat(Files.exists(folder.resolve("cs.json"))).isTrue();
        }
    }

    @Test
    @DisplayName("onCall tells of a CALL from the CSMS as it comes and again with the station's answer")
    void listenerHearsCallsAndAnswers() {
        try (Simulation simulation = Simulation.builder().stateFolder(folder).build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-HEAR"));
            List<OcppCall> heard = new CopyOnWriteArrayList<>();
            station.onCall(call -> {
                if (!call.fromStation()) {
                    heard.add(call);
                }
            });
            simulation.await(station.start(), "the connection");
            simulation.await(station.booted(), "the boot");

            simulation.await(station.csmsSends(Action.GetTransactionStatus, Json.object()).answer(), "the answer");

            assertThat(heard).hasSize(2);
            assertThat(heard.get(0).action()).isEqualTo(Action.GetTransactionStatus);
            assertThat(heard.get(0).answer()).isNull();
            assertThat(heard.get(1).answer().payload().has("messagesInQueue")).isTrue();
        }
    }
}
