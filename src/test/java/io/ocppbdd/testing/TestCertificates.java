package io.ocppbdd.testing;

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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool}, in PKCS12 files, each with a trust
 * store that holds only its certificate: the CSMS's server certificate for 127.0.0.1, a station's client
 * certificate, and a server certificate issued for another host. Each certificate is also written as PEM
 * ({@code <name>.pem}), and the station's private key as PEM PKCS#8 ({@code station.key}).
 */
public final class TestCertificates {

    public static final char[] PASSWORD = "test-store-password".toCharArray();

    public final Path csmsKeys;
    public final Path stationTrustsCsms;
    public final Path stationKeys;
    public final Path csmsTrustsStation;
    public final Path elsewhereKeys;
    public final Path stationTrustsElsewhere;
    public final Path csmsPem;
    public final Path stationPem;
    public final Path stationKeyPem;
    public final Path elsewherePem;

    private TestCertificates(Path dir) {
        csmsKeys = dir.resolve("csms.p12");
        stationTrustsCsms = dir.resolve("station-trusts-csms.p12");
        stationKeys = dir.resolve("station.p12");
        csmsTrustsStation = dir.resolve("csms-trusts-station.p12");
        elsewhereKeys = dir.resolve("elsewhere.p12");
        stationTrustsElsewhere = dir.resolve("station-trusts-elsewhere.p12");
        csmsPem = dir.resolve("csms.pem");
        stationPem = dir.resolve("station.pem");
        stationKeyPem = dir.resolve("station.key");
        elsewherePem = dir.resolve("elsewhere.pem");
    }

    /** Makes every store in this directory (the three identities side by side: keytool starts slowly). */
    public static TestCertificates createIn(Path dir) {
        TestCertificates made = new TestCertificates(dir);
        List.of(new Identity("csms", "CN=127.0.0.1, O=ocpp-bdd test CSO", "SAN=IP:127.0.0.1,DNS:localhost",
                        made.csmsKeys, made.stationTrustsCsms),
                new Identity("station", "CN=CS-TLS, O=ocpp-bdd test CSO", null,
                        made.stationKeys, made.csmsTrustsStation),
                new Identity("elsewhere", "CN=elsewhere.example, O=ocpp-bdd test CSO", "SAN=DNS:elsewhere.example",
                        made.elsewhereKeys, made.stationTrustsElsewhere))
                .parallelStream().forEach(Identity::create);
        made.writePem("csms", made.csmsKeys, made.csmsPem, null);
        made.writePem("station", made.stationKeys, made.stationPem, made.stationKeyPem);
        made.writePem("elsewhere", made.elsewhereKeys, made.elsewherePem, null);
        return made;
    }

    /** Writes the certificate of this PKCS12 file as PEM, and its private key as PEM PKCS#8 when asked. */
    private void writePem(String alias, Path keys, Path certificatePem, Path keyPem) {
        try (InputStream in = Files.newInputStream(keys)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            Files.writeString(certificatePem, pem("CERTIFICATE", store.getCertificate(alias).getEncoded()));
            if (keyPem != null) {
                Files.writeString(keyPem, pem("PRIVATE KEY", store.getKey(alias, PASSWORD).getEncoded()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
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
