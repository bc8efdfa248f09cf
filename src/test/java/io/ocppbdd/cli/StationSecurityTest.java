package io.ocppbdd.cli;

import io.ocppbdd.concurrent.SystemScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.rpc.Connection;
import io.ocppbdd.rpc.ConnectionListener;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StationState;
import io.ocppbdd.testing.TestCertificates;
import io.ocppbdd.transport.OcppServer;
import io.ocppbdd.transport.ServerHandler;
import io.ocppbdd.transport.TlsContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import static io.ocppbdd.testing.TestCertificates.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code ocpp-bdd station} with security profiles 2 and 3 and TLS files from the command line and state file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationSecurityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Java-WebSocket's server now and then stalls an mTLS handshake; the station retries after its back-off. */
    private static final Duration MUTUAL_TLS_WAIT = Duration.ofSeconds(120);
    private static final String STATION_PASSWORD = "station-password-0123456789";

    private Path dir;
    private TestCertificates certificates;
    private EmbeddedCsms csms;
    private OcppServer mutualTls;
    private final Map<String, CompletableFuture<Void>> mutualTlsConnections = new ConcurrentHashMap<>();

    @BeforeAll
    void certificatesAndServers(@TempDir Path tempDir) {
        dir = tempDir;
        certificates = TestCertificates.createIn(dir);
        csms = EmbeddedCsms.start("127.0.0.1", 0, TlsContexts.of(certificates.csmsKeys, PASSWORD, null, null),
                SystemScheduler.instance());
        SSLContext server = TlsContexts.of(certificates.csmsKeys, PASSWORD, certificates.csmsTrustsStation, PASSWORD);
        SSLParameters needClientCertificate = server.getDefaultSSLParameters();
        needClientCertificate.setNeedClientAuth(true);
        needClientCertificate.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        mutualTls = new OcppServer("127.0.0.1", 0, server, needClientCertificate, new RecordConnections()).start();
    }

    @AfterAll
    void stop() {
        csms.close();
        mutualTls.stop();
    }

    @Test
    @DisplayName("A00.FR.301-309: security profile 2 from the command line, CA as PEM; the password is sent and "
            + "written nowhere")
    void profile2() throws Exception {
        csms.requirePassword("CS-P2", STATION_PASSWORD);
        Path state = dir.resolve("p2.json");
        CommandRun run = CommandRun.start(Map.of("OCPP_STATION_PASSWORD", STATION_PASSWORD), "station",
                "--csms", csms.url().toString(), "--id", "CS-P2", "--security-profile", "2",
                "--ca", certificates.csmsPem.toString(), "--state", state.toString());

        csms.request("CS-P2", Action.BootNotification, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
        StationState saved = new StateFile(state).load();
        assertThat(saved.getCsms().getSecurityProfile()).as("the profile given is for this run only").isZero();
        assertThat(saved.getCsms().getCa()).isNull();
        assertThat(Files.readString(state)).doesNotContain(STATION_PASSWORD);
        assertThat(new StateFile(state).secretsPath()).doesNotExist();
        assertThat(run.out() + run.errLines()).doesNotContain(STATION_PASSWORD);
    }

    @Test
    @DisplayName("A00.FR.401/402: security profile 3 from the command line, client certificate and key as PEM")
    void profile3WithPem() throws Exception {
        CommandRun run = CommandRun.start(Map.of(), "station", "--csms", mutualTls.url().toString(),
                "--id", "CS-P3-PEM", "--security-profile", "3", "--ca", certificates.csmsPem.toString(),
                "--client-cert", certificates.stationPem.toString(),
                "--client-key", certificates.stationKeyPem.toString(),
                "--state", dir.resolve("p3-pem.json").toString(), "-q");

        connection("CS-P3-PEM").get(MUTUAL_TLS_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
    }

    @Test
    @DisplayName("A00.FR.401/402: security profile 3 and PKCS#12 files from the state file's csms keys (paths "
            + "relative to it), the store passwords from the environment")
    void profile3FromStateFile() throws Exception {
        Path state = dir.resolve("p3-state.json");
        StationState initial = StationState.defaults("CS-P3-P12");
        initial.getCsms().setUrl(mutualTls.url().toString());
        initial.getCsms().setSecurityProfile(3);
        initial.getCsms().setCa(certificates.stationTrustsCsms.getFileName().toString());
        initial.getCsms().setClientCertificate(certificates.stationKeys.getFileName().toString());
        new StateFile(state).save(initial);
        String storePassword = new String(PASSWORD);

        CommandRun run = CommandRun.start(Map.of("OCPP_CA_PASSWORD", storePassword,
                "OCPP_CLIENT_CERT_PASSWORD", storePassword), "station", "--state", state.toString(), "-q");

        connection("CS-P3-P12").get(MUTUAL_TLS_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
        assertThat(Files.readString(state)).contains("\"clientCertificate\" : \"station.p12\"")
                .doesNotContain(storePassword);
        assertThat(run.errLines()).noneMatch(line -> line.contains(storePassword));
    }

    @Test
    @DisplayName("verification off only by the option that says so, with a warning")
    void insecureSkipTlsVerify() throws Exception {
        CommandRun run = CommandRun.start(Map.of(), "station", "--csms", csms.url().toString(), "--id", "CS-INSECURE",
                "--insecure-skip-tls-verify", "--state", dir.resolve("insecure.json").toString(), "-q");

        csms.request("CS-INSECURE", Action.BootNotification, r -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(run.stop().exitCode(WAIT.toSeconds())).isZero();
        assertThat(run.errLines()).containsExactly("ocpp-bdd station: WARNING: --insecure-skip-tls-verify: the "
                + "CSMS's certificate and host name are NOT verified; anyone on the network path can pose as the CSMS");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("inconsistent security settings: one line, exit 2, nothing saved")
    @CsvSource(delimiter = '|', value = {
        "--security-profile 1 --password @PW --csms wss://127.0.0.1:9/ocpp | security profile 1 (--security-profile) "
                + "is Basic auth over ws://, but the CSMS URL is wss://127.0.0.1:9/ocpp: use security profile 2 for wss://",
        "--security-profile 2 --password @PW --csms ws://127.0.0.1:9/ocpp | security profile 2 (--security-profile) "
                + "needs a wss:// CSMS URL, not ws://127.0.0.1:9/ocpp",
        "--security-profile 2 --csms wss://127.0.0.1:9/ocpp | security profile 2 (--security-profile) needs a "
                + "password: give --password or OCPP_STATION_PASSWORD",
        "--security-profile 3 --csms wss://127.0.0.1:9/ocpp | security profile 3 (--security-profile) needs a "
                + "client certificate: give --client-cert (PEM with --client-key, or PKCS#12)",
        "--security-profile 7 --csms ws://127.0.0.1:9/ocpp | --security-profile is '7'; security profiles are "
                + "0 (none), 1 (Basic auth, ws://), 2 (Basic auth, wss://) or 3 (client certificate, wss://)",
        "--ca @CA --csms ws://127.0.0.1:9/ocpp | --ca is for wss:// only, but the CSMS URL is ws://127.0.0.1:9/ocpp",
        "--client-key @KEY --csms wss://127.0.0.1:9/ocpp | --client-key needs a client certificate too (--client-cert)",
        "--insecure-skip-tls-verify --ca @CA --csms wss://127.0.0.1:9/ocpp | --insecure-skip-tls-verify and --ca "
                + "exclude each other",
        "--ca @MISSING --csms wss://127.0.0.1:9/ocpp | no such CA file: @MISSING",
        "--ca @KEY --csms wss://127.0.0.1:9/ocpp | no certificate in CA file @KEY (expected -----BEGIN "
                + "CERTIFICATE-----)",
        "--client-cert @P12 --csms wss://127.0.0.1:9/ocpp | cannot read certificate file @P12: neither PEM nor "
                + "PKCS#12, or the PKCS#12 password is wrong",
    })
    void inconsistentSettings(String args, String line) throws Exception {
        Path state = dir.resolve("refused.json");
        List<String> command = new ArrayList<>(List.of("station", "--id", "CS-BAD", "--state", state.toString()));
        for (String arg : args.split(" ")) {
            command.add(files(arg));
        }
        Map<String, String> environment = new HashMap<>(Map.of("OCPP_CLIENT_CERT_PASSWORD", "wrong-secret"));
        CommandRun run = CommandRun.start(environment, command.toArray(String[]::new));

        assertThat(run.exitCode(WAIT.toSeconds())).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("ocpp-bdd station: " + files(line) + " (try --help)");
        assertThat(run.out()).isEmpty();
        assertThat(state).doesNotExist();
    }

    private String files(String text) {
        return text.replace("@PW", STATION_PASSWORD).replace("@MISSING", dir.resolve("missing.pem").toString())
                .replace("@CA", certificates.csmsPem.toString()).replace("@KEY", certificates.stationKeyPem.toString())
                .replace("@P12", certificates.stationKeys.toString());
    }

    private CompletableFuture<Void> connection(String stationId) {
        return mutualTlsConnections.computeIfAbsent(stationId, id -> new CompletableFuture<>());
    }

    /** Admits every station and records that it connected. */
    private final class RecordConnections implements ServerHandler {
        @Override
        public boolean admits(String stationId, String password) {
            return true;
        }

        @Override
        public ConnectionListener connected(String stationId, Connection connection) {
            connection(stationId).complete(null);
            return new ConnectionListener() {
                @Override
                public void onText(String text) {
                }

                @Override
                public void onClosed(int code, String reason) {
                }
            };
        }
    }
}
