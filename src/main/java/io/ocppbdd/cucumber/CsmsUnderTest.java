package io.ocppbdd.cucumber;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.Scheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.driver.CsmsDriver;
import io.ocppbdd.driver.CsmsDrivers;
import io.ocppbdd.profile.ProfileToken;
import io.ocppbdd.profile.ProfileValueMissing;
import io.ocppbdd.profile.TestProfile;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import org.opentest4j.TestAbortedException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The test profile as the features see it: which CSMS a scenario tests (the {@link CsmsDriver} the profile's
 * trigger selects), and, when that is the embedded CSMS, an embedded CSMS that answers the profile's tokens and
 * heartbeat interval as the CSMS the profile describes would. A value the profile lacks skips the scenario.
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
        return profile.csmsDriver(() -> CsmsDrivers.embedded(answeringAsProfiled(
                EmbeddedCsms.start("127.0.0.1", 0, null, time))), CsmsDrivers::external);
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

    /**
     * Makes the embedded CSMS give the profile's heartbeat interval, answer Authorize and TransactionEvent for each
     * profiled token with its role's status (and group), as a real CSMS that knows these tokens does, and answer a
     * DataTransfer UnknownVendorId, as a CSMS without vendor extensions does (P01.FR.05).
     * Stubs a scenario adds later win over these.
     */
    private EmbeddedCsms answeringAsProfiled(EmbeddedCsms csms) {
        try {
            profileValue(profile::heartbeatInterval).ifPresent(interval -> csms.stubFor(
                    Stub.on(Action.BootNotification).willReturn(answer -> answer.put("interval", interval))));
            csms.stubFor(Stub.on(Action.DataTransfer).willReturn(answer -> answer.put("status", "UnknownVendorId")));
            for (TokenRole role : TokenRole.values()) {
                profileValue(() -> profile.token(role)).ifPresent(token -> {
                    csms.stubFor(answerFor(Action.Authorize, role, token));
                    csms.stubFor(answerFor(Action.TransactionEvent, role, token));
                });
            }
            return csms;
        } catch (RuntimeException e) {
            csms.close();
            throw e;
        }
    }

    private static Stub answerFor(Action action, TokenRole role, ProfileToken token) {
        return Stub.on(action)
                .when(request -> request.at("/idToken/idToken").asText().equalsIgnoreCase(token.idToken())
                        && request.at("/idToken/type").asText().equals(token.type()))
                .willReturn(answer -> {
                    ObjectNode info = answer.putObject("idTokenInfo").put("status", role.status());
                    token.groupId().ifPresent(group -> info.putObject("groupIdToken").put("idToken", group)
                            .put("type", "Central"));
                });
    }

    private static <T> Optional<T> profileValue(Supplier<T> value) {
        try {
            return Optional.of(value.get());
        } catch (ProfileValueMissing missing) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return profile.toString();
    }
}
