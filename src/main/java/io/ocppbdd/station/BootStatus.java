package io.ocppbdd.station;

/** Where the station stands with the CSMS after its BootNotification (B01-B03). */
public enum BootStatus {
    /** No BootNotification answered yet in this power cycle. */
    NOT_BOOTED,
    PENDING,
    ACCEPTED,
    REJECTED
}
