package io.ocppbdd.profile;

/**
 * A scenario needs a value that the test profile does not give (a blocked token, the heartbeat interval, ...).
 * Its message is one line naming the key and the profile file; the Cucumber glue skips the scenario with it.
 */
public final class ProfileValueMissing extends RuntimeException {

    ProfileValueMissing(String source, String key, String why) {
        super("the test profile " + source + " has no " + key + (why.isEmpty() ? "" : " (" + why + ")")
                + ", which this scenario needs; add it to the profile (README: Test profiles and CSMS triggers)",
                null, false, false);
    }
}
