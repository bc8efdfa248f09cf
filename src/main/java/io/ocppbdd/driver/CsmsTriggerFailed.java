package io.ocppbdd.driver;

/**
 * The CSMS under test was asked to act and refused or could not be reached: one line with what it answered, the
 * request that was made and what to check. A failed step, unlike {@link CsmsCannotAct} (a skipped one).
 */
public final class CsmsTriggerFailed extends RuntimeException {

    public CsmsTriggerFailed(String message) {
        super(message, null, false, false);
    }
}
