package io.ocppbdd.driver;

import io.ocppbdd.csms.EmbeddedCsms;

import java.net.URI;

/** The {@link CsmsDriver}s this package builds in. */
public final class CsmsDrivers {

    /** The setting that chooses how the CSMS under test is made to act. */
    public static final String TRIGGER_SETTING = "ocpp.csms.trigger";

    private CsmsDrivers() {
    }

    /**
     * The embedded CSMS: it sends any CSMS-initiated CALL and can be stubbed. Closing the driver closes the CSMS.
     */
    public static CsmsDriver embedded(EmbeddedCsms csms) {
        return new EmbeddedCsmsDriver(csms);
    }

    /**
     * A CSMS at this URL that the tests cannot make act: {@link CsmsDriver#trigger} fails with a
     * {@link CsmsCannotAct} that names the setting {@value #TRIGGER_SETTING}.
     */
    public static CsmsDriver external(URI url) {
        return new ExternalCsmsDriver(url);
    }
}
