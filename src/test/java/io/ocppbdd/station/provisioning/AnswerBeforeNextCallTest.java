package io.ocppbdd.station.provisioning;

import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
            out.write(upgrade(head(in)).getBytes(StandardCharsets.US_ASCII));
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

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the station hung up during its upgrade request");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String upgrade(String request) throws Exception {
        Matcher key = Pattern.compile("(?im)^sec-websocket-key:\\s*(\\S+)").matcher(request);
        assertThat(key.find()).isTrue();
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n\r\n";
    }

    /** One unfragmented, masked text frame from the station (RFC 6455 §5.2). */
    private static String readText(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        int opcode = in.readUnsignedByte() & 0x0F;
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        assertThat(opcode).as("a text frame").isEqualTo(1);
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** An unmasked text frame, as a server sends it. */
    private static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else {
            frame.write(126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        frame.writeBytes(payload);
        return frame.toByteArray();
    }
}
