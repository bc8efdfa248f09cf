package io.ocppbdd.transport;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import io.ocppbdd.station.ChargingStation;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import static io.ocppbdd.testing.TestCertificates.PASSWORD;
import static io.ocppbdd.transport.ConnectAttempts.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** wss:// with certificates made at test time: server verification (profile 2) and mutual TLS (profile 3). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

    private final ManualScheduler time = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private Path dir;
    private TestCertificates certificates;
    private EmbeddedCsms csms;
    private OcppServer mutualTlsServer;
    private EmbeddedCsms elsewhere;

    @BeforeAll
    void makeCertificatesAndServers(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        certificates = TestCertificates.createIn(dir);
        csms = EmbeddedCsms.start("127.0.0.1", 0, TlsContexts.of(certificates.csmsKeys, PASSWORD, null, null), time);
        SSLContext serverContext = TlsContexts.of(certificates.csmsKeys, PASSWORD, certificates.csmsTrustsStation, PASSWORD);
        SSLParameters needClientCertificate = serverContext.getDefaultSSLParameters();
        needClientCertificate.setNeedClientAuth(true);
        elsewhere = EmbeddedCsms.start("127.0.0.1", 0,
                TlsContexts.of(certificates.elsewhereKeys, PASSWORD, null, null), time);
        mutualTlsServer = new OcppServer("127.0.0.1", 0, serverContext, needClientCertificate, new AdmitAll())
                .start();
    }

    @AfterAll
    void stop() {
        csms.close();
        elsewhere.close();
        mutualTlsServer.stop();
    }

    @Test
    @DisplayName("A00.FR.410/411: a station that trusts the CSMS's certificate connects over wss:// and boots")
    void verifiedServerConnects() throws Exception {
        assertThat(csms.url().getScheme()).isEqualTo("wss");
        ChargingStation station = ChargingStation.builder(StationState.defaults("CS-TLS")).csmsUrl(csms.url())
                .scheduler(time).sslContext(TlsContexts.trusting(certificates.stationTrustsCsms, PASSWORD)).build();
        try {
            station.start().get(30, TimeUnit.SECONDS);

            assertThat(csms.request("CS-TLS", Action.BootNotification, r -> true).get(30, TimeUnit.SECONDS))
                    .isNotNull();
        } finally {
            station.stop();
        }
    }

    @Test
    @DisplayName("A00.FR.411/413/414: by default the station verifies the server and refuses an untrusted certificate")
    void untrustedServerIsRefused() {
        ChargingStation station = ChargingStation.builder(StationState.defaults("CS-UNTRUSTED"))
                .csmsUrl(csms.url()).scheduler(time).build();
        try {
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> station.start().get(30, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(ConnectException.class)
                    .hasMessageStartingWith("cannot connect to " + csms.url() + "/CS-UNTRUSTED: TLS failed: the CSMS's"
                            + " certificate is not issued by a CA the station trusts, or has expired (")
                    .hasMessageEndingWith("); give the station a trust store with the CA of the CSMS's certificate");
            assertThat(((ConnectException) e.getCause()).reason()).isEqualTo(ConnectException.Reason.UNTRUSTED_CERTIFICATE);
            assertThat(csms.isConnected("CS-UNTRUSTED")).isFalse();
        } finally {
            station.stop();
        }
    }

    @Test
    @DisplayName("A00.FR.412/413: a trusted certificate issued for another host is refused, naming the host")
    void certificateForAnotherHostIsRefused() {
        ChargingStation station = ChargingStation.builder(StationState.defaults("CS-WRONG-HOST"))
                .csmsUrl(elsewhere.url()).scheduler(time)
                .sslContext(TlsContexts.trusting(certificates.stationTrustsElsewhere, PASSWORD)).build();
        try {
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> station.start().get(30, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(ConnectException.class)
                    .hasMessage("cannot connect to " + elsewhere.url() + "/CS-WRONG-HOST: TLS failed: the CSMS's"
                            + " certificate is not issued for host 127.0.0.1 (No subject alternative names matching IP"
                            + " address 127.0.0.1 found); use a URL with a host name the certificate names, or give"
                            + " the CSMS a certificate for 127.0.0.1");
            assertThat(((ConnectException) e.getCause()).reason()).isEqualTo(ConnectException.Reason.WRONG_HOST);
        } finally {
            station.stop();
        }
    }

    @Test
    @DisplayName("A00.FR.402/403: with mutual TLS a station with a trusted client certificate connects")
    void clientCertificateAccepted() throws Exception {
        SSLContext withCertificate = TlsContexts.of(certificates.stationKeys, PASSWORD,
                certificates.stationTrustsCsms, PASSWORD);

        connectWithRetries(withCertificate).close();
    }

    @Test
    @DisplayName("A00.FR.407: a Java-WebSocket CSMS breaks off with a station without client certificate: named as likely")
    void clientCertificateRequired() {
        SSLContext withoutCertificate = TlsContexts.trusting(certificates.stationTrustsCsms, PASSWORD);

        ConnectException e = failure(connect(mutualTlsServer.url(), withoutCertificate, Duration.ofSeconds(30)));

        assertThat(e.reason()).isEqualTo(ConnectException.Reason.CLIENT_CERTIFICATE);
        assertThat(e).hasMessageStartingWith("cannot connect to " + mutualTlsServer.url() + "/CS-MTLS: TLS failed:"
                        + " the CSMS broke off (")
                .hasMessageEndingWith(") right after a TLS handshake in which the station had no client certificate"
                        + " to show; it likely wants one: give the station a key store with a certificate the CSMS"
                        + " trusts (security profile 3)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    @DisplayName("A00.FR.407: a CSMS that refuses a station without client certificate with an alert is named")
    void missingClientCertificateAlert(String protocol) throws Exception {
        SSLContext serverContext = TlsContexts.of(certificates.csmsKeys, PASSWORD, certificates.csmsTrustsStation,
                PASSWORD);
        try (HandshakeOnlyTlsServer server = new HandshakeOnlyTlsServer(serverContext, new String[] {protocol}, true)) {
            SSLContext withoutCertificate = TlsContexts.trusting(certificates.stationTrustsCsms, PASSWORD);

            ConnectException e = failure(connect(server.url(), withoutCertificate, Duration.ofSeconds(30)));

            assertThat(e.reason()).isEqualTo(ConnectException.Reason.CLIENT_CERTIFICATE);
            assertThat(e).hasMessage("cannot connect to " + server.url() + "/CS-MTLS: TLS failed: the CSMS wants a"
                    + " client certificate it trusts (Received fatal alert: bad_certificate); give the station a key"
                    + " store with a certificate the CSMS trusts (security profile 3)");
        }
    }

    @Test
    @DisplayName("A00.FR.416/419: a CSMS that offers only TLS 1.1 is refused, naming the version (InvalidTLSVersion)")
    void tls11OnlyServerIsRefused() throws Exception {
        Path security = dir.resolve("tls11-allowed.security");
        Files.writeString(security, "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024,"
                + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties=" + security, "-cp", System.getProperty("java.class.path"),
                HandshakeOnlyTlsServer.class.getName(), certificates.csmsKeys.toString(), new String(PASSWORD),
                "TLSv1.1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String port = CompletableFuture.supplyAsync(() -> firstLine(server)).get(60, TimeUnit.SECONDS);
            URI url = URI.create("wss://127.0.0.1:" + port + "/ocpp");
            SSLContext trusting = TlsContexts.trusting(certificates.stationTrustsCsms, PASSWORD);

            ConnectException e = failure(connect(url, trusting, Duration.ofSeconds(30)));

            assertThat(e.reason()).isEqualTo(ConnectException.Reason.TLS_VERSION);
            assertThat(e).hasMessage("cannot connect to " + url + "/CS-MTLS: TLS failed: the CSMS offers no TLS"
                    + " version the station accepts (Received fatal alert: protocol_version); the station speaks"
                    + " only TLS 1.2 and 1.3 (A00.FR.416), enable one of them on the CSMS");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void storeErrorsNameTheFileNotThePassword() {
        Path missing = dir.resolve("missing.p12");

        assertThatThrownBy(() -> TlsContexts.trusting(missing, PASSWORD))
                .hasMessage("no such CA file: " + missing);
        assertThatThrownBy(() -> TlsContexts.of(certificates.csmsKeys, "wrong-password".toCharArray(), null, null))
                .hasMessage("cannot read certificate file " + certificates.csmsKeys
                        + ": neither PEM nor PKCS#12, or the PKCS#12 password is wrong")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    @DisplayName("A00.FR.507: PEM files, read with the JDK: the CSMS's CA, and the station's certificate with its "
            + "PKCS#8 key for mutual TLS")
    void pemFiles() throws Exception {
        SSLContext context = TlsContexts.station(certificates.csmsPem, null, certificates.stationPem,
                certificates.stationKeyPem, null);

        connectWithRetries(context).close();
    }

    @Test
    void pemProblemsNameTheFileAndTheFix() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), "hello");
        Path rsaKey = Files.writeString(dir.resolve("rsa.key"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TlsContexts.station(null, null, certificates.stationPem, null, null))
                .hasMessage("certificate file " + certificates.stationPem + " is PEM and needs its private key: "
                        + "give the key file too (PEM, PKCS#8)");
        assertThatThrownBy(() -> TlsContexts.station(null, null, certificates.stationPem, notAKey, null))
                .hasMessage("private key " + notAKey + " holds no PEM key (expected -----BEGIN PRIVATE KEY-----, "
                        + "PKCS#8)");
        assertThatThrownBy(() -> TlsContexts.station(null, null, certificates.stationPem, rsaKey, null))
                .hasMessageStartingWith("private key " + rsaKey + " is RSA PRIVATE KEY, which is not read: "
                        + "convert it with: openssl pkcs8 -topk8 -nocrypt");
        assertThatThrownBy(() -> TlsContexts.station(null, null, certificates.csmsPem, certificates.stationKeyPem,
                null)).hasMessage("private key " + certificates.stationKeyPem + " does not belong to the first "
                        + "certificate in " + certificates.csmsPem + " (give the key of that certificate)");
        assertThatThrownBy(() -> TlsContexts.station(notAKey, null, null, null, null))
                .hasMessage("cannot read CA file " + notAKey + ": neither PEM nor PKCS#12, or the PKCS#12 password "
                        + "is wrong");
    }

    /**
     * Java-WebSocket's server now and then stalls a TLS handshake that carries a client certificate
     * (TooTallNate/Java-WebSocket#1500, open): the station's side is fine, and a station simply connects again
     * after its connect timeout, as this does.
     */
    private Connection connectWithRetries(SSLContext context) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return connect(mutualTlsServer.url(), context, Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException stalled) {
                if (attempt == 3) {
                    throw stalled;
                }
            }
        }
    }

    private static String firstLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompletableFuture<Connection> connect(URI url, SSLContext context, Duration timeout) {
        ConnectionSettings settings = new ConnectionSettings(url, "CS-MTLS", null, timeout, context);
        return NettyStationTransport.instance().connect(settings, new ConnectionListener() {
            @Override
            public void onText(String text) {
            }

            @Override
            public void onClosed(int code, String reason) {
            }
        });
    }
}
