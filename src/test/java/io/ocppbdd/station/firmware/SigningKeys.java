package io.ocppbdd.station.firmware;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Firmware signing keys made at test time with the JDK's keytool: self-signed certificates in a PKCS12 store,
 * exported as PEM, and signatures over firmware images as a manufacturer would make them.
 */
final class SigningKeys {

    static final String RSA = "rsa";
    static final String EC = "ec";
    static final String EXPIRED = "expired";

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore store;

    private SigningKeys(KeyStore store) {
        this.store = store;
    }

    /** An RSA 2048 and an EC P-256 key valid 2020-2119, and an EC key that expired in 2020. */
    static SigningKeys create(Path folder) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, PASSWORD);
        List<Process> running = List.of(
                keytool(folder, RSA, List.of("-keyalg", "RSA", "-keysize", "2048"), 36500),
                keytool(folder, EC, List.of("-keyalg", "EC", "-groupname", "secp256r1"), 36500),
                keytool(folder, EXPIRED, List.of("-keyalg", "EC", "-groupname", "secp256r1"), 1));
        for (Process process : running) {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: "
                        + new String(process.getInputStream().readAllBytes()));
            }
        }
        for (String alias : List.of(RSA, EC, EXPIRED)) {
            KeyStore one = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(folder.resolve(alias + ".p12"))) {
                one.load(in, PASSWORD);
            }
            store.setKeyEntry(alias, one.getKey(alias, PASSWORD), PASSWORD, one.getCertificateChain(alias));
        }
        return new SigningKeys(store);
    }

    /** The certificate of this key as PEM, as UpdateFirmwareRequest.firmware.signingCertificate carries it. */
    String certificatePem(String alias) throws Exception {
        Certificate certificate = store.getCertificate(alias);
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The base64 signature of the image: RSA-PSS with SHA-256 for RSA keys, ECDSA with SHA-256 for EC keys. */
    String sign(String alias, byte[] image) throws Exception {
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD);
        if (!key.getAlgorithm().equals("RSA")) {
            return sign(alias, "SHA256withECDSA", image);
        }
        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        return sign(key, pss, image);
    }

    /** The base64 signature of the image with this JDK signature algorithm (e.g. SHA256withRSA). */
    String sign(String alias, String algorithm, byte[] image) throws Exception {
        return sign((PrivateKey) store.getKey(alias, PASSWORD), Signature.getInstance(algorithm), image);
    }

    private static String sign(PrivateKey key, Signature signature, byte[] image) throws Exception {
        signature.initSign(key);
        signature.update(image);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    /** Starts keytool making a key and self-signed certificate in {@code <alias>.p12}; they run in parallel. */
    private static Process keytool(Path folder, String alias, List<String> algorithm, int validityDays)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", alias,
                "-dname", "CN=Firmware Signing " + alias + ", O=ocpp-bdd test manufacturer",
                "-startdate", "2020/01/01 00:00:00", "-validity", Integer.toString(validityDays),
                "-storetype", "PKCS12", "-keystore", folder.resolve(alias + ".p12").toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        command.addAll(algorithm);
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
