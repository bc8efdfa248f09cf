package io.ocppbdd.driver;

/**
 * The CSMS under test cannot do what a step asks (send a CALL, be stubbed). Its message is one line that says why
 * and which setting would change it; the Cucumber glue turns it into a skipped scenario.
 */
public final class CsmsCannotAct extends RuntimeException {

    public CsmsCannotAct(String message) {
        super(message, null, false, false);
    }
}
