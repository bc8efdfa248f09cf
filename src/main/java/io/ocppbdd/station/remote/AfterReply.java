package io.ocppbdd.station.remote;

import io.ocppbdd.station.StationContext;

/**
 * Runs work after the answer to the CALL being handled has gone out (F06.FR.04: response first, then the
 * requested message). Handlers run on the station's loop and the endpoint queues their answer on it when they
 * return; a task queued now re-queues the work behind that answer.
 */
public final class AfterReply {

    private AfterReply() {
    }

    /** Queues this work behind the answer of the handler that is running; call from a CALL handler. */
    public static void run(StationContext context, Runnable work) {
        context.loop().execute(() -> context.loop().execute(work));
    }
}
