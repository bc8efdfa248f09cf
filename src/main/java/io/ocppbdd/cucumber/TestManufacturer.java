package io.ocppbdd.cucumber;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;

/**
 * A firmware manufacturer for scenarios: a self-signed RSA 2048 Firmware Signing certificate (valid 2020-2119)
 * and its key, shipped for tests only, signing images with RSA-PSS over SHA-256 as L01.FR.04 asks.
 */
final class TestManufacturer {

    private static final String FOLDER = "/io/ocppbdd/cucumber/";

    private TestManufacturer() {
    }

    /** The PEM certificate for UpdateFirmwareRequest.firmware.signingCertificate. */
    static String certificate() {
        return resource("firmware-signing-certificate.pem");
    }

    /** The base64 signature of these image bytes. */
    static String sign(byte[] image) {
        try {
            String pem = resource("firmware-signing-key.pem").replaceAll("-----[A-Z ]+-----|\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signature.initSign(key);
            signature.update(image);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the test manufacturer's key", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TestManufacturer.class.getResourceAsStream(FOLDER + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name, e);
        }
    }
}
