package io.ocppbdd.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code csms --profile}: the standalone CSMS knows the profile's tokens only, as a real CSMS knows only its own, so
 * a feature run against it proves that the features name roles rather than tokens any CSMS would accept.
 */
class CsmsProfileTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    @Test
    @DisplayName("csms --profile answers the profile's tokens with their roles and any other id token Unknown "
            + "(C01.FR.07, TC_C_02_CSMS: Invalid or Unknown)")
    void knowsOnlyTheProfilesTokens() throws Exception {
        Path profile = Files.writeString(folder.resolve("profile.yaml"), """
                tokens:
                  accepted: {idToken: "0A1B2C3D", type: ISO14443}
                  blocked:  {idToken: "0B10C0ED", type: ISO14443}
                  group:    {idToken: "0A1B2C3E", type: ISO14443, groupId: "NEIGHBOURS"}
                """);
        CommandRun csms = CommandRun.start(Map.of(), "csms", "--port", "0", "--profile", profile.toString(), "-q");
        try {
            await().atMost(WAIT).until(() -> csms.out().lines().count() >= 2);
            URI url = URI.create(csms.out().lines().findFirst().orElseThrow());
            try (Simulation simulation = Simulation.builder().csms(time -> CsmsDrivers.external(url)).build()) {
                StationDriver station = simulation.addStation(StationSpec.of("CS-ROLES"));
                simulation.await(station.start(), "the station to connect");
                simulation.await(station.booted(), "the CSMS to accept the station");

                assertThat(status(simulation, station, "0A1B2C3D")).isEqualTo("Accepted");
                assertThat(status(simulation, station, "0B10C0ED")).isEqualTo("Blocked");
                assertThat(status(simulation, station, "0A1B2C3E")).isEqualTo("Accepted");
                assertThat(status(simulation, station, "04A2B3C4")).isEqualTo("Unknown");
                assertThat(simulation.await(station.send(Action.TransactionEvent, startedWith("04A2B3C4")),
                        "the answer to TransactionEvent").at("/idTokenInfo/status").asText()).isEqualTo("Unknown");
                assertThat(simulation.await(station.send(Action.TransactionEvent, startedWith("0A1B2C3D")),
                        "the answer to TransactionEvent").at("/idTokenInfo/status").asText()).isEqualTo("Accepted");
            }
        } finally {
            csms.stop();
        }
        assertThat(csms.exitCode(30)).isZero();
    }

    private static String status(Simulation simulation, StationDriver station, String token) {
        return simulation.await(station.authorize(IdTokenEnum.ISO_14443, token, 1), "the decision on " + token)
                .status();
    }

    private static ObjectNode startedWith(String token) {
        ObjectNode event = Json.object().put("eventType", "Started").put("timestamp", Json.dateTime(Instant.now()))
                .put("triggerReason", "Authorized").put("seqNo", 0);
        event.putObject("transactionInfo").put("transactionId", "tx-" + token);
        event.putObject("idToken").put("idToken", token).put("type", "ISO14443");
        return event;
    }
}
