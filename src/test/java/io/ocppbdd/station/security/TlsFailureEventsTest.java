package io.ocppbdd.station.security;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.RecordedRequest;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.station.BootStatus;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestCertificates;
import io.ocppbdd.transport.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ocppbdd.testing.TestHarness.PATIENCE;
import static io.ocppbdd.testing.TestHarness.join;
import static io.ocppbdd.testing.TestCertificates.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TLS failures become SecurityEventNotifications once the station is connected and accepted again, one per kind
 * however many attempts failed: real handshakes through a proxy that sends the first connections elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsFailureEventsTest {

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private TestCertificates certificates;
    private EmbeddedCsms csms;
    private EmbeddedCsms elsewhere;
    private Path bothCas;

    @BeforeAll
    void serversAndCertificates(@TempDir Path dir) throws Exception {
        certificates = TestCertificates.createIn(dir);
        csms = EmbeddedCsms.start("127.0.0.1", 0, TlsContexts.of(certificates.csmsKeys, PASSWORD, null, null), time);
        elsewhere = EmbeddedCsms.start("127.0.0.1", 0,
                TlsContexts.of(certificates.elsewhereKeys, PASSWORD, null, null), time);
        bothCas = Files.writeString(dir.resolve("both.pem"), Files.readString(certificates.csmsPem)
                + Files.readString(certificates.elsewherePem));
    }

    @AfterAll
    void stop() {
        csms.close();
        elsewhere.close();
    }

    @Test
    @DisplayName("A00.FR.310/311, A00.FR.413/414, TC_A_05_CS: a CSMS certificate for another host ends the "
            + "attempt; once connected, one InvalidCsmsCertificate event for two failed attempts")
    void invalidCsmsCertificate() throws Exception {
        try (SwitchingProxy proxy = new SwitchingProxy(csms.url().getPort())) {
            proxy.thenForwardTo(elsewhere.url().getPort()).thenForwardTo(elsewhere.url().getPort());

            RecordedRequest event = connectThroughFailures("CS-BAD-CERT", proxy, 2);

            assertThat(event.payload().path("type").asText()).isEqualTo("InvalidCsmsCertificate");
            assertThat(event.payload().path("techInfo").asText()).contains("the CSMS's certificate is not issued for host");
        }
    }

    @Test
    @DisplayName("A00.FR.316, A00.FR.419, TC_A_06_CS: a CSMS that answers with TLS 1.1 is refused; once connected, "
            + "an InvalidTLSVersion event")
    void invalidTlsVersion() throws Exception {
        try (SwitchingProxy proxy = new SwitchingProxy(csms.url().getPort())) {
            proxy.thenAnswer(tls11ServerHello());

            RecordedRequest event = connectThroughFailures("CS-OLD-TLS", proxy, 1);

            assertThat(event.payload().path("type").asText()).isEqualTo("InvalidTLSVersion");
        }
    }

    /** Starts a station through the proxy, moves time past the failed attempts and returns its one event. */
    private RecordedRequest connectThroughFailures(String id, SwitchingProxy proxy, int failedAttempts) {
        AtomicInteger failures = new AtomicInteger();
        ChargingStation station = ChargingStation.builder(StationState.defaults(id)).csmsUrl(proxy.url())
                .scheduler(time).sslContext(TlsContexts.station(bothCas, null, null, null, null))
                .module(context -> context.events().onConnectFailed(failure -> failures.incrementAndGet())).build();
        try {
            station.start();
            for (int attempt = 1; attempt <= failedAttempts; attempt++) {
                int expected = attempt;
                await().atMost(PATIENCE).until(() -> failures.get() == expected);
                time.advance(Duration.ofMinutes(10));
            }
            await().atMost(PATIENCE).until(() -> station.bootStatus() == BootStatus.ACCEPTED);
            RecordedRequest event = join(csms.request(id, Action.SecurityEventNotification, r -> true));
            join(station.whenIdle());
            assertThat(csms.requests(id, Action.SecurityEventNotification)).as("one event per kind").hasSize(1);
            return event;
        } finally {
            station.stop();
        }
    }

    /** A ServerHello choosing TLS 1.1 (0x0302), as a server that speaks nothing newer answers. */
    private static byte[] tls11ServerHello() {
        ByteBuffer hello = ByteBuffer.allocate(5 + 4 + 38);
        hello.put(new byte[] {0x16, 0x03, 0x02, 0x00, 42});
        hello.put(new byte[] {0x02, 0x00, 0x00, 38, 0x03, 0x02});
        hello.put(new byte[32]);
        hello.put(new byte[] {0x00, (byte) 0xC0, 0x13, 0x00});
        return hello.array();
    }
}
