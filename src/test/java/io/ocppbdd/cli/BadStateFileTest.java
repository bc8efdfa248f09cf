package io.ocppbdd.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every bad value in a state file stops {@code ocpp-bdd station} before it starts: one line on stderr naming the
 * file, the key and the fix, exit code 2.
 */
class BadStateFileTest {

    private static final String CSMS = "ws://127.0.0.1:9/ocpp";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} = {1}")
    @DisplayName("a bad value in the state file is refused with one line naming file, key and fix, exit 2")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "/evses/0/connectors/0/status | \"Bogus\"  | evses[0].connectors[0].status \"Bogus\" is not a "
                    + "connector status (use one of Available, Occupied, Reserved, Unavailable, Faulted)",
            "/evses/0/connectors/0/type   | \"banana\" | evses[0].connectors[0].type \"banana\" is not an OCPP "
                    + "connector type (use one of cCCS1, cCCS2,",
            "/csms/securityProfile        | 7          | csms.securityProfile 7 is not a security profile (use 0 none,",
            "/boot/status                 | \"Maybe\"  | boot.status \"Maybe\" is not a boot status (use Accepted,",
            "/evses/0/meter               | {\"registerWh\":-5} | evses[0].meter.registerWh -5.0 is not a meter "
                    + "reading (use Wh, 0 or more)",
            "/evses/0/meter               | {\"registerWh\":5,\"socPercent\":150} | evses[0].meter.socPercent 150.0 "
                    + "is not a state of charge (use 0 to 100",
            "/evses/0/transaction         | {\"id\":\"T-1\",\"nextSeqNo\":3,\"startedAt\":\"yesterday\"} "
                    + "| evses[0].transaction.startedAt \"yesterday\" is not a UTC time (use e.g.",
            "/evses/0/transaction         | {\"id\":\"T-1\",\"nextSeqNo\":3,\"startedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"chargingState\":\"Flying\"} | evses[0].transaction.chargingState \"Flying\" is not a charging "
                    + "state (use one of Charging,",
            "/evses/0/transaction         | {\"id\":\"T-1\",\"nextSeqNo\":3,\"startedAt\":\"2026-01-01T00:00:00Z\","
                    + "\"idToken\":{\"idToken\":\"AB\",\"type\":\"Badge\"}} | evses[0].transaction.idToken.type \"Badge\""
                    + " is not an id token type (use one of Central,",
            "/chargingProfiles            | [{\"evseId\":1}] | chargingProfiles[0] is not {\"evseId\": 0, "
                    + "\"chargingProfile\": {...}} as in SetChargingProfileRequest: $.chargingProfile",
            "/evses/0/connectors/0/status | null       | evses[0].connectors[0].status (missing) is not a connector "
                    + "status"})
    void badValueIsOneLineAndExitCode2(String pointer, String value, String expected) throws Exception {
        Path state = stateFileWith(pointer, value);

        CommandRun run = CommandRun.finished("station", "--csms", CSMS, "--state", state.toString());

        assertThat(run.exitCode(1)).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("ocpp-bdd station: " + state + ": " + expected);
        assertThat(run.out()).isEmpty();
    }

    @Test
    @DisplayName("--state in a folder that does not exist is an error, and no folder is created")
    void stateInAMissingFolder() throws Exception {
        Path typo = folder.resolve("typo").resolve("dir").resolve("s.json");

        CommandRun run = CommandRun.finished("station", "--csms", CSMS, "--id", "CS-1", "--state", typo.toString());

        assertThat(run.exitCode(1)).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("ocpp-bdd station: --state '" + typo + "': the folder "
                + typo.getParent() + " does not exist (create it, or give a state file in an existing folder) "
                + "(try --help)");
        assertThat(folder.resolve("typo")).doesNotExist();
    }

    @Test
    @DisplayName("a state file in a folder it cannot write names the cause, not just the temporary file")
    void stateInAReadOnlyFolder() throws Exception {
        Path readOnly = unwritableFolder().orElse(null);
        assumeTrue(readOnly != null, "no folder this user cannot write");
        Path state = readOnly.resolve("s.json");

        CommandRun run = CommandRun.finished("station", "--csms", CSMS, "--id", "CS-1", "--state", state.toString());

        assertThat(run.exitCode(1)).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("ocpp-bdd station: " + state) // the state file or its journal beside it
                .contains(": cannot write in " + readOnly + ": permission denied "
                        + "(make the folder writable, or give a state file in another folder)");
    }

    /**
     * A folder without write permission; when this user ignores permissions (root), a folder of sysfs, which
     * refuses new files to everyone.
     */
    private Optional<Path> unwritableFolder() throws IOException {
        Path readOnly = Files.createDirectory(folder.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(readOnly)) {
            return Optional.of(readOnly);
        }
        Path sysfs = Path.of("/sys/kernel");
        return Files.isDirectory(sysfs) ? Optional.of(sysfs) : Optional.empty();
    }

    /** A valid state file, then one value replaced (its parent objects created when missing). */
    private Path stateFileWith(String pointer, String value) throws IOException {
        Path path = folder.resolve("state.json");
        StationState valid = StationState.defaults("CS-1");
        valid.getCsms().setUrl(CSMS);
        new StateFile(path).save(valid);
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(path.toFile());
        JsonPointer at = JsonPointer.compile(pointer);
        tree.withObject(at.head()).set(at.last().getMatchingProperty(), Json.parse(value));
        Files.writeString(path, tree.toPrettyString());
        return path;
    }
}
