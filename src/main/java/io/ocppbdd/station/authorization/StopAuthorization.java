package io.ocppbdd.station.authorization;

/** Whether a presented token may end the authorization of a transaction, and why (C01.FR.03, C09, C16). */
public enum StopAuthorization {

    /** The token that started the transaction: it may always stop it (C01.FR.03 a, C09.FR.07 a). */
    SAME_TOKEN,

    /** A valid token with the starter's groupIdToken (C09.FR.03, C09.FR.07 b). */
    SAME_GROUP,

    /**
     * A valid token whose groupIdToken is AuthCtrlr.MasterPassGroupId: a station without UI stops every ongoing
     * transaction with stoppedReason MasterPass (C16.FR.02, C16.FR.07 of the 2025 errata).
     */
    MASTER_PASS,

    /** Not allowed to stop the transaction (C09.FR.11, C01 failure postcondition). */
    REFUSED;

    /** Whether the transaction's authorization ends. */
    public boolean allowed() {
        return this != REFUSED;
    }
}
