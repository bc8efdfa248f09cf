package io.ocppbdd.station.authorization;

import io.ocppbdd.concurrent.ManualScheduler;
import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.state.AuthorizationCacheEntry;
import io.ocppbdd.station.state.StateFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.ocppbdd.station.authorization.TestStation.rfid;
import static io.ocppbdd.station.authorization.TestStation.token;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCacheTest {

    private static final Map<String, String> PRE_AUTHORIZE = Map.of("AuthCtrlr.LocalPreAuthorize", "true");

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        csms.close();
    }

    @Test
    @DisplayName("C10.FR.01, C10.FR.04: the AuthorizeResponse is cached whatever its status")
    void cachesEveryStatus() {
        try (TestStation station = TestStation.boot(csms, "CS-C-STORE", Map.of())) {
            station.answerAuthorize("BAD1", "Blocked");
            station.answerAuthorize("GOOD1", "Accepted", info -> info.putObject("groupIdToken")
                    .put("idToken", "FAMILY").put("type", "Central"));

            station.authorize("BAD1");
            station.authorize("GOOD1");

            List<AuthorizationCacheEntry> cache = station.cache();
            assertThat(cache).extracting(AuthorizationCacheEntry::idToken).containsExactly("BAD1", "GOOD1");
            assertThat(cache.get(0).idTokenInfo().path("status").asText()).isEqualTo("Blocked");
            assertThat(cache.get(1).idTokenInfo().at("/groupIdToken/idToken").asText()).isEqualTo("FAMILY");
        }
    }

    @Test
    @DisplayName("C12.FR.02, LocalPreAuthorize: a token cached as Accepted is authorized at once, without Authorize")
    void preAuthorizesFromCache() {
        try (TestStation station = TestStation.boot(csms, "CS-C-PRE", PRE_AUTHORIZE)) {
            station.authorize("04A2B3C4");

            IdTokenInfo again = station.authorize(rfid("04a2b3c4"), 2);

            assertThat(again.getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.authorizeRequests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("LocalPreAuthorize false (TC_C_36): a token cached as Accepted is still sent in Authorize")
    void withoutPreAuthorizeAsksTheCsms() {
        try (TestStation station = TestStation.boot(csms, "CS-C-NOPRE", Map.of())) {
            station.authorize("04A2B3C4");
            station.answerAuthorize("04A2B3C4", "Expired");

            assertThat(station.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.EXPIRED);

            assertThat(station.authorizeRequests()).isEqualTo(2);
            assertThat(station.cache().get(0).idTokenInfo().path("status").asText()).isEqualTo("Expired");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Invalid", "Blocked", "Expired"})
    @DisplayName("C10.FR.03, C12.FR.05 (TC_C_09/10/11): a token cached as not Accepted is checked with the CSMS again")
    void notAcceptedIsCheckedAgain(String status) {
        try (TestStation station = TestStation.boot(csms, "CS-C-RE-" + status.charAt(0), PRE_AUTHORIZE)) {
            station.answerAuthorize("04A2B3C4", status);
            station.authorize("04A2B3C4");
            station.answerAuthorize("04A2B3C4", "Accepted");

            assertThat(station.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            assertThat(station.authorizeRequests()).isEqualTo(2);
            assertThat(station.cache().get(0).idTokenInfo().path("status").asText()).isEqualTo("Accepted");
        }
    }

    @Test
    @DisplayName("AuthCacheCtrlr.DisablePostAuthorize (TC_C_57): a token cached as not Accepted is refused locally")
    void postAuthorizeDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-C-NOPOST",
                Map.of("AuthCtrlr.LocalPreAuthorize", "true", "AuthCacheCtrlr.DisablePostAuthorize", "true"))) {
            station.answerAuthorize("BAD1", "Invalid");
            station.authorize("BAD1");

            assertThat(station.authorize("BAD1").getStatus()).isEqualTo(AuthorizationStatusEnum.INVALID);

            assertThat(station.authorizeRequests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C10.FR.08, C10.FR.10 (errata 2025-01): an entry expires AuthCacheCtrlr.LifeTime after its last update")
    void lifeTimeExpiry() {
        try (TestStation station = TestStation.boot(csms, "CS-C-LIFE", Map.of("AuthCtrlr.LocalPreAuthorize", "true",
                "AuthCacheCtrlr.LifeTime", "60"))) {
            station.authorize("04A2B3C4");
            station.advance(Duration.ofSeconds(60));
            station.authorize("04A2B3C4");
            assertThat(station.authorizeRequests()).as("still cached at 60 s").isEqualTo(1);

            station.advance(Duration.ofSeconds(1));
            station.authorize("04A2B3C4");

            assertThat(station.authorizeRequests()).as("expired after 61 s, asked again").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("C10.FR.13 (errata 2025-01): cacheExpiryDateTime overrides AuthCacheCtrlr.LifeTime")
    void cacheExpiryDateTime() {
        try (TestStation station = TestStation.boot(csms, "CS-C-EXPIRY", PRE_AUTHORIZE)) {
            Instant expiry = TestStation.START.plus(Duration.ofMinutes(10));
            station.answerAuthorize("04A2B3C4", "Accepted", info -> info.put("cacheExpiryDateTime", expiry.toString()));
            station.authorize("04A2B3C4");

            station.advance(Duration.ofMinutes(9));
            station.authorize("04A2B3C4");
            assertThat(station.authorizeRequests()).isEqualTo(1);

            station.advance(Duration.ofMinutes(1));
            assertThat(station.cache()).as("visible to any lookup").hasSize(1);
            station.authorize("04A2B3C4");
            assertThat(station.authorizeRequests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("C10.FR.10 note (errata 2025-01): a cacheExpiryDateTime in the past keeps the token out of the cache")
    void pastExpiryIsNotCached() {
        try (TestStation station = TestStation.boot(csms, "CS-C-PAST", PRE_AUTHORIZE)) {
            station.authorize("04A2B3C4");
            Instant past = TestStation.START.minus(Duration.ofMinutes(1));
            station.answerAuthorize("04A2B3C4", "Accepted", info -> info.put("cacheExpiryDateTime", past.toString()));
            station.setVariable("AuthCtrlr", "LocalPreAuthorize", "false");
            station.authorize("04A2B3C4");

            assertThat(station.cache()).isEmpty();
        }
    }

    @Test
    @DisplayName("C10.FR.05, C12.FR.06: IdTokenInfo from a TransactionEventResponse updates the cache (remember)")
    void rememberUpdatesTheCache() {
        try (TestStation station = TestStation.boot(csms, "CS-C-REMEMBER", PRE_AUTHORIZE)) {
            station.authorize("04A2B3C4");

            station.remember(rfid("04A2B3C4"), new IdTokenInfo().withStatus(AuthorizationStatusEnum.NO_CREDIT));

            assertThat(station.cache()).singleElement()
                    .satisfies(entry -> assertThat(entry.idTokenInfo().path("status").asText()).isEqualTo("NoCredit"));
            station.answerAuthorize("04A2B3C4", "NoCredit");
            assertThat(station.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.NO_CREDIT);
            assertThat(station.authorizeRequests()).as("NoCredit is not valid: checked again").isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NoAuthorization", "Central", "KeyCode"})
    @DisplayName("C02.FR.03, C03.FR.02, C05.FR.02 (and C04.FR.04 for KeyCode): these tokens are never cached")
    void someTypesAreNeverCached(String type) {
        try (TestStation station = TestStation.boot(csms, "CS-C-NEVER-" + type.charAt(0), Map.of())) {
            station.remember(token("NoAuthorization".equals(type) ? "" : "1234", type),
                    new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED));

            assertThat(station.cache()).isEmpty();
        }
    }

    @Test
    @DisplayName("C10.FR.11: with AuthCacheCtrlr.Enabled false nothing is cached or looked up")
    void cacheDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-C-OFF", Map.of("AuthCtrlr.LocalPreAuthorize", "true",
                "AuthCacheCtrlr.Enabled", "false"))) {
            station.authorize("04A2B3C4");
            station.authorize("04A2B3C4");

            assertThat(station.authorizeRequests()).isEqualTo(2);
            assertThat(station.cache()).isEmpty();
        }
    }

    @Test
    @DisplayName("C10.FR.02 (TC_C_32): the cache survives a restart of the station (charge_point_state.json)")
    void survivesRestart(@TempDir Path folder) {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        try (TestStation station = TestStation.boot(csms, new ManualScheduler(TestStation.START), file, "CS-C-DISK",
                PRE_AUTHORIZE)) {
            station.authorize("04A2B3C4");
        }
        assertThat(file.load().getAuthorizationCache()).extracting(AuthorizationCacheEntry::idToken)
                .containsExactly("04A2B3C4");

        try (TestStation restarted = TestStation.boot(csms, new ManualScheduler(TestStation.START), file,
                "CS-C-DISK", Map.of())) {
            assertThat(restarted.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(restarted.authorizeRequests()).as("answered from the restored cache").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C10.FR.07: a full cache (AuthCacheCtrlr.Storage maxLimit) drops entries not Accepted first, then the LRU")
    void fullCacheEvicts() {
        try (TestStation station = TestStation.boot(csms, "CS-C-FULL", PRE_AUTHORIZE)) {
            station.remember(rfid("BLOCKED"), info(AuthorizationStatusEnum.BLOCKED));
            station.remember(rfid("OLDEST"), info(AuthorizationStatusEnum.ACCEPTED));
            station.advance(Duration.ofSeconds(1));
            int filled = station.onLoop(() -> {
                int index = 0;
                while (ids(station.station.state().getAuthorizationCache()).contains("BLOCKED") && index < 2000) {
                    station.authorization().remember(rfid("FILL" + index++), info(AuthorizationStatusEnum.ACCEPTED));
                }
                return index;
            });
            assertThat(ids(station.cache())).as("after %d entries", filled).contains("OLDEST").hasSize(filled + 1);
            station.advance(Duration.ofSeconds(1));
            station.authorize("FILL0");

            station.remember(rfid("ONE-MORE"), info(AuthorizationStatusEnum.ACCEPTED));
            assertThat(ids(station.cache())).doesNotContain("OLDEST").contains("FILL0", "FILL1", "ONE-MORE");
            station.remember(rfid("TWO-MORE"), info(AuthorizationStatusEnum.ACCEPTED));
            assertThat(ids(station.cache())).doesNotContain("FILL1").contains("FILL0", "FILL2", "TWO-MORE");

            long bytes = station.onLoop(() -> station.station.state().getAuthorizationCache().stream()
                    .mapToLong(entry -> Json.toTree(entry).toString().length()).sum());
            assertThat(bytes).isBetween(65536L - 200, 65536L);
            assertThat(station.station.deviceModel().actual("AuthCacheCtrlr", "Storage")).hasValue(Long.toString(bytes));
        }
    }

    @Test
    @DisplayName("C10.FR.07, AuthCacheCtrlr.Policy FIFO: the first stored entry goes first, however recently used")
    void fifoPolicy() {
        try (TestStation station = TestStation.boot(csms, "CS-C-FIFO",
                Map.of("AuthCtrlr.LocalPreAuthorize", "true", "AuthCacheCtrlr.Policy", "FIFO"))) {
            station.remember(rfid("FIRST"), info(AuthorizationStatusEnum.ACCEPTED));
            station.advance(Duration.ofSeconds(1));
            station.remember(rfid("SECOND"), info(AuthorizationStatusEnum.ACCEPTED));
            station.advance(Duration.ofSeconds(1));
            station.authorize("FIRST");

            assertThat(fillUntilEviction(station)).containsExactly("FIRST");
        }
    }

    @Test
    @DisplayName("C10.FR.07, AuthCacheCtrlr.Policy LFU: the least used entry goes first, however recently used")
    void lfuPolicy() {
        try (TestStation station = TestStation.boot(csms, "CS-C-LFU",
                Map.of("AuthCtrlr.LocalPreAuthorize", "true", "AuthCacheCtrlr.Policy", "LFU"))) {
            station.remember(rfid("OFTEN"), info(AuthorizationStatusEnum.ACCEPTED));
            station.authorize("OFTEN");
            station.authorize("OFTEN");
            station.advance(Duration.ofSeconds(1));
            station.remember(rfid("RARELY"), info(AuthorizationStatusEnum.ACCEPTED));
            station.advance(Duration.ofSeconds(1));

            assertThat(fillUntilEviction(station)).containsExactly("RARELY");
        }
    }

    /** Adds Accepted entries until the first one is evicted; the evicted tokens. */
    private static List<String> fillUntilEviction(TestStation station) {
        List<String> before = ids(station.cache());
        return station.onLoop(() -> {
            List<AuthorizationCacheEntry> cache = station.station.state().getAuthorizationCache();
            for (int index = 0; ids(cache).containsAll(before) && index < 2000; index++) {
                station.authorization().remember(rfid("FILL" + index), info(AuthorizationStatusEnum.ACCEPTED));
            }
            return before.stream().filter(id -> !ids(cache).contains(id)).toList();
        });
    }

    private static IdTokenInfo info(AuthorizationStatusEnum status) {
        return new IdTokenInfo().withStatus(status);
    }

    private static List<String> ids(List<AuthorizationCacheEntry> cache) {
        return cache.stream().map(AuthorizationCacheEntry::idToken).toList();
    }
}
