package io.ocppbdd.station.availability;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.ChangeAvailabilityRequest;
import io.ocppbdd.protocol.messages.ChangeAvailabilityResponse;
import io.ocppbdd.protocol.messages.ChangeAvailabilityStatusEnum;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.OperationalStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.station.remote.Remote.start;
import static io.ocppbdd.station.remote.Remote.station;
import static io.ocppbdd.testing.TestHarness.join;
import static org.assertj.core.api.Assertions.assertThat;

class ChangeAvailabilityTest {

    @TempDir
    Path folder;

    static ChangeAvailabilityStatusEnum change(TestHarness.Station fx, OperationalStatusEnum status, EVSE evse) {
        ChangeAvailabilityStatusEnum answer = join(fx.csms.send(fx.id, new ChangeAvailabilityRequest()
                .withOperationalStatus(status).withEvse(evse), ChangeAvailabilityResponse.class)).getStatus();
        fx.idle();
        return answer;
    }

    static List<String> statuses(TestHarness.Station fx) {
        return fx.csms.requests(fx.id, Action.StatusNotification).stream()
                .map(r -> r.payload().path("evseId").asInt() + "/" + r.payload().path("connectorId").asInt() + ":"
                        + r.payload().path("connectorStatus").asText())
                .toList();
    }

    private static List<String> since(TestHarness.Station fx, int before) {
        List<String> all = statuses(fx);
        return all.subList(before, all.size());
    }

    @Test
    @DisplayName("G03.FR.04/06/07 one connector Inoperative then Operative: StatusNotification Unavailable, then "
            + "Available; F01.FR.23 a remote start on it is Rejected meanwhile; an unknown connector is Rejected")
    void connector() {
        StationState state = station("AV-G03", Map.of());
        state.getEvses().set(0, EvseState.withConnectors(1, 2));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state);
            int before = statuses(fx).size();
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, new EVSE().withId(1).withConnectorId(2)))
                    .isEqualTo(ChangeAvailabilityStatusEnum.ACCEPTED);
            assertThat(since(fx, before)).containsExactly("1/2:Unavailable");
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, new EVSE().withId(1)))
                    .isEqualTo(ChangeAvailabilityStatusEnum.ACCEPTED);
            assertThat(since(fx, before)).containsExactly("1/2:Unavailable", "1/1:Unavailable");
            assertThat(start(fx, 1, "T", 1).getStatus()).isEqualTo(RequestStartStopStatusEnum.REJECTED);
            assertThat(change(fx, OperationalStatusEnum.OPERATIVE, new EVSE().withId(1)))
                    .isEqualTo(ChangeAvailabilityStatusEnum.ACCEPTED);
            assertThat(since(fx, before)).endsWith("1/1:Available", "1/2:Available");
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, new EVSE().withId(1).withConnectorId(3)))
                    .isEqualTo(ChangeAvailabilityStatusEnum.REJECTED);
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, new EVSE().withId(2)))
                    .isEqualTo(ChangeAvailabilityStatusEnum.REJECTED);
        }
    }

    @Test
    @DisplayName("G04.FR.01/05/07 the whole station Inoperative: every connector Unavailable; G04.FR.09 / "
            + "B01.FR.07 it stays Unavailable after a restart from the state file; G04.FR.04 the same state again "
            + "is Accepted")
    void stationPersistsAcrossRestart() {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        StationState state = station("AV-G04", Map.of());
        state.getEvses().add(EvseState.withConnectors(2, 1));
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(state, file);
            int before = statuses(fx).size();
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, null))
                    .isEqualTo(ChangeAvailabilityStatusEnum.ACCEPTED);
            assertThat(since(fx, before)).containsExactly("1/1:Unavailable", "2/1:Unavailable");
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, null))
                    .isEqualTo(ChangeAvailabilityStatusEnum.ACCEPTED);
            assertThat(statuses(fx)).hasSize(before + 2);

            int beforeRestart = statuses(fx).size();
            fx.powerCutAndRestart();
            fx.idle();
            assertThat(since(fx, beforeRestart)).containsExactly("1/1:Unavailable", "2/1:Unavailable");
        }
    }

    @Test
    @DisplayName("G03.FR.05 / G04.FR.06 Inoperative during a transaction is Scheduled and applied when the "
            + "transaction has ended: the connector reports Unavailable once the cable is out")
    void scheduledDuringTransaction() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(station("AV-SCHED", Map.of()));
            fx.plugIn(1);
            fx.present(1, "TOKEN");
            int before = statuses(fx).size();
            assertThat(change(fx, OperationalStatusEnum.INOPERATIVE, new EVSE().withId(1)))
                    .isEqualTo(ChangeAvailabilityStatusEnum.SCHEDULED);
            assertThat(since(fx, before)).isEmpty();
            fx.present(1, "TOKEN");
            assertThat(fx.event(fx.events().size() - 1).path("eventType").asText()).isEqualTo("Ended");
            fx.unplug(1);
            assertThat(since(fx, before)).containsExactly("1/1:Unavailable");
        }
    }
}
