package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.ocppbdd.expect.Expect.expect;

class SimulatedEvDriverTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    @DisplayName("F02: with the simulated EV on, a remote start is followed by the driver plugging in after the delay "
            + "and a transaction that carries the remoteStartId; off again, the driver stays away")
    void aRemoteStartBringsTheSimulatedDriver() {
        try (Simulation simulation = Simulation.builder().build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-EV"));
            simulation.await(station.start(), "CS-EV to connect");
            simulation.await(station.booted(), "CS-EV to boot");
            station.simulatedEv(Optional.of(Duration.ofSeconds(3)));

            simulation.await(station.csmsSends(Action.RequestStartTransaction, remoteStart(41)).answer(),
                    "the answer to RequestStartTransaction");
            simulation.pass(Duration.ofSeconds(2));
            expect(station).sends(Action.TransactionEvent).hasNotSent();
            simulation.pass(Duration.ofSeconds(1));

            expect(station).sends(Action.TransactionEvent).where("eventType", "Started")
                    .where("transactionInfo.remoteStartId", "41").within(PATIENCE);
        }
    }

    private static ObjectNode remoteStart(int remoteStartId) {
        ObjectNode request = Json.object().put("evseId", 1).put("remoteStartId", remoteStartId);
        request.putObject("idToken").put("idToken", "04A2B3C4").put("type", "ISO14443");
        return request;
    }
}
