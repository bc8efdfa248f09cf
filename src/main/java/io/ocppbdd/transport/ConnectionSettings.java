package io.ocppbdd.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how a station connects.
 *
 * @param csmsUrl           the CSMS's OCPP-J endpoint URL (ws:// or wss://), without the station identity
 * @param stationId         the station identity, appended to the URL and used as the Basic auth user name
 * @param basicAuthPassword the password for security profiles 1 and 2, or null for none
 * @param connectTimeout    how long the opening handshake may take
 * @param sslContext        the TLS context for wss:// (trust store and, for mTLS, key store), or null for the
 *                          JDK default, which verifies the server certificate
 */
public record ConnectionSettings(URI csmsUrl, String stationId, String basicAuthPassword, Duration connectTimeout,
                                 SSLContext sslContext) {

    /** The subprotocol of OCPP 2.0.1 over JSON (Part 4, §3.1.2). */
    static final String SUBPROTOCOL = "ocpp2.0.1";

    public ConnectionSettings {
        Objects.requireNonNull(csmsUrl, "csmsUrl");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        String scheme = csmsUrl.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
            throw new IllegalArgumentException("CSMS URL " + csmsUrl + " must start with ws:// or wss://");
        }
    }

    /** The endpoint URL plus "/" and the percent-encoded identity (Part 4, §3.1.1). */
    public URI connectionUri() {
        return connectionUri(csmsUrl, stationId);
    }

    /** The endpoint URL plus "/" and the percent-encoded identity (Part 4, §3.1.1). */
    public static URI connectionUri(URI csmsUrl, String stationId) {
        String base = csmsUrl.toString();
        String separator = base.endsWith("/") ? "" : "/";
        return URI.create(base + separator + PercentEncoding.encode(stationId));
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + connectionUri() + ", basicAuth=" + (basicAuthPassword != null) + "]";
    }
}
