package io.ocppbdd.station.security;

import io.ocppbdd.transport.ConnectException;

import java.util.Optional;

/**
 * Why a connection attempt failed, as far as security goes, and the security event it calls for (Part 2
 * appendices, A00.FR.310/316/323, A00.FR.413/419/426), read from the reason the transport gives on its
 * {@link ConnectException}.
 */
enum ConnectFailure {

    /** The CSMS's certificate is not trusted, expired, or not issued for its host name. */
    INVALID_CSMS_CERTIFICATE("InvalidCsmsCertificate"),
    /** The CSMS offered only TLS below 1.2 (or SSL). */
    INVALID_TLS_VERSION("InvalidTLSVersion"),
    /** The CSMS refused the station's credentials (HTTP 401, 403, or 404 as Java-WebSocket servers answer). */
    CREDENTIALS_REFUSED(null),
    /** Anything else: refused connection, timeout, a hang-up. */
    OTHER(null);

    private final String securityEvent;

    ConnectFailure(String securityEvent) {
        this.securityEvent = securityEvent;
    }

    /** The critical security event this failure calls for, if any. */
    Optional<String> securityEvent() {
        return Optional.ofNullable(securityEvent);
    }

    /** Classifies a failed connection attempt from the transport's reason. */
    static ConnectFailure of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException connect) {
                return switch (connect.reason()) {
                    case UNTRUSTED_CERTIFICATE, WRONG_HOST -> INVALID_CSMS_CERTIFICATE;
                    case TLS_VERSION -> INVALID_TLS_VERSION;
                    case CREDENTIALS_REFUSED -> CREDENTIALS_REFUSED;
                    default -> OTHER;
                };
            }
        }
        return OTHER;
    }
}
