package io.ocppbdd.profile;

/**
 * The id tokens a test profile names by what the CSMS under test does with them. Features name the role, never
 * the value; each role carries the {@code idTokenInfo.status} the CSMS answers for it, so that the embedded CSMS
 * can be made to answer the same.
 */
public enum TokenRole {
    ACCEPTED("accepted", "Accepted", false),
    INVALID("invalid", "Invalid", false),
    BLOCKED("blocked", "Blocked", false),
    EXPIRED("expired", "Expired", false),
    /** Accepted, with a group id token ({@code groupId}). */
    GROUP("group", "Accepted", true),
    /** Accepted, with the station's {@code AuthCtrlr.MasterPassGroupId} as its group id token. */
    MASTER_PASS("masterPass", "Accepted", true);

    private final String key;
    private final String status;
    private final boolean grouped;

    TokenRole(String key, String status, boolean grouped) {
        this.key = key;
        this.status = status;
        this.grouped = grouped;
    }

    /** The key under {@code tokens:} in the profile. */
    public String key() {
        return key;
    }

    /** The authorization status the CSMS answers for a token of this role. */
    public String status() {
        return status;
    }

    /** Whether a token of this role comes with a group id token. */
    public boolean grouped() {
        return grouped;
    }
}
