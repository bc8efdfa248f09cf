package io.ocppbdd.station.provisioning;

import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.ocppbdd.testing.HandWrittenWebSocket.readHead;
import static io.ocppbdd.testing.HandWrittenWebSocket.readText;
import static io.ocppbdd.testing.HandWrittenWebSocket.textFrame;
import static io.ocppbdd.testing.HandWrittenWebSocket.upgradeAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station acts on an answer before the CSMS CALL that follows it on the wire: here both come in one TCP write,
 * from a CSMS written by hand, so that nothing between them can keep them apart.
 */
class AnswerBeforeNextCallTest {

    private static final Pattern MESSAGE_ID = Pattern.compile("^\\[2,\"([^\"]+)\"");

    @Test
    @DisplayName("B03.FR.08: a CALL right behind the Rejected BootNotification answer meets a rejected station and "
            + "gets CALLERROR SecurityError")
    void aCallRightBehindTheRejectionIsRefused() throws Exception {
        try (ServerSocket csms = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Simulation simulation = Simulation.builder().virtualTime(Instant.parse("2026-01-01T00:00:00Z"))
                     .csms(CsmsDrivers.external(URI.create("ws://127.0.0.1:" + csms.getLocalPort() + "/ocpp")))
                     .build()) {
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> rejectAndAskAtOnce(csms));
            StationDriver station = simulation.addStation(StationSpec.of("CS-B03-8"));
            station.start();

            assertThat(reply.get(30, TimeUnit.SECONDS))
                    .startsWith("[4,\"gv-1\",\"SecurityError\"");
        }
    }

    /** Accepts the station, answers its BootNotification Rejected and sends GetVariables in the same write. */
    private static String rejectAndAskAtOnce(ServerSocket csms) {
        try (Socket socket = csms.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(upgradeAnswer(readHead(in)));
            Matcher boot = MESSAGE_ID.matcher(readText(in));
            assertThat(boot.find()).isTrue();
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(textFrame("[3,\"" + boot.group(1) + "\",{\"currentTime\":\"2026-01-01T00:00:00Z\","
                    + "\"interval\":60,\"status\":\"Rejected\"}]"));
            both.write(textFrame("[2,\"gv-1\",\"GetVariables\",{\"getVariableData\":[{\"component\":{\"name\":"
                    + "\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}]"));
            out.write(both.toByteArray());
            out.flush();
            return readText(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
