package io.ocppbdd.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key and trust stores from files, with the JDK only: PEM (X.509 certificates, unencrypted PKCS#8 RSA or EC keys)
 * or PKCS#12. Every failure is an {@link IllegalArgumentException} that names the file and the fix, never a
 * password.
 */
final class PemFiles {

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ([A-Z ]*PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final String CONVERT_KEY = "convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem";

    private PemFiles() {
    }

    /** Trust in every certificate of this PEM file, or in those of this PKCS#12 file. */
    static TrustManager[] trustManagers(Path file, char[] password) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore(file, password));
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * This side's certificate chain and private key: a PEM certificate file (leaf first) with a PEM key file, or a
     * PKCS#12 file that holds both (then {@code keyFile} is null).
     */
    static KeyManager[] keyManagers(Path certificateFile, Path keyFile, char[] password) {
        char[] entryPassword = password == null ? new char[0] : password;
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore(certificateFile, keyFile, entryPassword), entryPassword);
            return factory.getKeyManagers();
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("cannot read the private key in " + certificateFile
                    + ": wrong password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use certificate file " + certificateFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore trustStore(Path file, char[] password) {
        byte[] content = read(file, "CA file");
        if (!isPem(content)) {
            return pkcs12(file, content, password, "CA file");
        }
        try {
            KeyStore store = emptyStore();
            List<Certificate> certificates = certificates(file, content, "CA file");
            for (int index = 0; index < certificates.size(); index++) {
                store.setCertificateEntry("ca-" + index, certificates.get(index));
            }
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + file + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore keyStore(Path certificateFile, Path keyFile, char[] password) {
        byte[] content = read(certificateFile, "certificate file");
        if (!isPem(content)) {
            if (keyFile != null) {
                throw new IllegalArgumentException("certificate file " + certificateFile + " is a PKCS#12 file, "
                        + "which holds its own key: leave out the key file " + keyFile);
            }
            return pkcs12(certificateFile, content, password, "certificate file");
        }
        if (keyFile == null) {
            throw new IllegalArgumentException("certificate file " + certificateFile + " is PEM and needs its "
                    + "private key: give the key file too (PEM, PKCS#8)");
        }
        List<Certificate> chain = certificates(certificateFile, content, "certificate file");
        PrivateKey key = privateKey(keyFile);
        checkKeyMatches(key, chain.get(0), certificateFile, keyFile);
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("client", key, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use certificate file " + certificateFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean isPem(byte[] content) {
        return new String(content, 0, Math.min(content.length, 4096), StandardCharsets.US_ASCII)
                .contains("-----BEGIN ");
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such " + what + ": " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + " (" + e.getMessage()
                    + "): check the path and its permissions", e);
        }
    }

    private static KeyStore pkcs12(Path file, byte[] content, char[] password, String what) {
        try (InputStream in = new ByteArrayInputStream(content)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": neither PEM nor PKCS#12, "
                    + "or the PKCS#12 password is wrong", e);
        }
    }

    private static List<Certificate> certificates(Path file, byte[] content, String what) {
        if (!new String(content, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("no certificate in " + what + " " + file + " (expected "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        try {
            return List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(content)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": not a PEM X.509 certificate ("
                    + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text = new String(read(file, "private key"), StandardCharsets.US_ASCII);
        Matcher pem = PEM_KEY.matcher(text);
        if (!pem.find()) {
            throw new IllegalArgumentException("private key " + file + " holds no PEM key (expected "
                    + "-----BEGIN PRIVATE KEY-----, PKCS#8)");
        }
        if (!pem.group(1).equals("PRIVATE KEY")) {
            throw new IllegalArgumentException("private key " + file + " is " + pem.group(1) + ", which is not "
                    + "read: " + CONVERT_KEY + ", or give a PKCS#12 file as client certificate");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("private key " + file + " is neither an RSA nor an EC PKCS#8 key");
    }

    /** A key that does not belong to the certificate would only fail in the TLS handshake; say so now. */
    private static void checkKeyMatches(PrivateKey key, Certificate certificate, Path certificateFile,
                                        Path keyFile) {
        String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "ocpp-bdd key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: reported below
        }
        throw new IllegalArgumentException("private key " + keyFile + " does not belong to the first "
                + "certificate in " + certificateFile + " (give the key of that certificate)");
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }
}
