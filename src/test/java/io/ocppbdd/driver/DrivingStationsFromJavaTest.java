package io.ocppbdd.driver;

import io.ocppbdd.csms.Stub;
import io.ocppbdd.expect.Fields;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static io.ocppbdd.expect.Expect.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Driving stations from Java" example, run as it is written there. */
class DrivingStationsFromJavaTest {

    @Test
    @DisplayName("E01/E02/E14: a station charges and the CSMS asks for the transaction's status")
    void theReadmeExampleRuns() {
        // README:begin
        try (Simulation simulation = Simulation.builder().build()) {       // virtual time, the embedded CSMS
            simulation.csms().embedded().orElseThrow().stubFor(Stub.on(Action.Authorize)
                    .willReturn(answer -> answer.putObject("idTokenInfo").put("status", "Accepted")));
            StationDriver station = simulation.addStation(StationSpec.of("CS-001").evses(2));
            simulation.await(station.start(), "CS-001 to connect");
            simulation.await(station.booted(), "CS-001 to be accepted");

            simulation.await(station.plugIn(1, 1), "the cable to go in");
            simulation.await(station.presentToken(1, IdTokenEnum.ISO_14443, "04A2B3C4"), "the token");
            OcppCall started = expect(station).sends(Action.TransactionEvent).where("eventType", "Started")
                    .where("triggerReason", "Authorized").within(Duration.ofSeconds(10));
            String transactionId = Fields.text(started.payload(), "transactionInfo.transactionId");

            simulation.pass(Duration.ofMinutes(1));                         // meter values fall due
            CsmsCall asked = station.csmsSends(Action.GetTransactionStatus,
                    Json.object().put("transactionId", transactionId));
            OcppAnswer answer = simulation.await(asked.answer(), "the answer to GetTransactionStatus");
            assertThat(Fields.text(answer.payload(), "ongoingIndicator")).isEqualTo("true");

            StationSnapshot now = simulation.await(station.snapshot(), "a snapshot of CS-001");
            assertThat(now.evse(1).transaction()).map(TransactionSnapshot::id).hasValue(transactionId);
            assertThat(now.evse(1).connectors().get(0).status()).isEqualTo("Occupied");
        }
        // README:end
    }

    @Test
    void theReadmeShowsThisExampleAsItIs() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/io/ocppbdd/driver/"
                + "DrivingStationsFromJavaTest.java"));
        String example = unindent(source.subList(source.indexOf("        // README:begin") + 1,
                source.indexOf("        // README:end")));
        assertThat(Files.readString(Path.of("README.md"))).contains("```java\n" + example + "```\n");
    }

    private static String unindent(List<String> lines) {
        return lines.stream().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
