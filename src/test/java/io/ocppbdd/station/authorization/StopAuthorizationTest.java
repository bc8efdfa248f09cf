package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.messages.AdditionalInfo;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdToken;
import io.ocppbdd.protocol.messages.IdTokenEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.ocppbdd.station.authorization.AuthorizationCalls.authorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeStop;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeRequests;
import static io.ocppbdd.station.authorization.AuthorizationCalls.answerAuthorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorization;
import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static io.ocppbdd.station.authorization.AuthorizationCalls.rfid;
import static org.assertj.core.api.Assertions.assertThat;

class StopAuthorizationTest {

    private static final IdToken FAMILY = new IdToken().withIdToken("FAMILY-42").withType(IdTokenEnum.CENTRAL);
    private static final IdTokenInfo STARTER_INFO = new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED)
            .withGroupIdToken(FAMILY);
    private static final Consumer<ObjectNode> IN_FAMILY = info -> info.putObject("groupIdToken")
            .put("idToken", "FAMILY-42").put("type", "Central");
    private static final Consumer<ObjectNode> MASTER_PASS = info -> info.putObject("groupIdToken")
            .put("idToken", "POLICE").put("type", "Central");



    @Test
    @DisplayName("C01.FR.03 a, C09.FR.07 a, C01.FR.25: the starter's own token stops without Authorize")
    void sameToken() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-STOP-SAME", Map.of());
            IdToken presented = rfid("04a2b3c4").withAdditionalInfo(
                    List.of(new AdditionalInfo().withAdditionalIdToken("x").withType("y")));

            assertThat(authorizeStop(station, presented, rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.SAME_TOKEN);
            assertThat(authorizeRequests(station)).isZero();
        }
    }

    @Test
    @DisplayName("C09.FR.07 b: a token cached as Accepted with the starter's group stops without Authorize")
    void sameGroupFromCache() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-STOP-CACHE", Map.of());
            answerAuthorize(station, "PARTNER1", "Accepted", IN_FAMILY);
            authorize(station, "PARTNER1");

            assertThat(authorizeStop(station, rfid("PARTNER1"), rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.SAME_GROUP);
            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C09.FR.03, C09.FR.05 (TC_C_39): a token unknown to the cache is authorized; the same group stops")
    void sameGroupAfterAuthorize() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-STOP-GROUP", Map.of());
            answerAuthorize(station, "PARTNER1", "Accepted", IN_FAMILY);

            assertThat(authorizeStop(station, rfid("PARTNER1"), rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.SAME_GROUP);
            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C09: without the starter's IdTokenInfo its group is taken from the cache")
    void starterGroupFromCache() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-STOP-STARTER", Map.of());
            answerAuthorize(station, "04A2B3C4", "Accepted", IN_FAMILY);
            answerAuthorize(station, "PARTNER1", "Accepted", IN_FAMILY);
            authorize(station, "04A2B3C4");

            assertThat(authorizeStop(station, rfid("PARTNER1"), rfid("04A2B3C4"), null))
                    .isEqualTo(StopAuthorization.SAME_GROUP);
        }
    }

    @Test
    @DisplayName("C09.FR.11: a token of the same group that is not Accepted does not stop")
    void sameGroupNotAccepted() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-STOP-BLOCKED", Map.of());
            answerAuthorize(station, "PARTNER1", "Blocked", IN_FAMILY);

            assertThat(authorizeStop(station, rfid("PARTNER1"), rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.REFUSED);
        }
    }

    @Test
    @DisplayName("C01 failure postcondition: an Accepted token of another group, or of none, does not stop")
    void otherGroup() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-STOP-OTHER", Map.of());
            answerAuthorize(station, "STRANGER", "Accepted", info -> info.putObject("groupIdToken")
                    .put("idToken", "OTHER").put("type", "Central"));

            assertThat(authorizeStop(station, rfid("STRANGER"), rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.REFUSED);
            assertThat(authorizeStop(station, rfid("NOGROUP"), rfid("04A2B3C4"),
                    new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED)))
                    .isEqualTo(StopAuthorization.REFUSED);
        }
    }

    @Test
    @DisplayName("C16.FR.02, C16.FR.03, C12.FR.09: a Master Pass token stops any transaction but may not start one")
    void masterPass() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-MASTER", Map.of("AuthCtrlr.MasterPassGroupId", "POLICE"));
            answerAuthorize(station, "OFFICER1", "Accepted", MASTER_PASS);

            IdTokenInfo info = authorize(station, "OFFICER1");

            assertThat(station.onLoop(() -> authorization(station).isMasterPass(info))).isTrue();
            assertThat(station.onLoop(() -> authorization(station).mayStart(info, 1))).isFalse();
            assertThat(authorizeStop(station, rfid("OFFICER1"), rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.MASTER_PASS);
            assertThat(authorizeRequests(station)).as("C16.FR.04: the second time from the cache").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C16: a group equal to MasterPassGroupId but not Accepted does not stop")
    void masterPassNotAccepted() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-MASTER-BAD", Map.of("AuthCtrlr.MasterPassGroupId", "POLICE"));
            answerAuthorize(station, "OFFICER1", "Expired", MASTER_PASS);

            assertThat(authorizeStop(station, rfid("OFFICER1"), rfid("04A2B3C4"), STARTER_INFO))
                    .isEqualTo(StopAuthorization.REFUSED);
        }
    }

    @Test
    @DisplayName("C16: without MasterPassGroupId no group is a Master Pass")
    void noMasterPassConfigured() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-NOMASTER", Map.of());
            answerAuthorize(station, "OFFICER1", "Accepted", MASTER_PASS);

            IdTokenInfo info = authorize(station, "OFFICER1");

            assertThat(station.onLoop(() -> authorization(station).isMasterPass(info))).isFalse();
            assertThat(station.onLoop(() -> authorization(station).mayStart(info, 1))).isTrue();
        }
    }
}
