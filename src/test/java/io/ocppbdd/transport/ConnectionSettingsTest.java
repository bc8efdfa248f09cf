package io.ocppbdd.transport;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsTest {

    @Test
    @DisplayName("Part 4 §3.1.1 example 1: ws://csms.example.com/ocpp + CS001")
    void appendsTheIdentity() {
        assertThat(settings("ws://csms.example.com/ocpp", "CS001").connectionUri())
                .isEqualTo(URI.create("ws://csms.example.com/ocpp/CS001"));
        assertThat(settings("ws://csms.example.com/ocpp/", "CS001").connectionUri())
                .isEqualTo(URI.create("ws://csms.example.com/ocpp/CS001"));
    }

    @Test
    @DisplayName("Part 4 §3.1.1 example 2: identity \"RDAM 123\" becomes RDAM%20123")
    void percentEncodesTheIdentity() {
        URI uri = settings("wss://csms.example.com/ocppj", "RDAM 123").connectionUri();

        assertThat(uri.toString()).isEqualTo("wss://csms.example.com/ocppj/RDAM%20123");
        assertThat(uri.getRawPath()).isEqualTo("/ocppj/RDAM%20123");
    }

    @Test
    void onlyWebSocketSchemes() {
        assertThatThrownBy(() -> settings("http://csms.example.com/ocpp", "CS001"))
                .hasMessage("CSMS URL http://csms.example.com/ocpp must start with ws:// or wss://");
    }

    @Test
    void toStringNeverShowsThePassword() {
        ConnectionSettings settings = new ConnectionSettings(URI.create("ws://h/ocpp"), "CS001",
                "super-secret-password", Duration.ofSeconds(5), null);

        assertThat(settings.toString()).doesNotContain("super-secret-password").contains("basicAuth=true");
    }

    private static ConnectionSettings settings(String url, String stationId) {
        return new ConnectionSettings(URI.create(url), stationId, null, Duration.ofSeconds(5), null);
    }
}
