package io.ocppbdd.transport;

import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS contexts for wss:// from files, PEM or PKCS#12 (read with the JDK only, see {@link PemFiles}): a key store
 * holds this side's certificate and private key (the CSMS's server certificate, or the station's client
 * certificate for security profile 3); a trust store holds the certificates of the other side's CAs. Passwords are
 * used once and never logged or put into messages; every problem is an {@link IllegalArgumentException} naming the
 * file and the fix.
 * <pre>{@code
 * SSLContext profile2 = TlsContexts.station(Path.of("csms-ca.pem"), null, null, null, null);
 * SSLContext profile3 = TlsContexts.station(Path.of("csms-ca.pem"), null, Path.of("cs.pem"), Path.of("cs.key"), null);
 * SSLContext csms = TlsContexts.of(Path.of("csms.p12"), keyPassword, Path.of("station-ca.p12"), trustPassword);
 * }</pre>
 */
public final class TlsContexts {

    /** TLS 1.2 and above only (A00.FR.313, A00.FR.416), on both sides. */
    static final String[] MODERN_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * A TLS context from a PKCS#12 key store and a PKCS#12 or PEM trust store.
     *
     * @param keyStore   this side's certificate and key (PKCS#12), or null for none (a station without client
     *                   certificate)
     * @param trustStore the CA certificates to trust (PKCS#12 or PEM), or null for the JDK's default CAs
     * @throws IllegalArgumentException naming the file when a store is missing, unreadable or its password wrong
     */
    public static SSLContext of(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        return context(keyStore == null ? null : PemFiles.keyManagers(keyStore, null, keyStorePassword),
                trustStore == null ? null : PemFiles.trustManagers(trustStore, trustStorePassword));
    }

    /** A station's context that trusts only the CAs in this trust store (security profile 2). */
    static SSLContext trusting(Path trustStore, char[] password) {
        return of(null, null, trustStore, password);
    }

    /**
     * A station's context: the CSMS's CA and, for security profile 3, the station's certificate.
     *
     * @param ca                the CA certificate(s) of the CSMS, PEM or PKCS#12; null for the JVM's default trust
     *                          (its cacerts, or {@code -Djavax.net.ssl.trustStore})
     * @param clientCertificate the station's certificate chain, PEM (with {@code clientKey}) or PKCS#12 (key
     *                          inside, {@code clientKey} null); null for none
     * @param clientPassword    the PKCS#12 password of the client certificate, or null
     */
    public static SSLContext station(Path ca, char[] caPassword, Path clientCertificate, Path clientKey,
                                     char[] clientPassword) {
        KeyManager[] keys = clientCertificate == null ? null
                : PemFiles.keyManagers(clientCertificate, clientKey, clientPassword);
        return context(keys, ca == null ? defaultTrust() : PemFiles.trustManagers(ca, caPassword));
    }

    /**
     * A station's context that trusts any server certificate for any host name: for tests against a CSMS with a
     * throw-away certificate only. Anyone on the network path can pose as the CSMS.
     */
    public static SSLContext trustingAnyServer(Path clientCertificate, Path clientKey, char[] clientPassword) {
        KeyManager[] keys = clientCertificate == null ? null
                : PemFiles.keyManagers(clientCertificate, clientKey, clientPassword);
        return context(keys, new TrustManager[] {new TrustAnyServer()});
    }

    /**
     * The JVM's default context (its cacerts, or {@code -Djavax.net.ssl.trustStore/keyStore}), checked now: a
     * missing or unreadable store, or a wrong password, is one line naming the property, not a stack trace.
     */
    static SSLContext jvmDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot load the JVM's default TLS stores (trust store "
                    + System.getProperty("javax.net.ssl.trustStore", "cacerts") + ", key store "
                    + System.getProperty("javax.net.ssl.keyStore", "none") + "): " + rootMessage(e)
                    + "; check -Djavax.net.ssl.trustStore / keyStore and their passwords", e);
        }
    }

    private static TrustManager[] defaultTrust() {
        jvmDefault();
        return null;
    }

    private static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (KeyManagementException | NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(GeneralSecurityException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Accepts every server certificate and host name (the host name check lives in the trust manager). */
    private static final class TrustAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a station does not accept clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a station does not accept clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a station does not accept clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
