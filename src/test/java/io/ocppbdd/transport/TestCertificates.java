package io.ocppbdd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool}, in PKCS12 files, each with a trust
 * store that holds only its certificate: the CSMS's server certificate for 127.0.0.1, a station's client certificate, and a
 * server certificate issued for another host.
 */
final class TestCertificates {

    static final char[] PASSWORD = "test-store-password".toCharArray();

    final Path csmsKeys;
    final Path stationTrustsCsms;
    final Path stationKeys;
    final Path csmsTrustsStation;
    final Path elsewhereKeys;
    final Path stationTrustsElsewhere;

    private TestCertificates(Path dir) {
        csmsKeys = dir.resolve("csms.p12");
        stationTrustsCsms = dir.resolve("station-trusts-csms.p12");
        stationKeys = dir.resolve("station.p12");
        csmsTrustsStation = dir.resolve("csms-trusts-station.p12");
        elsewhereKeys = dir.resolve("elsewhere.p12");
        stationTrustsElsewhere = dir.resolve("station-trusts-elsewhere.p12");
    }

    /** Makes every store in this directory (the three identities side by side: keytool starts slowly). */
    static TestCertificates createIn(Path dir) {
        TestCertificates made = new TestCertificates(dir);
        List.of(new Identity("csms", "CN=127.0.0.1, O=ocpp-bdd test CSO", "SAN=IP:127.0.0.1,DNS:localhost",
                        made.csmsKeys, made.stationTrustsCsms),
                new Identity("station", "CN=CS-TLS, O=ocpp-bdd test CSO", null,
                        made.stationKeys, made.csmsTrustsStation),
                new Identity("elsewhere", "CN=elsewhere.example, O=ocpp-bdd test CSO", "SAN=DNS:elsewhere.example",
                        made.elsewhereKeys, made.stationTrustsElsewhere))
                .parallelStream().forEach(Identity::create);
        return made;
    }

    /** One key pair, and a trust store holding its certificate. */
    private record Identity(String alias, String subject, String extension, Path keys, Path trustedBy) {

        void create() {
            List<String> keyPair = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", subject, "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keys.toString(), "-storepass", new String(PASSWORD)));
            if (extension != null) {
                keyPair.addAll(List.of("-ext", extension));
            }
            keytool(keyPair);
            trustCertificate();
        }

        /** Copies the certificate, without its key, into the trust store (public KeyStore API). */
        private void trustCertificate() {
            try (InputStream in = Files.newInputStream(keys); OutputStream out = Files.newOutputStream(trustedBy)) {
                KeyStore source = KeyStore.getInstance("PKCS12");
                source.load(in, PASSWORD);
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, PASSWORD);
                trust.setCertificateEntry(alias, source.getCertificate(alias));
                trust.store(out, PASSWORD);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void keytool(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
