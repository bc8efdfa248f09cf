package io.ocppbdd.station.transactions;

import io.ocppbdd.driver.TokenOutcome;
import io.ocppbdd.testing.TestHarness;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MasterPassTest {

    @Test
    @DisplayName("C16.FR.02, C16.FR.03: a Master Pass token stops every ongoing transaction and starts none")
    void masterPassStopsEveryTransaction() {
        StationState state = StationState.withEvses("TX-MASTER", 2);
        state.getDeviceModel().put("AlignedDataCtrlr.Interval", "0");
        state.getDeviceModel().put("AuthCtrlr.MasterPassGroupId", "MASTER");
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            fx.csms.stubFor(Stub.on(Action.Authorize).when(p -> p.at("/idToken/idToken").asText().equals("BOSS"))
                    .willReturn(p -> p.putObject("idTokenInfo").put("status", "Accepted")
                            .putObject("groupIdToken").put("idToken", "MASTER").put("type", "Central")));
            fx.plugIn(1);
            fx.present(1, "DRIVER-1");
            fx.plugIn(2);
            fx.present(2, "DRIVER-2");

            assertThat(fx.present(1, "BOSS")).isEqualTo(TokenOutcome.STOPPED);
            fx.idle();

            List<ObjectNode> ended = fx.events().stream()
                    .filter(e -> e.path("eventType").asText().equals("Ended")).toList();
            assertThat(ended).hasSize(2).allSatisfy(e -> assertThat(
                    e.at("/transactionInfo/stoppedReason").asText()).isEqualTo("MasterPass"));
            assertThat(fx.present(2, "BOSS")).as("C16.FR.03: never starts one").isEqualTo(TokenOutcome.REFUSED);
        }
    }
}
