package io.ocppbdd.cucumber;

import java.net.URI;
import java.util.Optional;

/**
 * Which CSMS the features run against: an external one named by the system property {@code ocpp.csms.url} or the
 * environment variable {@code OCPP_CSMS_URL} (in that order), else the embedded CSMS.
 */
final class CsmsTarget {

    static final String PROPERTY = "ocpp.csms.url";
    static final String ENVIRONMENT = "OCPP_CSMS_URL";

    private CsmsTarget() {
    }

    static Optional<URI> external() {
        String url = System.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(ENVIRONMENT);
        }
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.trim());
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new IllegalArgumentException(PROPERTY + "/" + ENVIRONMENT + " = " + url
                    + " is not a ws:// or wss:// URL (example: ws://localhost:9000/ocpp)");
        }
        return Optional.of(uri);
    }
}
