package io.ocppbdd.station.reservation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.CancelReservationRequest;
import io.ocppbdd.protocol.messages.CancelReservationResponse;
import io.ocppbdd.protocol.messages.CancelReservationStatusEnum;
import io.ocppbdd.protocol.messages.ChangeAvailabilityRequest;
import io.ocppbdd.protocol.messages.ChangeAvailabilityResponse;
import io.ocppbdd.protocol.messages.EVSE;
import io.ocppbdd.protocol.messages.OperationalStatusEnum;
import io.ocppbdd.protocol.messages.RequestStartStopStatusEnum;
import io.ocppbdd.protocol.messages.ReserveNowRequest;
import io.ocppbdd.protocol.messages.ReserveNowResponse;
import io.ocppbdd.protocol.messages.ReserveNowStatusEnum;
import io.ocppbdd.station.state.EvseState;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestHarness;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.station.remote.Remote.start;
import static io.ocppbdd.station.remote.Remote.station;
import static io.ocppbdd.testing.TestHarness.join;
import static io.ocppbdd.testing.TestHarness.rfid;
import static org.assertj.core.api.Assertions.assertThat;

class ReservationTest {

    private static ReserveNowStatusEnum reserve(TestHarness.Station fx, int id, Integer evseId, String idToken,
                                                Duration validity) {
        ReserveNowStatusEnum status = join(fx.csms.send(fx.id, new ReserveNowRequest().withId(id).withEvseId(evseId)
                .withIdToken(rfid(idToken))
                .withExpiryDateTime(fx.now().plus(validity).atOffset(ZoneOffset.UTC)),
                ReserveNowResponse.class)).getStatus();
        fx.idle();
        return status;
    }

    private static CancelReservationStatusEnum cancel(TestHarness.Station fx, int id) {
        CancelReservationStatusEnum status = join(fx.csms.send(fx.id, new CancelReservationRequest()
                .withReservationId(id), CancelReservationResponse.class)).getStatus();
        fx.idle();
        return status;
    }

    private static List<String> statuses(TestHarness.Station fx) {
        return fx.csms.requests(fx.id, Action.StatusNotification).stream()
                .map(r -> r.payload().path("evseId").asInt() + ":" + r.payload().path("connectorStatus").asText())
                .toList();
    }

    private static List<String> since(TestHarness.Station fx, int before) {
        List<String> all = statuses(fx);
        return all.subList(before, all.size());
    }

    private static StationState twoEvses(String id) {
        StationState state = station(id, Map.of());
        state.getEvses().add(EvseState.withConnectors(2, 1));
        return state;
    }

    @Test
    @DisplayName("H01.FR.23 reserving an Available EVSE: Accepted and Reserved; F01.FR.21 a remote start for "
            + "another idToken is Rejected; H01.FR.15 the reserved idToken's transaction carries the reservationId "
            + "and ends the reservation")
    void reservationUsed() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(twoEvses("RSV-USE"));
            int before = statuses(fx).size();
            assertThat(reserve(fx, 11, 1, "DRIVER", Duration.ofMinutes(30))).isEqualTo(ReserveNowStatusEnum.ACCEPTED);
            assertThat(since(fx, before)).containsExactly("1:Reserved");
            assertThat(start(fx, 1, "SOMEONE-ELSE", 1).getStatus()).isEqualTo(RequestStartStopStatusEnum.REJECTED);

            fx.present(1, "DRIVER");
            fx.plugIn(1);
            ObjectNode started = fx.event(0);
            assertThat(started.path("reservationId").asInt()).isEqualTo(11);
            assertThat(since(fx, before)).containsExactly("1:Reserved", "1:Occupied");
            assertThat(cancel(fx, 11)).as("already used").isEqualTo(CancelReservationStatusEnum.REJECTED);
        }
    }

    @Test
    @DisplayName("H01 a reservation that expires: ReservationStatusUpdate Expired and the EVSE Available again; "
            + "H02.FR.01/02/04 cancel an unknown id Rejected, a known one Accepted and Available again")
    void expiryAndCancel() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(twoEvses("RSV-EXP"));
            int before = statuses(fx).size();
            reserve(fx, 1, 1, "A", Duration.ofSeconds(60));
            reserve(fx, 2, 2, "B", Duration.ofMinutes(30));
            fx.pass(Duration.ofSeconds(60));
            ObjectNode update = fx.csms.requests(fx.id, Action.ReservationStatusUpdate).get(0).payload();
            assertThat(update.path("reservationId").asInt()).isEqualTo(1);
            assertThat(update.path("reservationUpdateStatus").asText()).isEqualTo("Expired");
            assertThat(cancel(fx, 99)).isEqualTo(CancelReservationStatusEnum.REJECTED);
            assertThat(cancel(fx, 2)).isEqualTo(CancelReservationStatusEnum.ACCEPTED);
            assertThat(since(fx, before)).containsExactly("1:Reserved", "2:Reserved", "1:Available", "2:Available");
            assertThat(fx.csms.requests(fx.id, Action.ReservationStatusUpdate)).hasSize(1);
        }
    }

    @Test
    @DisplayName("H01.FR.02 the same id replaces the reservation; H01.FR.11-14 Occupied, Unavailable and Faulted "
            + "answers; H01.FR.19 no evseId Rejected without NonEvseSpecific; H01.FR.17 an EVSE made Unavailable "
            + "loses its reservation (Removed)")
    void answers() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station fx = harness.boot(twoEvses("RSV-ANS"));
            assertThat(reserve(fx, 1, 1, "A", Duration.ofMinutes(5))).isEqualTo(ReserveNowStatusEnum.ACCEPTED);
            assertThat(reserve(fx, 1, 1, "B", Duration.ofMinutes(5))).isEqualTo(ReserveNowStatusEnum.ACCEPTED);
            assertThat(reserve(fx, 2, 1, "C", Duration.ofMinutes(5))).isEqualTo(ReserveNowStatusEnum.OCCUPIED);
            assertThat(reserve(fx, 3, null, "C", Duration.ofMinutes(5))).isEqualTo(ReserveNowStatusEnum.REJECTED);
            fx.onLoop(() -> {
                fx.module(io.ocppbdd.station.evse.EvseModule.class).setFaulted(2, 1, true);
                return null;
            });
            assertThat(reserve(fx, 4, 2, "C", Duration.ofMinutes(5))).isEqualTo(ReserveNowStatusEnum.FAULTED);
            fx.onLoop(() -> {
                fx.module(io.ocppbdd.station.evse.EvseModule.class).setFaulted(2, 1, false);
                fx.module(io.ocppbdd.station.evse.EvseModule.class).setUnavailable(2, 1, true);
                return null;
            });
            assertThat(reserve(fx, 4, 2, "C", Duration.ofMinutes(5))).isEqualTo(ReserveNowStatusEnum.UNAVAILABLE);

            join(fx.csms.send(fx.id, new ChangeAvailabilityRequest().withEvse(new EVSE().withId(1))
                    .withOperationalStatus(OperationalStatusEnum.INOPERATIVE), ChangeAvailabilityResponse.class));
            fx.idle();
            ObjectNode removed = fx.csms.requests(fx.id, Action.ReservationStatusUpdate).get(0).payload();
            assertThat(removed.path("reservationId").asInt()).isEqualTo(1);
            assertThat(removed.path("reservationUpdateStatus").asText()).isEqualTo("Removed");
        }
    }
}
