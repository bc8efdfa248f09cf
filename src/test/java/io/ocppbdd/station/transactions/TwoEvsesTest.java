package io.ocppbdd.station.transactions;

import io.ocppbdd.testing.TestHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TwoEvsesTest {

    private static List<ObjectNode> eventsOf(TestHarness.Station fx, String transactionId) {
        return fx.events().stream()
                .filter(e -> e.path("transactionInfo").path("transactionId").asText().equals(transactionId))
                .toList();
    }

    private static double register(ObjectNode event) {
        JsonNode readings = event.path("meterValue");
        for (JsonNode value : readings.get(readings.size() - 1).path("sampledValue")) {
            if (value.path("measurand").asText().equals("Energy.Active.Import.Register")) {
                return value.path("value").asDouble();
            }
        }
        throw new AssertionError("no register in " + event);
    }

    @Test
    @DisplayName("E01.FR.07 / E01.FR.14 / J02.FR.16: two EVSEs charge at once with their own transaction, "
            + "seqNo and meter register")
    void independentTransactions() {
        StationState state = StationState.withEvses("TX-TWO", 2);
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        state.getDeviceModel().put("SampledDataCtrlr.TxUpdatedInterval", "60");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.plugIn(1);
            fx.present(1, "DRIVER-1");
            fx.pass(Duration.ofSeconds(30));
            fx.plugIn(2);
            fx.present(2, "DRIVER-2");
            fx.pass(Duration.ofSeconds(150));
            fx.evSuspends(2, true);
            fx.unplug(1);

            String first = TestHarness.join(fx.module(TransactionModule.class).transactionId(2)).orElseThrow();
            assertThat(TestHarness.join(fx.module(TransactionModule.class).transactionId(1))).isEmpty();
            String ended = fx.event(0).path("transactionInfo").path("transactionId").asText();
            List<ObjectNode> one = eventsOf(fx, ended);
            List<ObjectNode> two = eventsOf(fx, first);
            assertThat(ended).isNotEqualTo(first);
            assertThat(one).extracting(e -> e.path("seqNo").asInt()).containsExactly(0, 1, 2, 3, 4);
            assertThat(one).extracting(e -> e.path("evse").path("id").asInt(1)).containsOnly(1);
            assertThat(one.get(4).path("eventType").asText()).isEqualTo("Ended");
            assertThat(two).extracting(e -> e.path("seqNo").asInt()).containsExactly(0, 1, 2, 3);
            assertThat(two.get(3).path("transactionInfo").path("chargingState").asText()).isEqualTo("SuspendedEV");
            assertThat(register(one.get(4)) - register(one.get(0)))
                    .as("EVSE 1 charged 180 s").isGreaterThan(register(two.get(2)) - register(two.get(0)));
            assertThat(one.stream().filter(e -> e.has("meterValue")).map(TwoEvsesTest::register).toList()).isSorted();
        }
    }
}
