package io.ocppbdd.station.filetransfer;

import java.time.Duration;

/**
 * How often a transfer is retried and how long the station waits in between, from the {@code retries} and
 * {@code retryInterval} fields of UpdateFirmware / GetLog. When the CSMS leaves them out "it is left to the
 * Charging Station to decide": this station then retries {@value #DEFAULT_RETRIES} times,
 * {@value #DEFAULT_INTERVAL_SECONDS} s apart.
 *
 * @param retries  attempts after the first one (0: no retries)
 * @param interval the wait between two attempts
 */
public record RetryPolicy(int retries, Duration interval) {

    public static final int DEFAULT_RETRIES = 2;
    public static final int DEFAULT_INTERVAL_SECONDS = 30;

    /** The policy of a request; null fields get the station's defaults. */
    public static RetryPolicy of(Integer retries, Integer retryIntervalSeconds) {
        return new RetryPolicy(retries == null ? DEFAULT_RETRIES : Math.max(0, retries),
                Duration.ofSeconds(retryIntervalSeconds == null ? DEFAULT_INTERVAL_SECONDS
                        : Math.max(0, retryIntervalSeconds)));
    }
}
