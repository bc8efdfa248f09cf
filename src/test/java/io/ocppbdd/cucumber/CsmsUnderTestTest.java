package io.ocppbdd.cucumber;

import io.ocppbdd.driver.AuthorizationDecision;
import io.ocppbdd.driver.CsmsCannotAct;
import io.ocppbdd.driver.CsmsDriver;
import io.ocppbdd.driver.Simulation;
import io.ocppbdd.driver.StationDriver;
import io.ocppbdd.driver.StationSpec;
import io.ocppbdd.expect.Expect;
import io.ocppbdd.profile.StationIds;
import io.ocppbdd.profile.TestProfile;
import io.ocppbdd.profile.TokenRole;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test profile wired into the Cucumber world: which CSMS, how the embedded one answers, skips. */
class CsmsUnderTestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private CsmsUnderTest profile(String yaml) throws IOException {
        Path file = folder.resolve("ocpp-bdd.yaml");
        Files.writeString(file, yaml);
        Map<String, String> properties = Map.of(TestProfile.PROFILE_PROPERTY, file.toString());
        return new CsmsUnderTest(TestProfile.load(properties::get, name -> null));
    }

    @Test
    @DisplayName("the embedded CSMS answers the profile's tokens with their roles' statuses and groups (C01.FR.02, "
            + "C09) and gives the profile's heartbeat interval (B01.FR.02)")
    void embeddedAnswersAsProfiled() throws IOException {
        CsmsUnderTest under = profile("""
                csms: {heartbeatInterval: 45}
                tokens:
                  accepted: {idToken: "0A0B0C0D", type: ISO14443}
                  invalid:  {idToken: "0BADBAD0", type: ISO14443}
                  blocked:  {idToken: "0B10C0ED", type: ISO14443}
                  expired:  {idToken: "0E0B1BED", type: ISO14443}
                  group:    {idToken: "0A0B0C0E", type: ISO14443, groupId: CLUB}
                """);
        try (Simulation simulation = Simulation.builder().csms(under::driver).build()) {
            StationDriver station = simulation.addStation(StationSpec.of("CS-001"));
            simulation.await(station.start(), "the station to connect");
            simulation.await(station.booted(), "the station to boot");

            assertThat(Expect.expect(station).csmsAnswer(Action.BootNotification).where("interval", "45")
                    .within(PATIENCE)).isNotNull();
            assertThat(decide(simulation, station, "0BADBAD0").status()).isEqualTo("Invalid");
            assertThat(decide(simulation, station, "0B10C0ED").status()).isEqualTo("Blocked");
            assertThat(decide(simulation, station, "0E0B1BED").status()).isEqualTo("Expired");
            AuthorizationDecision group = decide(simulation, station, "0A0B0C0E");
            assertThat(group.status()).isEqualTo("Accepted");
            assertThat(group.groupIdToken()).isEqualTo("CLUB");
            assertThat(decide(simulation, station, "0A0B0C0D").status()).isEqualTo("Accepted");
        }
    }

    private static AuthorizationDecision decide(Simulation simulation, StationDriver station, String token) {
        return simulation.await(station.authorize(IdTokenEnum.ISO_14443, token, 1), "a decision on " + token);
    }

    @Test
    @DisplayName("a profile with a CSMS URL and trigger none gives an external CSMS that cannot be made to act, and "
            + "a fresh station id per scenario")
    void externalCsms() throws IOException {
        CsmsUnderTest under = profile("""
                csms: {url: "ws://127.0.0.1:9/ocpp"}
                trigger: none
                stations: {idPrefix: cat-}
                """);
        try (CsmsDriver driver = under.driver(null)) {
            assertThat(driver.embedded()).isEmpty();
            assertThat(driver.url().toString()).isEqualTo("ws://127.0.0.1:9/ocpp");
            assertThatThrownBy(() -> driver.trigger("cat-1", Action.ClearCache, Json.object()).toCompletableFuture()
                    .join()).hasCauseInstanceOf(CsmsCannotAct.class);
        }
        StationIds ids = under.profile().stationIds();
        String first = ids.newScenario().idFor("CS-001");
        assertThat(first).startsWith("cat-");
        assertThat(ids.newScenario().idFor("CS-001")).startsWith("cat-").isNotEqualTo(first);
    }

    @Test
    @DisplayName("the embedded profile keeps the station names the features write")
    void embeddedKeepsNames() throws IOException {
        CsmsUnderTest under = profile("csms: {heartbeatInterval: 300}\n");
        assertThat(under.profile().stationIds().newScenario().idFor("CS-001")).isEqualTo("CS-001");
    }

    @Test
    @DisplayName("a value the profile lacks skips the scenario with the profile's one line naming the key")
    void missingValueSkips() throws IOException {
        CsmsUnderTest under = profile("tokens:\n  accepted: {idToken: \"0A0B0C0D\", type: ISO14443}\n");

        assertThatThrownBy(() -> CsmsUnderTest.needs(() -> under.profile().token(TokenRole.MASTER_PASS)))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("the test profile " + folder.resolve("ocpp-bdd.yaml") + " has no tokens.masterPass, "
                        + "which this scenario needs; add it to the profile (README: Test profiles and CSMS triggers)");
        assertThatThrownBy(() -> CsmsUnderTest.needs(() -> under.profile().heartbeatInterval()))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("csms.heartbeatInterval");
        assertThat(CsmsUnderTest.needs(() -> under.profile().token(TokenRole.ACCEPTED).idToken()))
                .isEqualTo("0A0B0C0D");
    }
}
