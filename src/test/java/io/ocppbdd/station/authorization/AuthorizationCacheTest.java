package io.ocppbdd.station.authorization;

import io.ocppbdd.protocol.Json;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.station.state.AuthorizationCacheEntry;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
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

import static io.ocppbdd.station.authorization.AuthorizationCalls.authorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.remember;
import static io.ocppbdd.station.authorization.AuthorizationCalls.cache;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeRequests;
import static io.ocppbdd.station.authorization.AuthorizationCalls.answerAuthorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.setVariable;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorization;
import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static io.ocppbdd.station.authorization.AuthorizationCalls.rfid;
import static io.ocppbdd.station.authorization.AuthorizationCalls.token;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCacheTest {

    private static final Map<String, String> PRE_AUTHORIZE = Map.of("AuthCtrlr.LocalPreAuthorize", "true");



    @Test
    @DisplayName("C10.FR.01, C10.FR.04: the AuthorizeResponse is cached whatever its status")
    void cachesEveryStatus() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-STORE", Map.of());
            answerAuthorize(station, "BAD1", "Blocked");
            answerAuthorize(station, "GOOD1", "Accepted", info -> info.putObject("groupIdToken")
                    .put("idToken", "FAMILY").put("type", "Central"));

            authorize(station, "BAD1");
            authorize(station, "GOOD1");

            List<AuthorizationCacheEntry> cache = cache(station);
            assertThat(cache).extracting(AuthorizationCacheEntry::idToken).containsExactly("BAD1", "GOOD1");
            assertThat(cache.get(0).idTokenInfo().path("status").asText()).isEqualTo("Blocked");
            assertThat(cache.get(1).idTokenInfo().at("/groupIdToken/idToken").asText()).isEqualTo("FAMILY");
        }
    }

    @Test
    @DisplayName("C12.FR.02, LocalPreAuthorize: a token cached as Accepted is authorized at once, without Authorize")
    void preAuthorizesFromCache() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-PRE", PRE_AUTHORIZE);
            authorize(station, "04A2B3C4");

            IdTokenInfo again = authorize(station, rfid("04a2b3c4"), 2);

            assertThat(again.getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("LocalPreAuthorize false (TC_C_36): a token cached as Accepted is still sent in Authorize")
    void withoutPreAuthorizeAsksTheCsms() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-NOPRE", Map.of());
            authorize(station, "04A2B3C4");
            answerAuthorize(station, "04A2B3C4", "Expired");

            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.EXPIRED);

            assertThat(authorizeRequests(station)).isEqualTo(2);
            assertThat(cache(station).get(0).idTokenInfo().path("status").asText()).isEqualTo("Expired");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Invalid", "Blocked", "Expired"})
    @DisplayName("C10.FR.03, C12.FR.05 (TC_C_09/10/11): a token cached as not Accepted is checked with the CSMS again")
    void notAcceptedIsCheckedAgain(String status) {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-RE-" + status.charAt(0), PRE_AUTHORIZE);
            answerAuthorize(station, "04A2B3C4", status);
            authorize(station, "04A2B3C4");
            answerAuthorize(station, "04A2B3C4", "Accepted");

            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            assertThat(authorizeRequests(station)).isEqualTo(2);
            assertThat(cache(station).get(0).idTokenInfo().path("status").asText()).isEqualTo("Accepted");
        }
    }

    @Test
    @DisplayName("AuthCacheCtrlr.DisablePostAuthorize (TC_C_57): a token cached as not Accepted is refused locally")
    void postAuthorizeDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-NOPOST",
                    Map.of("AuthCtrlr.LocalPreAuthorize", "true", "AuthCacheCtrlr.DisablePostAuthorize", "true"));
            answerAuthorize(station, "BAD1", "Invalid");
            authorize(station, "BAD1");

            assertThat(authorize(station, "BAD1").getStatus()).isEqualTo(AuthorizationStatusEnum.INVALID);

            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C10.FR.08, C10.FR.10 (errata 2025-01): an entry expires AuthCacheCtrlr.LifeTime after its last update")
    void lifeTimeExpiry() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-LIFE", Map.of("AuthCtrlr.LocalPreAuthorize", "true",
                    "AuthCacheCtrlr.LifeTime", "60"));
            authorize(station, "04A2B3C4");
            station.pass(Duration.ofSeconds(60));
            authorize(station, "04A2B3C4");
            assertThat(authorizeRequests(station)).as("still cached at 60 s").isEqualTo(1);

            station.pass(Duration.ofSeconds(1));
            authorize(station, "04A2B3C4");

            assertThat(authorizeRequests(station)).as("expired after 61 s, asked again").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("C10.FR.13 (errata 2025-01): cacheExpiryDateTime overrides AuthCacheCtrlr.LifeTime")
    void cacheExpiryDateTime() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-EXPIRY", PRE_AUTHORIZE);
            Instant expiry = TestHarness.START.plus(Duration.ofMinutes(10));
            answerAuthorize(station, "04A2B3C4", "Accepted", info -> info.put("cacheExpiryDateTime", expiry.toString()));
            authorize(station, "04A2B3C4");

            station.pass(Duration.ofMinutes(9));
            authorize(station, "04A2B3C4");
            assertThat(authorizeRequests(station)).isEqualTo(1);

            station.pass(Duration.ofMinutes(1));
            assertThat(cache(station)).as("visible to any lookup").hasSize(1);
            authorize(station, "04A2B3C4");
            assertThat(authorizeRequests(station)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("C10.FR.10 note (errata 2025-01): a cacheExpiryDateTime in the past keeps the token out of the cache")
    void pastExpiryIsNotCached() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-PAST", PRE_AUTHORIZE);
            authorize(station, "04A2B3C4");
            Instant past = TestHarness.START.minus(Duration.ofMinutes(1));
            answerAuthorize(station, "04A2B3C4", "Accepted", info -> info.put("cacheExpiryDateTime", past.toString()));
            setVariable(station, "AuthCtrlr", "LocalPreAuthorize", "false");
            authorize(station, "04A2B3C4");

            assertThat(cache(station)).isEmpty();
        }
    }

    @Test
    @DisplayName("C10.FR.05, C12.FR.06: IdTokenInfo from a TransactionEventResponse updates the cache (remember)")
    void rememberUpdatesTheCache() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-REMEMBER", PRE_AUTHORIZE);
            authorize(station, "04A2B3C4");

            remember(station, rfid("04A2B3C4"), new IdTokenInfo().withStatus(AuthorizationStatusEnum.NO_CREDIT));

            assertThat(cache(station)).singleElement()
                    .satisfies(entry -> assertThat(entry.idTokenInfo().path("status").asText()).isEqualTo("NoCredit"));
            answerAuthorize(station, "04A2B3C4", "NoCredit");
            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.NO_CREDIT);
            assertThat(authorizeRequests(station)).as("NoCredit is not valid: checked again").isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NoAuthorization", "Central", "KeyCode"})
    @DisplayName("C02.FR.03, C03.FR.02, C05.FR.02 (and C04.FR.04 for KeyCode): these tokens are never cached")
    void someTypesAreNeverCached(String type) {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-NEVER-" + type.charAt(0), Map.of());
            remember(station, token("NoAuthorization".equals(type) ? "" : "1234", type),
                    new IdTokenInfo().withStatus(AuthorizationStatusEnum.ACCEPTED));

            assertThat(cache(station)).isEmpty();
        }
    }

    @Test
    @DisplayName("C10.FR.11: with AuthCacheCtrlr.Enabled false nothing is cached or looked up")
    void cacheDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-OFF", Map.of("AuthCtrlr.LocalPreAuthorize", "true",
                    "AuthCacheCtrlr.Enabled", "false"));
            authorize(station, "04A2B3C4");
            authorize(station, "04A2B3C4");

            assertThat(authorizeRequests(station)).isEqualTo(2);
            assertThat(cache(station)).isEmpty();
        }
    }

    @Test
    @DisplayName("C10.FR.02 (TC_C_32): the cache survives a restart of the station (charge_point_state.json)")
    void survivesRestart(@TempDir Path folder) {
        StateFile file = new StateFile(folder.resolve(StateFile.DEFAULT_NAME));
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, file, "CS-C-DISK", PRE_AUTHORIZE);
            authorize(station, "04A2B3C4");
            station.powerCutAndRestart();
            assertThat(file.load().getAuthorizationCache()).extracting(AuthorizationCacheEntry::idToken)
                    .containsExactly("04A2B3C4");
            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(authorizeRequests(station)).as("answered from the restored cache").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("C10.FR.07: a full cache (AuthCacheCtrlr.Storage maxLimit) drops entries not Accepted first, then the LRU")
    void fullCacheEvicts() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-FULL", PRE_AUTHORIZE);
            remember(station, rfid("BLOCKED"), info(AuthorizationStatusEnum.BLOCKED));
            remember(station, rfid("OLDEST"), info(AuthorizationStatusEnum.ACCEPTED));
            station.pass(Duration.ofSeconds(1));
            int filled = station.onLoop(() -> {
                int index = 0;
                while (ids(station.simulator().state().getAuthorizationCache()).contains("BLOCKED") && index < 2000) {
                    authorization(station).remember(rfid("FILL" + index++), info(AuthorizationStatusEnum.ACCEPTED));
                }
                return index;
            });
            assertThat(ids(cache(station))).as("after %d entries", filled).contains("OLDEST").hasSize(filled + 1);
            station.pass(Duration.ofSeconds(1));
            authorize(station, "FILL0");

            remember(station, rfid("ONE-MORE"), info(AuthorizationStatusEnum.ACCEPTED));
            assertThat(ids(cache(station))).doesNotContain("OLDEST").contains("FILL0", "FILL1", "ONE-MORE");
            remember(station, rfid("TWO-MORE"), info(AuthorizationStatusEnum.ACCEPTED));
            assertThat(ids(cache(station))).doesNotContain("FILL1").contains("FILL0", "FILL2", "TWO-MORE");

            long bytes = station.onLoop(() -> station.simulator().state().getAuthorizationCache().stream()
                    .mapToLong(entry -> Json.toTree(entry).toString().length()).sum());
            assertThat(bytes).isBetween(65536L - 200, 65536L);
            assertThat(station.simulator().deviceModel().actual("AuthCacheCtrlr", "Storage")).hasValue(Long.toString(bytes));
        }
    }

    @Test
    @DisplayName("C10.FR.07, AuthCacheCtrlr.Policy FIFO: the first stored entry goes first, however recently used")
    void fifoPolicy() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-FIFO",
                    Map.of("AuthCtrlr.LocalPreAuthorize", "true", "AuthCacheCtrlr.Policy", "FIFO"));
            remember(station, rfid("FIRST"), info(AuthorizationStatusEnum.ACCEPTED));
            station.pass(Duration.ofSeconds(1));
            remember(station, rfid("SECOND"), info(AuthorizationStatusEnum.ACCEPTED));
            station.pass(Duration.ofSeconds(1));
            authorize(station, "FIRST");

            assertThat(fillUntilEviction(station)).containsExactly("FIRST");
        }
    }

    @Test
    @DisplayName("C10.FR.07, AuthCacheCtrlr.Policy LFU: the least used entry goes first, however recently used")
    void lfuPolicy() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-C-LFU",
                    Map.of("AuthCtrlr.LocalPreAuthorize", "true", "AuthCacheCtrlr.Policy", "LFU"));
            remember(station, rfid("OFTEN"), info(AuthorizationStatusEnum.ACCEPTED));
            authorize(station, "OFTEN");
            authorize(station, "OFTEN");
            station.pass(Duration.ofSeconds(1));
            remember(station, rfid("RARELY"), info(AuthorizationStatusEnum.ACCEPTED));
            station.pass(Duration.ofSeconds(1));

            assertThat(fillUntilEviction(station)).containsExactly("RARELY");
        }
    }

    /** Adds Accepted entries until the first one is evicted; the evicted tokens. */
    private static List<String> fillUntilEviction(Station station) {
        List<String> before = ids(cache(station));
        return station.onLoop(() -> {
            List<AuthorizationCacheEntry> cache = station.simulator().state().getAuthorizationCache();
            for (int index = 0; ids(cache).containsAll(before) && index < 2000; index++) {
                authorization(station).remember(rfid("FILL" + index), info(AuthorizationStatusEnum.ACCEPTED));
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
