package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.ocppbdd.station.authorization.AuthorizationCalls.authorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeStop;
import static io.ocppbdd.station.authorization.AuthorizationCalls.remember;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeRequests;
import static io.ocppbdd.station.authorization.AuthorizationCalls.answerAuthorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.setVariable;
import static io.ocppbdd.station.authorization.AuthorizationCalls.goOffline;
import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static io.ocppbdd.station.authorization.AuthorizationCalls.rfid;
import static org.assertj.core.api.Assertions.assertThat;

class LocalAuthorizationListTest {

    private static final Map<String, String> PRE_AUTHORIZE = Map.of("AuthCtrlr.LocalPreAuthorize", "true");



    @Test
    @DisplayName("D02.FR.02: before any SendLocalList the version is 0")
    void noListYet() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-NONE", Map.of());
            assertThat(version(station)).isZero();
        }
    }

    @Test
    @DisplayName("D01.FR.15, D02.FR.01, D01.FR.12: a Full list replaces the list and sets the version and Entries")
    void fullList() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-FULL", Map.of());
            assertThat(sendLocalList(station, 3, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Blocked"))
                    .path("status").asText()).isEqualTo("Accepted");

            assertThat(version(station)).isEqualTo(3);
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("2");
            sendLocalList(station, 4, "Full", entry("CCC3", "Accepted"));
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
        }
    }

    @Test
    @DisplayName("D01.FR.16, D01.FR.17: a Differential list adds and updates entries with idTokenInfo, removes those without")
    void differentialList() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-DIFF", PRE_AUTHORIZE);
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Accepted"));

            ObjectNode removal = Json.object();
            removal.putObject("idToken").put("idToken", "AAA1").put("type", "ISO14443");
            assertThat(sendLocalList(station, 2, "Differential", removal, entry("BBB2", "Blocked"),
                    entry("CCC3", "Accepted")).path("status").asText()).isEqualTo("Accepted");

            assertThat(version(station)).isEqualTo(2);
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("2");
            answerAuthorize(station, "BBB2", "Blocked");
            assertThat(authorize(station, "CCC3").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorizeRequests(station)).isZero();
            authorize(station, "AAA1");
            assertThat(authorizeRequests(station)).as("AAA1 removed: asked").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("D01.FR.19: a Differential update with a version not above the list's is a VersionMismatch")
    void versionMismatch() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-MISMATCH", Map.of());
            sendLocalList(station, 5, "Full", entry("AAA1", "Accepted"));

            assertThat(sendLocalList(station, 5, "Differential", entry("BBB2", "Accepted")).path("status").asText())
                    .isEqualTo("VersionMismatch");
            assertThat(version(station)).isEqualTo(5);
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
        }
    }

    @Test
    @DisplayName("D01.FR.04, D01.FR.05: Full without entries empties the list, Differential without entries changes nothing")
    void withoutEntries() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-EMPTY", Map.of());
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"));
            sendLocalList(station, 2, "Differential");
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
            assertThat(version(station)).isEqualTo(2);

            sendLocalList(station, 3, "Full");

            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("0");
            assertThat(version(station)).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("D02.FR.03, D01 prerequisite: with LocalAuthListCtrlr.Enabled false the version is 0 and updates fail")
    void disabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-OFF", Map.of());
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"));
            setVariable(station, "LocalAuthListCtrlr", "Enabled", "false");

            assertThat(version(station)).isZero();
            ObjectNode answer = sendLocalList(station, 2, "Full", entry("BBB2", "Accepted"));
            assertThat(answer.path("status").asText()).isEqualTo("Failed");
            assertThat(answer.at("/statusInfo/reasonCode").asText()).isEqualTo("NotEnabled");
            authorize(station, "AAA1");
            assertThat(authorizeRequests(station)).as("the disabled list is not used").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("D01.FR.11, D01.FR.12: more than ItemsPerMessage, or more than Entries' maxLimit in all, fails")
    void limits() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-LIMITS", Map.of());
            ObjectNode[] hundred = new ObjectNode[100];
            for (int batch = 0; batch < 10; batch++) {
                for (int index = 0; index < 100; index++) {
                    hundred[index] = entry("T" + batch + "-" + index, "Accepted");
                }
                sendLocalList(station, batch + 1, batch == 0 ? "Full" : "Differential", hundred);
            }
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1000");

            ObjectNode tooMany = sendLocalList(station, 11, "Differential", entry("ONE-MORE", "Accepted"));
            ObjectNode[] hundredAndOne = new ObjectNode[101];
            java.util.Arrays.fill(hundredAndOne, entry("SAME", "Accepted"));
            ObjectNode tooLong = sendLocalList(station, 11, "Full", hundredAndOne);

            assertThat(tooMany.at("/statusInfo/reasonCode").asText()).isEqualTo("OutOfStorage");
            assertThat(tooLong.at("/statusInfo/reasonCode").asText()).isEqualTo("TooManyElements");
            assertThat(version(station)).isEqualTo(10);
        }
    }

    @Test
    @DisplayName("D01.FR.11, D01.FR.18: a request over BytesPerMessage, or with versionNumber 0, fails")
    void bytesAndVersionZero() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-BYTES",
                    Map.of("LocalAuthListCtrlr.BytesPerMessage", "200"));
            ObjectNode tooLarge = sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Accepted"),
                    entry("CCC3", "Accepted"));
            ObjectNode versionZero = sendLocalList(station, 0, "Full", entry("AAA1", "Accepted"));

            assertThat(tooLarge.at("/statusInfo/reasonCode").asText()).isEqualTo("TooLargeElement");
            assertThat(versionZero.at("/statusInfo/reasonCode").asText()).isEqualTo("InvalidValue");
            assertThat(version(station)).isZero();
        }
    }

    @Test
    @DisplayName("D01.FR.10: the list survives a restart of the station")
    void survivesRestart(@TempDir Path folder) {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, file, "CS-L-DISK", PRE_AUTHORIZE);
            sendLocalList(station, 7, "Full", entry("AAA1", "Accepted"));

            station.powerCutAndRestart();
            assertThat(version(station)).isEqualTo(7);
            assertThat(station.simulator().deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
            assertThat(authorize(station, "AAA1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorizeRequests(station)).isZero();
        }
    }

    @Test
    @DisplayName("C14.FR.02: online, a listed Accepted token starts without Authorize (LocalPreAuthorize)")
    void onlineListedAccepted() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-ONLINE", PRE_AUTHORIZE);
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"));

            assertThat(authorize(station, "aaa1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorizeRequests(station)).isZero();
        }
    }

    @Test
    @DisplayName("C14.FR.03, D01.FR.09: a listed token not Accepted is sent in Authorize; the answer leaves the list alone")
    void onlineListedNotAccepted() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-RECHECK", PRE_AUTHORIZE);
            sendLocalList(station, 1, "Full", entry("BBB2", "Blocked"));

            assertThat(authorize(station, "BBB2").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            authorize(station, "BBB2");

            assertThat(authorizeRequests(station)).as("the list still says Blocked").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("LocalAuthListCtrlr.DisablePostAuthorize (TC_C_58): a listed token not Accepted is refused locally")
    void listPostAuthorizeDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-NOPOST",
                    Map.of("LocalAuthListCtrlr.DisablePostAuthorize", "true"));
            sendLocalList(station, 1, "Full", entry("BBB2", "Invalid"));

            assertThat(authorize(station, "BBB2").getStatus()).isEqualTo(AuthorizationStatusEnum.INVALID);
            assertThat(authorizeRequests(station)).isZero();
        }
    }

    @Test
    @DisplayName("C14.FR.04, C14.FR.05: online, a listed token past its cacheExpiryDateTime is checked with Authorize")
    void onlineListedExpired() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-EXPIRED", PRE_AUTHORIZE);
            ObjectNode entry = entry("AAA1", "Accepted");
            ((ObjectNode) entry.get("idTokenInfo")).put("cacheExpiryDateTime",
                    TestHarness.START.plus(Duration.ofHours(1)).toString());
            sendLocalList(station, 1, "Full", entry);
            authorize(station, "AAA1");
            assertThat(authorizeRequests(station)).isZero();

            station.pass(Duration.ofHours(1));
            setVariable(station, "AuthCacheCtrlr", "Enabled", "false");
            authorize(station, "AAA1");

            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C13.FR.05/06: offline, a listed token past its cacheExpiryDateTime is Expired, not an unknown id")
    void offlineListedExpired() {
        Map<String, String> variables = new HashMap<>(PRE_AUTHORIZE);
        variables.put("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true");
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-OFF-EXP", variables);
            ObjectNode entry = entry("AAA1", "Accepted");
            ((ObjectNode) entry.get("idTokenInfo")).put("cacheExpiryDateTime", TestHarness.START.toString());
            sendLocalList(station, 1, "Full", entry);
            goOffline(station);

            assertThat(authorize(station, "AAA1").getStatus()).isEqualTo(AuthorizationStatusEnum.EXPIRED);
        }
    }

    @Test
    @DisplayName("C13.FR.01, C13.FR.02, C14.FR.01: offline, the list wins over the cache")
    void listBeforeCacheOffline() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-PRIORITY", Map.of());
            remember(station, rfid("AAA1"), new IdTokenInfo().withStatus(AuthorizationStatusEnum.BLOCKED));
            remember(station, rfid("BBB2"), new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED));
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Blocked"));
            goOffline(station);

            assertThat(authorize(station, "AAA1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorize(station, "BBB2").getStatus()).isEqualTo(AuthorizationStatusEnum.BLOCKED);
        }
    }

    @Test
    @DisplayName("C09.FR.07 b, C16.FR.05: group and Master Pass decisions use the list without Authorize")
    void stopDecisionsFromTheList() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-L-GROUPS", Map.of("AuthCtrlr.MasterPassGroupId", "POLICE"));
            ObjectNode partner = entry("PARTNER1", "Accepted");
            ((ObjectNode) partner.get("idTokenInfo")).putObject("groupIdToken").put("idToken", "FAMILY")
                    .put("type", "Central");
            ObjectNode officer = entry("OFFICER1", "Accepted");
            ((ObjectNode) officer.get("idTokenInfo")).putObject("groupIdToken").put("idToken", "POLICE")
                    .put("type", "Central");
            ObjectNode starter = entry("STARTER1", "Accepted");
            ((ObjectNode) starter.get("idTokenInfo")).putObject("groupIdToken").put("idToken", "FAMILY")
                    .put("type", "Central");
            sendLocalList(station, 1, "Full", partner, officer, starter);

            assertThat(authorizeStop(station, rfid("PARTNER1"), rfid("STARTER1"), null))
                    .isEqualTo(StopAuthorization.SAME_GROUP);
            assertThat(authorizeStop(station, rfid("OFFICER1"), rfid("STARTER1"), null))
                    .isEqualTo(StopAuthorization.MASTER_PASS);
            assertThat(authorizeRequests(station)).isZero();
        }
    }

    private static ObjectNode entry(String rfid, String status) {
        ObjectNode data = Json.object();
        data.putObject("idToken").put("idToken", rfid).put("type", "ISO14443");
        data.putObject("idTokenInfo").put("status", status);
        return data;
    }

    private ObjectNode sendLocalList(Station station, int version, String updateType, ObjectNode... entries) {
        ObjectNode request = Json.object().put("versionNumber", version).put("updateType", updateType);
        if (entries.length > 0) {
            ArrayNode list = request.putArray("localAuthorizationList");
            for (ObjectNode entry : entries) {
                list.add(entry.deepCopy());
            }
        }
        return TestHarness.join(station.csms.send(station.id, Action.SendLocalList, request));
    }

    private int version(Station station) {
        return TestHarness.join(station.csms.send(station.id, Action.GetLocalListVersion, Json.object()))
                .path("versionNumber").asInt();
    }
}
