package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsmsDriversTest {

    @Test
    void aCsmsThatCannotActSaysWhichSettingWouldLetIt() {
        CsmsDriver none = CsmsDrivers.external(URI.create("ws://csms.example.com/ocpp"));

        assertThat(none.embedded()).isEmpty();
        assertThat(none.describe()).isEqualTo("the CSMS at ws://csms.example.com/ocpp");
        assertThatThrownBy(() -> Simulation.await(none.trigger("CS-001", Action.Reset, Json.object().put("type", "Immediate")),
                "the trigger", Duration.ofSeconds(1)))
                .isInstanceOf(CsmsCannotAct.class)
                .hasMessage("the CSMS at ws://csms.example.com/ocpp cannot be made to send Reset to CS-001; set "
                        + "ocpp.csms.trigger to http or manual to let it")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aStationsCsmsCallFailsWithTheReasonWhenTheCsmsCannotAct() {
        try (Simulation simulation = Simulation.builder()
                .csms(CsmsDrivers.external(URI.create("ws://127.0.0.1:9/ocpp"))).build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));

            CsmsCall call = station.csmsSends(Action.ClearCache, Json.object());

            assertThat(call.answer()).isCompletedExceptionally();
            assertThatThrownBy(() -> simulation.await(call.answer(), "the answer")).isInstanceOf(CsmsCannotAct.class)
                    .hasMessageContaining("ocpp.csms.trigger");
        }
    }

    @Test
    void theEmbeddedCsmsSendsAnyCallAndTheAnswerComesFromTheStationsTrace() {
        try (Simulation simulation = Simulation.builder().build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
            simulation.await(station.start(), "the station to connect");
            simulation.await(station.booted(), "the station to boot");

            CsmsCall first = station.csmsSends(Action.ClearCache, Json.object());
            CsmsCall second = station.csmsSends(Action.GetVariables, (ObjectNode) Json.parse("{\"getVariableData\": "
                    + "[{\"component\": {\"name\": \"OCPPCommCtrlr\"}, \"variable\": {\"name\": \"HeartbeatInterval\"}}]}"));

            assertThat(simulation.await(first.answer(), "ClearCache").payload().path("status").asText())
                    .isEqualTo("Accepted");
            assertThat(simulation.await(second.answer(), "GetVariables").payload()
                    .at("/getVariableResult/0/attributeValue").asText()).isEqualTo("300");
        }
    }
}
