package io.ocppbdd.driver;

/** Whether a presented token may end the authorization of a transaction, and why (C01.FR.03, C09, C16). */
public enum StopDecision {
    SAME_TOKEN, SAME_GROUP, MASTER_PASS, REFUSED
}
