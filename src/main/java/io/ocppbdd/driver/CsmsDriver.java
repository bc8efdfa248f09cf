package io.ocppbdd.driver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The CSMS under test, as far as a test can steer it: where stations connect, and how to make it send a
 * CSMS-initiated CALL to a station. Implementations: the embedded CSMS, a real CSMS through its own HTTP API,
 * a human operator ({@code manual}), and {@code none}.
 *
 * <p>What the CSMS sends and how the station answers is read from the station's own message trace, the same way
 * for every implementation; {@link #trigger} only makes the CSMS act.
 */
public interface CsmsDriver extends AutoCloseable {

    /** The base URL stations connect to, as {@code <url>/<station id>}. */
    URI url();

    /** One phrase naming this CSMS and how it is steered, for messages ("the embedded CSMS at ws://..."). */
    String describe();

    /**
     * Makes the CSMS send this CALL to the station. Completes once the CSMS has taken the order (embedded: the
     * CALL is on its way; http: the API answered with success; manual: the operator was told); fails with
     * {@link CsmsCannotAct} when this CSMS cannot be made to send it, with a line that says what to configure.
     * Wait for the CALL and the station's answer in the station's trace, for at most {@link #patience()}.
     */
    CompletionStage<Void> trigger(String stationId, Action action, ObjectNode payload);

    /** How long a triggered CALL may take to reach the station (an operator needs longer than an API). */
    Duration patience();

    /** The embedded CSMS behind this driver, to stub and verify; empty for any other CSMS. */
    Optional<EmbeddedCsms> embedded();

    @Override
    void close();
}
