package io.ocppbdd.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool}, in PKCS12 files: a CSMS server
 * certificate for 127.0.0.1, a station client certificate, and trust stores holding each.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-store-password".toCharArray();

    final Path csmsKeys;
    final Path csmsTrust;
    final Path stationKeys;
    final Path stationTrust;

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
        this.csmsKeys = dir.resolve("csms.p12");
        this.csmsTrust = dir.resolve("csms-trusts-stations.p12");
        this.stationKeys = dir.resolve("station.p12");
        this.stationTrust = dir.resolve("station-trusts-csms.p12");
    }

    /** Makes every store in this directory. */
    static TestCertificates createIn(Path dir) throws IOException, InterruptedException {
        TestCertificates certificates = new TestCertificates(dir);
        certificates.keyPair(certificates.csmsKeys, "csms", "CN=127.0.0.1, O=ocpp-bdd test CSO",
                "SAN=IP:127.0.0.1,DNS:localhost");
        certificates.keyPair(certificates.stationKeys, "station", "CN=CS-TLS, O=ocpp-bdd test CSO", null);
        certificates.trust(certificates.csmsKeys, "csms", certificates.stationTrust);
        certificates.trust(certificates.stationKeys, "station", certificates.csmsTrust);
        return certificates;
    }

    private void keyPair(Path store, String alias, String subject, String extension)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", subject, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD)));
        if (extension != null) {
            args.addAll(List.of("-ext", extension));
        }
        keytool(args);
    }

    private void trust(Path keyStore, String alias, Path trustStore) throws IOException, InterruptedException {
        Path certificate = dir.resolve(alias + ".crt");
        keytool(List.of("-exportcert", "-rfc", "-alias", alias, "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", new String(PASSWORD)));
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException("keytool " + args.get(0) + " failed: " + output);
        }
    }
}
