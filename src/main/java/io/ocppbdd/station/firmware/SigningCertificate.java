package io.ocppbdd.station.firmware;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The Firmware Signing certificate of an UpdateFirmwareRequest (PEM X.509) and the check of a firmware signature
 * against it (L01.FR.04, L01.FR.12): SHA-256 over the whole image, signed with RSA-PSS (MGF1-SHA-256, 32-byte salt)
 * as L01.FR.04 asks, or, as manufacturers' tools commonly produce, RSA PKCS#1 v1.5; for EC keys ECDSA (DER or
 * IEEE P1363 encoded), since the JDK has no ECSchnorr.
 */
final class SigningCertificate {

    private static final PSSParameterSpec RSA_PSS_SHA256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final X509Certificate certificate;

    private SigningCertificate(X509Certificate certificate) {
        this.certificate = certificate;
    }

    /**
     * Reads and checks the certificate (L01.FR.21): it must be present, one PEM X.509 certificate, valid at
     * {@code now}.
     * There is no manufacturer root to check the chain against, so any issuer is trusted.
     *
     * @throws IllegalArgumentException saying why the certificate is invalid
     */
    static SigningCertificate parse(String pem, Instant now) {
        if (pem == null) {
            throw new IllegalArgumentException("a signature came without the signingCertificate to check it");
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("signingCertificate is not a PEM X.509 certificate");
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("signingCertificate is not valid at " + now + " (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")");
        }
        return new SigningCertificate(certificate);
    }

    /** Whether the base64 signature is a valid signature of the image by this certificate's key. */
    boolean verifies(String base64Signature, byte[] image) {
        byte[] signature;
        try {
            signature = Base64.getMimeDecoder().decode(base64Signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        PublicKey key = certificate.getPublicKey();
        return verifiersFor(key.getAlgorithm()).stream().anyMatch(verifier -> {
            try {
                verifier.initVerify(key);
                verifier.update(image);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        });
    }

    private static List<Signature> verifiersFor(String keyAlgorithm) {
        try {
            return switch (keyAlgorithm) {
                case "RSA" -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(RSA_PSS_SHA256);
                    yield List.of(pss, Signature.getInstance("SHA256withRSA"));
                }
                case "EC" -> List.of(Signature.getInstance("SHA256withECDSA"),
                        Signature.getInstance("SHA256withECDSAinP1363Format"));
                default -> List.of();
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks a standard signature algorithm", e);
        }
    }
}
