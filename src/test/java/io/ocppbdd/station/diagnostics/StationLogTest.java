package io.ocppbdd.station.diagnostics;

import io.ocppbdd.protocol.messages.LogEnum;
import io.ocppbdd.rpc.Direction;
import io.ocppbdd.rpc.MessageTrace;
import io.ocppbdd.rpc.TraceEntry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StationLogTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @DisplayName("N01.FR.17 note: the VPN and APN passwords of SetNetworkProfile never reach the uploaded log")
    void masksNetworkProfilePasswords() {
        MessageTrace trace = new MessageTrace();
        trace.record(new TraceEntry(T0, "CS-1", Direction.RECEIVED, "[2,\"m1\",\"SetNetworkProfile\",{"
                + "\"configurationSlot\":1,\"connectionData\":{\"vpn\":{\"server\":\"vpn\",\"user\":\"u\","
                + "\"password\":\"vpn-secret\",\"key\":\"k\",\"type\":\"IPSec\"},\"apn\":{\"apn\":\"internet\","
                + "\"apnPassword\":\"apn-secret\",\"apnAuthentication\":\"AUTO\"}}}]"));

        String log = render(trace, LogEnum.DIAGNOSTICS_LOG);

        assertThat(log).doesNotContain("vpn-secret", "apn-secret")
                .contains("\"password\":\"********\"", "\"apnPassword\":\"********\"", "\"server\":\"vpn\"");
    }

    @Test
    @DisplayName("N01.FR.03/04: the SecurityLog holds the security events, the DiagnosticsLog every frame of this "
            + "station, exactly as sent")
    void selectsFramesByLogTypeAndStation() {
        MessageTrace trace = new MessageTrace();
        String heartbeat = "[2, \"m2\", \"Heartbeat\", {}]";
        String event = "[2,\"m3\",\"SecurityEventNotification\",{\"type\":\"FirmwareUpdated\","
                + "\"timestamp\":\"2026-01-01T00:00:01Z\"}]";
        trace.record(new TraceEntry(T0, "CS-1", Direction.SENT, heartbeat));
        trace.record(new TraceEntry(T0.plusSeconds(1), "CS-1", Direction.SENT, event));
        trace.record(new TraceEntry(T0.plusSeconds(2), "CS-2", Direction.SENT, heartbeat));

        assertThat(render(trace, LogEnum.DIAGNOSTICS_LOG)).isEqualTo("2026-01-01T00:00:00Z SENT " + heartbeat + "\n"
                + "2026-01-01T00:00:01Z SENT " + event + "\n");
        assertThat(render(trace, LogEnum.SECURITY_LOG)).isEqualTo("2026-01-01T00:00:01Z SENT " + event + "\n");
    }

    private static String render(MessageTrace trace, LogEnum type) {
        return new String(StationLog.render(trace, "CS-1", type, null, null), StandardCharsets.UTF_8);
    }
}
