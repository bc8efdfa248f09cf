package io.ocppbdd.cucumber;

import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.driver.CsmsDriver;
import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.profile.ProfileValueMissing;
import io.ocppbdd.profile.TestProfile;
import org.opentest4j.TestAbortedException;

import java.util.function.Supplier;

/**
 * The test profile as the features see it: which CSMS a scenario tests (the {@link CsmsDriver} the profile's
 * trigger selects), and, when that is the embedded CSMS, an embedded CSMS that answers the profile's tokens and
 * heartbeat interval as the CSMS the profile describes would ({@link TestProfile#csmsAnswers()}). A value the
 * profile lacks skips the scenario.
 */
final class CsmsUnderTest {

    private static volatile CsmsUnderTest current;

    private final TestProfile profile;

    CsmsUnderTest(TestProfile profile) {
        this.profile = profile;
    }

    /** The profile of this run ({@link TestProfile#load()}), read once. */
    static CsmsUnderTest current() {
        CsmsUnderTest read = current;
        if (read == null) {
            synchronized (CsmsUnderTest.class) {
                if (current == null) {
                    current = new CsmsUnderTest(TestProfile.load());
                }
                read = current;
            }
        }
        return read;
    }

    TestProfile profile() {
        return profile;
    }

    /** A new driver of the CSMS under test for one scenario, on the scenario's clock. */
    CsmsDriver driver(Scheduler time) {
        return profile.csmsDriver(() -> {
            EmbeddedCsms csms = EmbeddedCsms.start("127.0.0.1", 0, null, time);
            profile.csmsAnswers().forEach(csms::stubFor);
            return CsmsDrivers.embedded(csms);
        }, CsmsDrivers::external);
    }

    /**
     * A value from the profile; a value it lacks skips the scenario with the one line that names the key
     * ({@link ProfileValueMissing}).
     */
    static <T> T needs(Supplier<T> value) {
        try {
            return value.get();
        } catch (ProfileValueMissing missing) {
            throw new TestAbortedException(missing.getMessage());
        }
    }

    @Override
    public String toString() {
        return profile.toString();
    }
}
