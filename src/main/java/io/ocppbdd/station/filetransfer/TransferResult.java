package io.ocppbdd.station.filetransfer;

import java.net.http.HttpResponse;

/**
 * The outcome of one HTTP transfer: the response, or the reason there was none (connection refused, timeout).
 *
 * @param response the server's answer, null when none came
 * @param failure  why no answer came, null when one did
 */
public record TransferResult<T>(HttpResponse<T> response, Throwable failure) {

    /** Whether the server answered with a 2xx status. */
    public boolean succeeded() {
        return response != null && response.statusCode() / 100 == 2;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int statusCode() {
        return response == null ? 0 : response.statusCode();
    }

    /** One line for a log: the status, or the failure. */
    public String describe() {
        return response != null ? "HTTP " + response.statusCode()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
