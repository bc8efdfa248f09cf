package io.ocppbdd.station.diagnostics;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StationLogTest {

    @Test
    @DisplayName("N01.FR.17 note: the VPN and APN passwords of SetNetworkProfile never reach the uploaded log")
    void masksNetworkProfilePasswords() {
        String frame = "[2,\"m1\",\"SetNetworkProfile\",{\"configurationSlot\":1,\"connectionData\":{"
                + "\"vpn\":{\"server\":\"vpn\",\"user\":\"u\",\"password\":\"vpn-secret\",\"key\":\"k\",\"type\":\"IPSec\"},"
                + "\"apn\":{\"apn\":\"internet\",\"apnPassword\":\"apn-secret\",\"apnAuthentication\":\"AUTO\"}}}]";

        String logged = StationLog.redacted(frame);

        assertThat(logged).doesNotContain("vpn-secret", "apn-secret")
                .contains("\"password\":\"********\"", "\"apnPassword\":\"********\"", "\"server\":\"vpn\"");
    }

    @Test
    @DisplayName("N01: frames without secrets stay exactly as they went over the wire")
    void keepsOtherFramesVerbatim() {
        String frame = "[2, \"m2\", \"Heartbeat\", {}]";

        assertThat(StationLog.redacted(frame)).isEqualTo(frame);
        assertThat(StationLog.redacted("[3,\"m2\",{\"currentTime\":\"2026-01-01T00:00:00Z\"}]"))
                .isEqualTo("[3,\"m2\",{\"currentTime\":\"2026-01-01T00:00:00Z\"}]");
    }
}
