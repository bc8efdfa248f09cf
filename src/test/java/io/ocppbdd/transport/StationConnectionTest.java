package io.ocppbdd.transport;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Opening the OCPP-J connection over real sockets: URL, subprotocol and Basic auth (Part 4 §3). */
class StationConnectionTest {

    private static final String PASSWORD = "CorrectHorseBattery42";

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final EmbeddedCsms csms = EmbeddedCsms.start();
    private final List<ChargingStation> stations = new ArrayList<>();

    @AfterEach
    void stop() {
        stations.forEach(ChargingStation::stop);
        csms.close();
    }

    @Test
    @DisplayName("Part 4 §3.1.1: the identity \"RDAM 123\" is sent percent-encoded and the CSMS decodes it")
    void identityIsPercentEncoded() throws Exception {
        ChargingStation station = station(StationState.defaults("RDAM 123"), csms.url());

        station.start().get(30, TimeUnit.SECONDS);

        assertThat(csms.request("RDAM 123", Action.BootNotification, r -> true).get(30, TimeUnit.SECONDS)
                .stationId()).isEqualTo("RDAM 123");
        assertThat(csms.isConnected("RDAM 123")).isTrue();
    }

    @Test
    @DisplayName("Part 4 §3.1.1: the request path carries RDAM%20123, as a plain WebSocket server sees it")
    void requestPathIsEncoded() throws Exception {
        try (PlainWebSocketServer server = PlainWebSocketServer.started()) {
            ChargingStation station = station(StationState.defaults("RDAM 123"), server.url());
            station.start().get(30, TimeUnit.SECONDS);

            assertThat(PlainWebSocketServer.next(server.paths)).isEqualTo("/ocppj/RDAM%20123");
        }
    }

    @Test
    @DisplayName("Part 4 §3.1.2/§3.2: a server that does not select ocpp2.0.1 is refused with a clear message")
    void subprotocolMustBeSelected() throws Exception {
        try (PlainWebSocketServer server = new PlainWebSocketServer("").begin()) {
            ChargingStation station = station(StationState.defaults("CS-PROTO"), server.url());

            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> station.start().get(30, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(ConnectException.class)
                    .hasMessage("cannot connect to " + server.url() + "/CS-PROTO: the CSMS did not select subprotocol"
                            + " ocpp2.0.1 (it answered ''); check that the URL is the CSMS's OCPP 2.0.1 endpoint");
            assertThat(((ConnectException) e.getCause()).reason())
                    .isEqualTo(ConnectException.Reason.SUBPROTOCOL_NOT_SELECTED);
        }
    }

    @Test
    @DisplayName("A00.FR.202-204: Basic auth with the station id and the right password connects")
    void rightPasswordConnects() throws Exception {
        csms.requirePassword("CS-PW", PASSWORD);

        station(withPassword("CS-PW", PASSWORD), csms.url()).start().get(30, TimeUnit.SECONDS);

        assertThat(csms.request("CS-PW", Action.BootNotification, r -> true).get(30, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    @DisplayName("A00.FR.207: a wrong password or none is refused and start() fails saying why")
    void wrongPasswordIsRefused() {
        csms.requirePassword("CS-PW", PASSWORD);
        ChargingStation wrong = station(withPassword("CS-PW", "not-the-right-password"), csms.url());
        ChargingStation none = station(StationState.defaults("CS-PW"), csms.url());

        for (ChargingStation station : List.of(wrong, none)) {
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> station.start().get(30, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(ConnectException.class)
                    .hasMessageStartingWith("cannot connect to " + csms.url() + "/CS-PW: the CSMS refused the"
                            + " WebSocket handshake with HTTP 404 (the CSMS does not know this station id or refused its password)")
                    .hasMessageNotContaining("not-the-right-password");
        }
        assertThat(csms.isConnected("CS-PW")).isFalse();
    }

    @Test
    void refusedConnectionIsReported() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        URI nowhere = URI.create("ws://127.0.0.1:" + freePort + "/ocpp");

        ExecutionException e = catchThrowableOfType(ExecutionException.class,
                () -> station(StationState.defaults("CS-NOWHERE"), nowhere).start().get(30, TimeUnit.SECONDS));

        assertThat(e.getCause()).hasMessage("cannot connect to " + nowhere + "/CS-NOWHERE: connection refused");
    }

    private ChargingStation station(StationState state, URI url) {
        ChargingStation station = ChargingStation.builder(state).csmsUrl(url).scheduler(time)
                .connectTimeout(Duration.ofSeconds(5)).build();
        stations.add(station);
        return station;
    }

    private static StationState withPassword(String stationId, String password) {
        StationState state = StationState.defaults(stationId);
        state.getCsms().setSecurityProfile(1);
        state.getDeviceModel().put("SecurityCtrlr.BasicAuthPassword", password);
        return state;
    }
}
