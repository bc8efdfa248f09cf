package io.ocppbdd.transport;

import java.util.Objects;

/**
 * A connection attempt that failed: one line for people ({@link #getMessage()}: what failed, where, how to fix)
 * and a {@link Reason} for code, e.g. to report a TLS failure in a SecurityEventNotification.
 */
public final class ConnectException extends RuntimeException {

    /** Why an attempt failed. */
    public enum Reason {
        /** Nothing listens at the CSMS's address and port. */
        REFUSED(false),
        /** No complete answer within the connect timeout. */
        TIMEOUT(false),
        /** The CSMS refused the station's id or password: HTTP 401, 403, or 404 as Java-WebSocket servers answer. */
        CREDENTIALS_REFUSED(false),
        /** The CSMS answered the upgrade request with another HTTP status than 101. */
        HANDSHAKE_REFUSED(false),
        /** The CSMS accepted the upgrade but did not select subprotocol ocpp2.0.1 (Part 4 §3.2). */
        SUBPROTOCOL_NOT_SELECTED(false),
        /** The CSMS closed the connection before answering the upgrade request. */
        HUNG_UP(false),
        /** TLS: the CSMS's certificate does not chain to a CA the station trusts, or has expired (InvalidCsmsCertificate). */
        UNTRUSTED_CERTIFICATE(true),
        /** TLS: the CSMS's certificate is not issued for the host of the URL (InvalidCsmsCertificate). */
        WRONG_HOST(true),
        /** TLS: the CSMS offers no TLS version the station accepts, 1.2 or 1.3 (InvalidTLSVersion). */
        TLS_VERSION(true),
        /** TLS: the CSMS wants a client certificate it trusts and the station has none (security profile 3). */
        CLIENT_CERTIFICATE(true),
        /** TLS: any other handshake failure. */
        TLS_OTHER(true),
        /** Anything else: unknown host, network error. */
        OTHER(false);

        private final boolean tls;

        Reason(boolean tls) {
            this.tls = tls;
        }

        /** Whether the TLS handshake is what failed. */
        boolean isTls() {
            return tls;
        }
    }

    private final Reason reason;

    ConnectException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
