package io.ocppbdd.transport;

import io.netty.channel.ConnectTimeoutException;
import io.ocppbdd.transport.ConnectException.Reason;

import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong while connecting into a {@link ConnectException}: one line that names the check that
 * failed and what to fix, and its {@link Reason}.
 */
final class ConnectFailures {

    private static final String CLIENT_CERTIFICATE_FIX =
            "give the station a key store with a certificate the CSMS trusts (security profile 3)";

    private final ConnectionSettings settings;

    ConnectFailures(ConnectionSettings settings) {
        this.settings = settings;
    }

    /** A failure thrown while connecting: by the socket, the TLS handshake or the WebSocket codec. */
    ConnectException of(Throwable failure) {
        SSLException tls = find(failure, SSLException.class);
        if (tls != null) {
            return tls(tls);
        }
        if (find(failure, ConnectTimeoutException.class) != null) {
            return timeout();
        }
        if (find(failure, java.net.ConnectException.class) != null) {
            return failed(Reason.REFUSED, "connection refused", failure);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return failed(Reason.OTHER, "unknown host " + settings.csmsUrl().getHost() + "; check the CSMS URL",
                    failure);
        }
        return failed(Reason.OTHER, String.valueOf(failure), failure);
    }

    ConnectException timeout() {
        long millis = settings.connectTimeout().toMillis();
        String timeout = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return failed(Reason.TIMEOUT, "no answer within " + timeout + "; check the CSMS URL and that the CSMS runs",
                null);
    }

    /** Part 4 §3.2: 404 is how a CSMS (Java-WebSocket's included) says it does not know or admit the identity. */
    ConnectException handshakeRefused(int status) {
        String hint = switch (status) {
            case 401, 403 -> " (check the station id and password)";
            case 404 -> " (the CSMS does not know this station id or refused its password)";
            default -> "";
        };
        Reason reason = hint.isEmpty() ? Reason.HANDSHAKE_REFUSED : Reason.CREDENTIALS_REFUSED;
        return failed(reason, "the CSMS refused the WebSocket handshake with HTTP " + status + hint,
                null);
    }

    ConnectException subprotocolNotSelected(String answered) {
        return failed(Reason.SUBPROTOCOL_NOT_SELECTED, "the CSMS did not select subprotocol "
                + ConnectionSettings.SUBPROTOCOL + " (it answered '" + (answered == null ? "" : answered)
                + "'); check that the URL is the CSMS's OCPP 2.0.1 endpoint", null);
    }

    /** The CSMS closed the connection before answering the upgrade request. */
    ConnectException hungUp() {
        return failed(Reason.HUNG_UP, "the CSMS closed the connection without answering the WebSocket handshake",
                null);
    }

    /** A failure right after a TLS handshake in which the station showed no client certificate. */
    ConnectException afterTlsWithoutClientCertificate(ConnectException failure) {
        String what = failure.getMessage().substring(where().length());
        return failed(Reason.CLIENT_CERTIFICATE, "TLS failed: the CSMS broke off (" + what + ") right after a TLS"
                + " handshake in which the station had no client certificate to show; it likely wants one: "
                + CLIENT_CERTIFICATE_FIX, failure.getCause());
    }

    private ConnectException tls(SSLException failure) {
        String detail = " (" + failure.getMessage() + ")";
        if (find(failure, CertPathBuilderException.class) != null
                || find(failure, CertPathValidatorException.class) != null) {
            return failed(Reason.UNTRUSTED_CERTIFICATE, "TLS failed: the CSMS's certificate is not issued by a CA"
                    + " the station trusts, or has expired" + detail
                    + "; give the station a trust store with the CA of the CSMS's certificate", failure);
        }
        CertificateException certificate = find(failure, CertificateException.class);
        if (certificate != null && isHostNameMismatch(certificate.getMessage())) {
            String host = settings.csmsUrl().getHost();
            return failed(Reason.WRONG_HOST, "TLS failed: the CSMS's certificate is not issued for host " + host
                    + " (" + certificate.getMessage() + "); use a URL with a host name the certificate names,"
                    + " or give the CSMS a certificate for " + host, failure);
        }
        if (certificate != null) {
            return failed(Reason.UNTRUSTED_CERTIFICATE, "TLS failed: the CSMS's certificate is not valid" + detail
                    + "; give the CSMS a valid certificate from a CA in the station's trust store", failure);
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("protocol_version") || message.contains("protocol version")
                || message.contains("no appropriate protocol")) {
            return failed(Reason.TLS_VERSION, "TLS failed: the CSMS offers no TLS version the station accepts"
                    + detail + "; the station speaks only TLS 1.2 and 1.3 (A00.FR.416), enable one of them on the"
                    + " CSMS", failure);
        }
        if (message.contains("certificate_required") || message.contains("bad_certificate")
                || message.contains("certificate_unknown")) {
            return failed(Reason.CLIENT_CERTIFICATE, "TLS failed: the CSMS wants a client certificate it trusts"
                    + detail + "; " + CLIENT_CERTIFICATE_FIX, failure);
        }
        return failed(Reason.TLS_OTHER, "TLS failed" + detail, failure);
    }

    /** The JDK's HostnameChecker: "No subject alternative (DNS) name(s) matching ..." or "No name matching ...". */
    private static boolean isHostNameMismatch(String message) {
        return message != null && (message.startsWith("No subject alternative") || message.startsWith("No name matching"));
    }

    private ConnectException failed(Reason reason, String what, Throwable cause) {
        return new ConnectException(reason, where() + what, cause);
    }

    private String where() {
        return "cannot connect to " + settings.connectionUri() + ": ";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
