package io.ocppbdd.station.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A state file that cannot be used stops start-up with one line that names the file, the place and the fix. */
class StateFileValidationTest {

    @TempDir
    Path folder;

    @Test
    void missingFileIsCreatedWithDefaults() {
        StateFile file = new StateFile(folder.resolve("charge_point_state.json"));

        StationState state = file.loadOrCreate("CS-NEW");

        assertThat(Files.exists(file.path())).isTrue();
        assertThat(state.getEvses()).hasSize(1);
        assertThat(state.getEvses().get(0).getConnectors()).hasSize(1);
        assertThat(file.load().getIdentity().id()).isEqualTo("CS-NEW");
    }

    @Test
    void defaultSerialNumberFitsBootNotificationForTheLongestId() {
        String longest = "X".repeat(48);

        assertThat(StationState.Identity.defaults(longest).serialNumber()).hasSize(25);
    }

    @Test
    void brokenJsonNamesFileLineAndFix() throws IOException {
        Path path = write("{\n  \"formatVersion\": 1,\n  \"identity\": {\"id\": \"CS-1\"\n}");

        assertThatThrownBy(() -> new StateFile(path).load()).isInstanceOf(StateFileException.class)
                .hasMessageStartingWith(path + ":4:")
                .hasMessageContaining("delete the file")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownFieldIsNamed() throws IOException {
        Path path = write("{\"formatVersion\": 1, \"identity\": {\"id\": \"CS-1\"}, \"evse\": []}");

        assertThatThrownBy(() -> new StateFile(path).load()).hasMessageContaining("unknown field \"evse\"");
    }

    @Test
    void unsupportedFormatVersionIsRefused() throws IOException {
        Path path = write("{\"formatVersion\": 99, \"identity\": {\"id\": \"CS-1\"}}");

        assertThatThrownBy(() -> new StateFile(path).load()).hasMessageContaining("formatVersion 99 is not supported");
    }

    @Test
    void invalidStationIdAndOverlongIdentityAreRefused() throws IOException {
        Path colon = write("{\"formatVersion\": 1, \"identity\": {\"id\": \"CS:1\"}, "
                + "\"evses\": [{\"id\": 1, \"connectors\": [{\"id\": 1}]}]}");
        assertThatThrownBy(() -> new StateFile(colon).load()).hasMessageContaining("not a valid station id");

        Path model = write("{\"formatVersion\": 1, \"identity\": {\"id\": \"CS-1\", \"vendorName\": \"V\", "
                + "\"model\": \"" + "M".repeat(21) + "\"}, \"evses\": [{\"id\": 1, \"connectors\": [{\"id\": 1}]}]}");
        assertThatThrownBy(() -> new StateFile(model).load()).hasMessageContaining("identity.model");
    }

    @Test
    void evseIdsMustRunInOrder() throws IOException {
        Path path = write("{\"formatVersion\": 1, \"identity\": {\"id\": \"CS-1\", \"vendorName\": \"V\", "
                + "\"model\": \"M\"}, \"evses\": [{\"id\": 2, \"connectors\": [{\"id\": 1}]}]}");

        assertThatThrownBy(() -> new StateFile(path).load()).hasMessageContaining("evses[0].id is 2");
    }

    @Test
    void saveIsReadBackAndLeavesNoTemporaryFile() throws IOException {
        StateFile file = new StateFile(folder.resolve("state.json"));
        StationState state = StationState.withEvses("CS-2", 2);
        state.getDeviceModel().put("OCPPCommCtrlr.HeartbeatInterval", "60");

        file.save(state);
        file.save(state);

        assertThat(file.load().getDeviceModel()).containsEntry("OCPPCommCtrlr.HeartbeatInterval", "60");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file.path());
        }
    }

    private Path write(String json) throws IOException {
        Path path = Files.createTempFile(folder, "state", ".json");
        Files.writeString(path, json);
        return path;
    }
}
