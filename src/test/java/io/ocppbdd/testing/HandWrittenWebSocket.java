package io.ocppbdd.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server side of a WebSocket written by hand (RFC 6455), for tests that must control every byte a CSMS sends:
 * the upgrade request's head, the 101 answer, and text frames both ways.
 */
public final class HandWrittenWebSocket {

    private static final Pattern KEY = Pattern.compile("(?im)^sec-websocket-key:\\s*(\\S+)");

    private HandWrittenWebSocket() {
    }

    /** The request head, up to and including the empty line. */
    public static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before the end of its request head");
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The 101 answer to an upgrade request that selects ocpp2.0.1. */
    public static byte[] upgradeAnswer(String requestHead) {
        Matcher key = KEY.matcher(requestHead);
        if (!key.find()) {
            throw new IllegalArgumentException("no Sec-WebSocket-Key in " + requestHead);
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: ocpp2.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One unfragmented text frame from the client, unmasked (RFC 6455 §5.2). */
    public static String readText(InputStream stream) throws IOException {
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
        if (opcode != 1) {
            throw new IOException("expected a text frame, got opcode " + opcode);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** An unmasked text frame, as a server sends it (payloads up to 64 KiB). */
    public static byte[] textFrame(String text) {
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
