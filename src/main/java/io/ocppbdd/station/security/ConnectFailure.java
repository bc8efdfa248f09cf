package io.ocppbdd.station.security;

import java.net.http.WebSocketHandshakeException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Why a connection attempt failed, as far as security goes, and the security event it calls for (Part 2
 * appendices, A00.FR.310/316/323, A00.FR.413/419/426). The one place that reads transport exceptions for this:
 * today it inspects the exception chain of the JDK client; a transport that names the TLS failure itself on
 * {@code transport.ConnectException} only needs {@link #of} re-pointed.
 */
public enum ConnectFailure {

    /** The CSMS's certificate is not trusted, expired, or not issued for its host name. */
    INVALID_CSMS_CERTIFICATE("InvalidCsmsCertificate"),
    /** The CSMS offered only TLS below 1.2 (or SSL). */
    INVALID_TLS_VERSION("InvalidTLSVersion"),
    /** The CSMS offered only cipher suites the station does not allow. */
    INVALID_TLS_CIPHER_SUITE("InvalidTLSCipherSuite"),
    /** The CSMS refused the station's credentials (HTTP 401, 403, or 404 as Java-WebSocket servers answer). */
    CREDENTIALS_REFUSED(null),
    /** Anything else: refused connection, timeout, a hang-up. */
    OTHER(null);

    private final String securityEvent;

    ConnectFailure(String securityEvent) {
        this.securityEvent = securityEvent;
    }

    /** The critical security event this failure calls for, if any. */
    public Optional<String> securityEvent() {
        return Optional.ofNullable(securityEvent);
    }

    /** Classifies a failed connection attempt from its exception and its causes. */
    public static ConnectFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                return INVALID_CSMS_CERTIFICATE;
            }
            if (cause instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                return status == 401 || status == 403 || status == 404 ? CREDENTIALS_REFUSED : OTHER;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("protocol version") || message.contains("protocol_version")) {
                    return INVALID_TLS_VERSION;
                }
                if (message.contains("no cipher suites in common") || message.contains("insufficient_security")) {
                    return INVALID_TLS_CIPHER_SUITE;
                }
            }
        }
        return OTHER;
    }
}
