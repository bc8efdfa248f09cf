package io.ocppbdd.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts for wss:// from PKCS12 files: a key store holds this side's certificate and private key (the CSMS's
 * server certificate, or the station's client certificate for mTLS, security profile 3); a trust store holds the
 * certificates of the other side's CAs. Passwords are used once and never logged or put into messages.
 * <pre>{@code
 * SSLContext station = TlsContexts.of(null, null, Path.of("csms-ca.p12"), trustPassword);      // profile 2
 * SSLContext csms = TlsContexts.of(Path.of("csms.p12"), keyPassword, Path.of("station-ca.p12"), trustPassword);
 * }</pre>
 */
public final class TlsContexts {

    /** TLS 1.2 and above only (A00.FR.416), on both sides. */
    static final String[] MODERN_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * A TLS context from PKCS12 files.
     *
     * @param keyStore   this side's certificate and key, or null for none (a station without client certificate)
     * @param trustStore the CA certificates to trust, or null for the JDK's default CAs
     * @throws IllegalArgumentException naming the file when a store is missing, unreadable or its password wrong
     */
    public static SSLContext of(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        try {
            KeyManager[] keys = null;
            if (keyStore != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(load(keyStore, keyStorePassword, "key store"), keyStorePassword);
                keys = factory.getKeyManagers();
            }
            TrustManager[] trust = null;
            if (trustStore != null) {
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(load(trustStore, trustStorePassword, "trust store"));
                trust = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException("cannot read the private key in key store " + keyStore
                    + ": wrong key password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** A station's context that trusts only the CAs in this PKCS12 trust store (security profile 2). */
    public static SSLContext trusting(Path trustStore, char[] password) {
        return of(null, null, trustStore, password);
    }

    private static KeyStore load(Path file, char[] password, String what) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file
                    + ": not PKCS12, or the password is wrong", e);
        }
    }
}
