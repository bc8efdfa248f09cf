package io.ocppbdd.station.authorization;

import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.ocppbdd.station.authorization.AuthorizationCalls.authorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.cache;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeRequests;
import static io.ocppbdd.station.authorization.AuthorizationCalls.answerAuthorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.goOffline;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorization;
import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static io.ocppbdd.station.authorization.AuthorizationCalls.rfid;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineAuthorizationTest {



    @Test
    @DisplayName("LocalAuthorizeOffline true: offline, a token cached as Accepted is authorized from the cache")
    void cachedAcceptedOffline() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-OFF-CACHED", Map.of());
            authorize(station, "04A2B3C4");
            goOffline(station);

            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            assertThat(authorizeRequests(station)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("LocalAuthorizeOffline false: offline, even a token cached as Accepted is not authorized")
    void localAuthorizeOfflineDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-OFF-NOLOCAL",
                    Map.of("AuthCtrlr.LocalAuthorizeOffline", "false"));
            authorize(station, "04A2B3C4");
            goOffline(station);

            assertThat(authorize(station, "04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.UNKNOWN);
        }
    }

    @Test
    @DisplayName("C13.FR.06 note, C10: offline, a token cached as Blocked stays refused (it is not an unknown id)")
    void cachedBlockedOffline() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-OFF-BLOCKED",
                    Map.of("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true"));
            answerAuthorize(station, "BAD1", "Blocked");
            authorize(station, "BAD1");
            goOffline(station);

            assertThat(authorize(station, "BAD1").getStatus()).isEqualTo(AuthorizationStatusEnum.BLOCKED);
        }
    }

    @Test
    @DisplayName("C15.FR.08, C15.FR.01: offline, OfflineTxForUnknownIdEnabled accepts an unknown token and does not cache it")
    void unknownAcceptedOffline() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-OFF-UNKNOWN",
                    Map.of("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true"));
            goOffline(station);

            IdTokenInfo info = authorize(station, "FFFF0001");

            assertThat(info.getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(cache(station)).isEmpty();
        }
    }

    @Test
    @DisplayName("C15 failure postcondition: offline, OfflineTxForUnknownIdEnabled false refuses an unknown token")
    void unknownRefusedOffline() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-OFF-REFUSE", Map.of());
            goOffline(station);

            assertThat(authorize(station, "FFFF0001").getStatus()).isEqualTo(AuthorizationStatusEnum.UNKNOWN);
        }
    }

    @Test
    @DisplayName("C15: an Authorize left unanswered for MessageTimeout falls back to the offline rules")
    void unansweredAuthorizeFallsBackToOffline() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-OFF-SILENT",
                    Map.of("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true"));
            station.csms.stubFor(Stub.on(Action.Authorize).willNotAnswer());
            CompletableFuture<IdTokenInfo> answer = station.simulator()
                    .onLoop(() -> authorization(station).authorize(rfid("FFFF0001"), 1)).thenCompose(future -> future);
            TestHarness.join(station.csms.request(station.id, Action.Authorize, request -> true));

            harness.jump(Duration.ofSeconds(30));

            assertThat(TestHarness.join(answer).getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(cache(station)).isEmpty();
        }
    }
}
