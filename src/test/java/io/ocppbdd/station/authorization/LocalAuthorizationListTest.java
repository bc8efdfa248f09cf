package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.state.StateFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static io.ocppbdd.station.authorization.TestStation.rfid;
import static org.assertj.core.api.Assertions.assertThat;

class LocalAuthorizationListTest {

    private static final Map<String, String> PRE_AUTHORIZE = Map.of("AuthCtrlr.LocalPreAuthorize", "true");

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        csms.close();
    }

    @Test
    @DisplayName("D02.FR.02: before any SendLocalList the version is 0")
    void noListYet() {
        try (TestStation station = TestStation.boot(csms, "CS-L-NONE", Map.of())) {
            assertThat(version(station)).isZero();
        }
    }

    @Test
    @DisplayName("D01.FR.15, D02.FR.01, D01.FR.12: a Full list replaces the list and sets the version and Entries")
    void fullList() {
        try (TestStation station = TestStation.boot(csms, "CS-L-FULL", Map.of())) {
            assertThat(sendLocalList(station, 3, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Blocked"))
                    .path("status").asText()).isEqualTo("Accepted");

            assertThat(version(station)).isEqualTo(3);
            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("2");
            sendLocalList(station, 4, "Full", entry("CCC3", "Accepted"));
            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
        }
    }

    @Test
    @DisplayName("D01.FR.16, D01.FR.17: a Differential list adds and updates entries with idTokenInfo, removes those without")
    void differentialList() {
        try (TestStation station = TestStation.boot(csms, "CS-L-DIFF", PRE_AUTHORIZE)) {
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Accepted"));

            ObjectNode removal = Json.object();
            removal.putObject("idToken").put("idToken", "AAA1").put("type", "ISO14443");
            assertThat(sendLocalList(station, 2, "Differential", removal, entry("BBB2", "Blocked"),
                    entry("CCC3", "Accepted")).path("status").asText()).isEqualTo("Accepted");

            assertThat(version(station)).isEqualTo(2);
            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("2");
            station.answerAuthorize("BBB2", "Blocked");
            assertThat(station.authorize("CCC3").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.authorizeRequests()).isZero();
            station.authorize("AAA1");
            assertThat(station.authorizeRequests()).as("AAA1 removed: asked").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("D01.FR.19: a Differential update with a version not above the list's is a VersionMismatch")
    void versionMismatch() {
        try (TestStation station = TestStation.boot(csms, "CS-L-MISMATCH", Map.of())) {
            sendLocalList(station, 5, "Full", entry("AAA1", "Accepted"));

            assertThat(sendLocalList(station, 5, "Differential", entry("BBB2", "Accepted")).path("status").asText())
                    .isEqualTo("VersionMismatch");
            assertThat(version(station)).isEqualTo(5);
            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
        }
    }

    @Test
    @DisplayName("D01.FR.04, D01.FR.05: Full without entries empties the list, Differential without entries changes nothing")
    void withoutEntries() {
        try (TestStation station = TestStation.boot(csms, "CS-L-EMPTY", Map.of())) {
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"));
            sendLocalList(station, 2, "Differential");
            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
            assertThat(version(station)).isEqualTo(2);

            sendLocalList(station, 3, "Full");

            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("0");
            assertThat(version(station)).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("D02.FR.03, D01 prerequisite: with LocalAuthListCtrlr.Enabled false the version is 0 and updates fail")
    void disabled() {
        try (TestStation station = TestStation.boot(csms, "CS-L-OFF", Map.of())) {
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"));
            station.setVariable("LocalAuthListCtrlr", "Enabled", "false");

            assertThat(version(station)).isZero();
            ObjectNode answer = sendLocalList(station, 2, "Full", entry("BBB2", "Accepted"));
            assertThat(answer.path("status").asText()).isEqualTo("Failed");
            assertThat(answer.at("/statusInfo/reasonCode").asText()).isEqualTo("NotEnabled");
            station.authorize("AAA1");
            assertThat(station.authorizeRequests()).as("the disabled list is not used").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("D01.FR.11, D01.FR.12: more than ItemsPerMessage, or more than Entries' maxLimit in all, fails")
    void limits() {
        try (TestStation station = TestStation.boot(csms, "CS-L-LIMITS", Map.of())) {
            ObjectNode[] hundred = new ObjectNode[100];
            for (int batch = 0; batch < 10; batch++) {
                for (int index = 0; index < 100; index++) {
                    hundred[index] = entry("T" + batch + "-" + index, "Accepted");
                }
                sendLocalList(station, batch + 1, batch == 0 ? "Full" : "Differential", hundred);
            }
            assertThat(station.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1000");

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
        try (TestStation station = TestStation.boot(csms, "CS-L-BYTES",
                Map.of("LocalAuthListCtrlr.BytesPerMessage", "200"))) {
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
        try (TestStation station = TestStation.boot(csms, new ManualScheduler(TestStation.START), file, "CS-L-DISK",
                PRE_AUTHORIZE)) {
            sendLocalList(station, 7, "Full", entry("AAA1", "Accepted"));
        }
        try (TestStation restarted = TestStation.boot(csms, new ManualScheduler(TestStation.START), file, "CS-L-DISK",
                Map.of())) {
            assertThat(version(restarted)).isEqualTo(7);
            assertThat(restarted.station.deviceModel().actual("LocalAuthListCtrlr", "Entries")).hasValue("1");
            assertThat(restarted.authorize("AAA1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(restarted.authorizeRequests()).isZero();
        }
    }

    @Test
    @DisplayName("C14.FR.02: online, a listed Accepted token starts without Authorize (LocalPreAuthorize)")
    void onlineListedAccepted() {
        try (TestStation station = TestStation.boot(csms, "CS-L-ONLINE", PRE_AUTHORIZE)) {
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"));

            assertThat(station.authorize("aaa1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.authorizeRequests()).isZero();
        }
    }

    @Test
    @DisplayName("C14.FR.03, D01.FR.09: a listed token not Accepted is sent in Authorize; the answer leaves the list alone")
    void onlineListedNotAccepted() {
        try (TestStation station = TestStation.boot(csms, "CS-L-RECHECK", PRE_AUTHORIZE)) {
            sendLocalList(station, 1, "Full", entry("BBB2", "Blocked"));

            assertThat(station.authorize("BBB2").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            station.authorize("BBB2");

            assertThat(station.authorizeRequests()).as("the list still says Blocked").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("LocalAuthListCtrlr.DisablePostAuthorize (TC_C_58): a listed token not Accepted is refused locally")
    void listPostAuthorizeDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-L-NOPOST",
                Map.of("LocalAuthListCtrlr.DisablePostAuthorize", "true"))) {
            sendLocalList(station, 1, "Full", entry("BBB2", "Invalid"));

            assertThat(station.authorize("BBB2").getStatus()).isEqualTo(AuthorizationStatusEnum.INVALID);
            assertThat(station.authorizeRequests()).isZero();
        }
    }

    @Test
    @DisplayName("C14.FR.04, C14.FR.05: online, a listed token past its cacheExpiryDateTime is checked with Authorize")
    void onlineListedExpired() {
        try (TestStation station = TestStation.boot(csms, "CS-L-EXPIRED", PRE_AUTHORIZE)) {
            ObjectNode entry = entry("AAA1", "Accepted");
            ((ObjectNode) entry.get("idTokenInfo")).put("cacheExpiryDateTime",
                    TestStation.START.plus(Duration.ofHours(1)).toString());
            sendLocalList(station, 1, "Full", entry);
            station.authorize("AAA1");
            assertThat(station.authorizeRequests()).isZero();

            station.advance(Duration.ofHours(1));
            station.setVariable("AuthCacheCtrlr", "Enabled", "false");
            station.authorize("AAA1");

            assertThat(station.authorizeRequests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C13.FR.05/06: offline, a listed token past its cacheExpiryDateTime is Expired, not an unknown id")
    void offlineListedExpired() {
        Map<String, String> variables = new HashMap<>(PRE_AUTHORIZE);
        variables.put("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true");
        try (TestStation station = TestStation.boot(csms, "CS-L-OFF-EXP", variables)) {
            ObjectNode entry = entry("AAA1", "Accepted");
            ((ObjectNode) entry.get("idTokenInfo")).put("cacheExpiryDateTime", TestStation.START.toString());
            sendLocalList(station, 1, "Full", entry);
            station.goOffline();

            assertThat(station.authorize("AAA1").getStatus()).isEqualTo(AuthorizationStatusEnum.EXPIRED);
        }
    }

    @Test
    @DisplayName("C13.FR.01, C13.FR.02, C14.FR.01: offline, the list wins over the cache")
    void listBeforeCacheOffline() {
        try (TestStation station = TestStation.boot(csms, "CS-L-PRIORITY", Map.of())) {
            station.remember(rfid("AAA1"), new IdTokenInfo().withStatus(AuthorizationStatusEnum.BLOCKED));
            station.remember(rfid("BBB2"), new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED));
            sendLocalList(station, 1, "Full", entry("AAA1", "Accepted"), entry("BBB2", "Blocked"));
            station.goOffline();

            assertThat(station.authorize("AAA1").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.authorize("BBB2").getStatus()).isEqualTo(AuthorizationStatusEnum.BLOCKED);
        }
    }

    @Test
    @DisplayName("C09.FR.07 b, C16.FR.05: group and Master Pass decisions use the list without Authorize")
    void stopDecisionsFromTheList() {
        try (TestStation station = TestStation.boot(csms, "CS-L-GROUPS", Map.of("AuthCtrlr.MasterPassGroupId", "POLICE"))) {
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

            assertThat(station.authorizeStop(rfid("PARTNER1"), rfid("STARTER1"), null))
                    .isEqualTo(StopAuthorization.SAME_GROUP);
            assertThat(station.authorizeStop(rfid("OFFICER1"), rfid("STARTER1"), null))
                    .isEqualTo(StopAuthorization.MASTER_PASS);
            assertThat(station.authorizeRequests()).isZero();
        }
    }

    private static ObjectNode entry(String rfid, String status) {
        ObjectNode data = Json.object();
        data.putObject("idToken").put("idToken", rfid).put("type", "ISO14443");
        data.putObject("idTokenInfo").put("status", status);
        return data;
    }

    private ObjectNode sendLocalList(TestStation station, int version, String updateType, ObjectNode... entries) {
        ObjectNode request = Json.object().put("versionNumber", version).put("updateType", updateType);
        if (entries.length > 0) {
            ArrayNode list = request.putArray("localAuthorizationList");
            for (ObjectNode entry : entries) {
                list.add(entry.deepCopy());
            }
        }
        return TestStation.result(csms.send(station.id, Action.SendLocalList, request));
    }

    private int version(TestStation station) {
        return TestStation.result(csms.send(station.id, Action.GetLocalListVersion, Json.object()))
                .path("versionNumber").asInt();
    }
}
