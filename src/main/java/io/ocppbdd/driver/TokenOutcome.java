package io.ocppbdd.driver;

/** What presenting an id token at an EVSE did. */
public enum TokenOutcome {
    /** The token authorizes charging at the EVSE (C01). */
    AUTHORIZED,
    /** The token ended the authorization of the transaction at the EVSE (E07). */
    STOPPED,
    /** The token was refused, or may not stop the transaction in progress. */
    REFUSED
}
