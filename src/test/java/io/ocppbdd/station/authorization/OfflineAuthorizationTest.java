package io.ocppbdd.station.authorization;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.csms.Stub;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.messages.AuthorizationStatusEnum;
import io.ocppbdd.protocol.messages.IdTokenInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.ocppbdd.station.authorization.TestStation.rfid;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineAuthorizationTest {

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        csms.close();
    }

    @Test
    @DisplayName("LocalAuthorizeOffline true: offline, a token cached as Accepted is authorized from the cache")
    void cachedAcceptedOffline() {
        try (TestStation station = TestStation.boot(csms, "CS-OFF-CACHED", Map.of())) {
            station.authorize("04A2B3C4");
            station.goOffline();

            assertThat(station.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);

            assertThat(station.authorizeRequests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("LocalAuthorizeOffline false: offline, even a token cached as Accepted is not authorized")
    void localAuthorizeOfflineDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-OFF-NOLOCAL",
                Map.of("AuthCtrlr.LocalAuthorizeOffline", "false"))) {
            station.authorize("04A2B3C4");
            station.goOffline();

            assertThat(station.authorize("04A2B3C4").getStatus()).isEqualTo(AuthorizationStatusEnum.UNKNOWN);
        }
    }

    @Test
    @DisplayName("C13.FR.06 note, C10: offline, a token cached as Blocked stays refused (it is not an unknown id)")
    void cachedBlockedOffline() {
        try (TestStation station = TestStation.boot(csms, "CS-OFF-BLOCKED",
                Map.of("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true"))) {
            station.answerAuthorize("BAD1", "Blocked");
            station.authorize("BAD1");
            station.goOffline();

            assertThat(station.authorize("BAD1").getStatus()).isEqualTo(AuthorizationStatusEnum.BLOCKED);
        }
    }

    @Test
    @DisplayName("C15.FR.08, C15.FR.01: offline, OfflineTxForUnknownIdEnabled accepts an unknown token and does not cache it")
    void unknownAcceptedOffline() {
        try (TestStation station = TestStation.boot(csms, "CS-OFF-UNKNOWN",
                Map.of("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true"))) {
            station.goOffline();

            IdTokenInfo info = station.authorize("FFFF0001");

            assertThat(info.getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.cache()).isEmpty();
        }
    }

    @Test
    @DisplayName("C15 failure postcondition: offline, OfflineTxForUnknownIdEnabled false refuses an unknown token")
    void unknownRefusedOffline() {
        try (TestStation station = TestStation.boot(csms, "CS-OFF-REFUSE", Map.of())) {
            station.goOffline();

            assertThat(station.authorize("FFFF0001").getStatus()).isEqualTo(AuthorizationStatusEnum.UNKNOWN);
        }
    }

    @Test
    @DisplayName("C15: an Authorize left unanswered for MessageTimeout falls back to the offline rules")
    void unansweredAuthorizeFallsBackToOffline() {
        try (TestStation station = TestStation.boot(csms, "CS-OFF-SILENT",
                Map.of("AuthCtrlr.OfflineTxForUnknownIdEnabled", "true"))) {
            csms.stubFor(Stub.on(Action.Authorize).willNotAnswer());
            CompletableFuture<IdTokenInfo> answer = station.station
                    .onLoop(() -> station.authorization().authorize(rfid("FFFF0001"), 1)).thenCompose(future -> future);
            TestStation.result(csms.request(station.id, Action.Authorize, request -> true));

            station.time.advance(Duration.ofSeconds(30));

            assertThat(TestStation.result(answer).getStatus()).isEqualTo(AuthorizationStatusEnum.ACCEPTED);
            assertThat(station.cache()).isEmpty();
        }
    }
}
