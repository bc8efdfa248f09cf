package io.ocppbdd.station.authorization;

import io.ocppbdd.protocol.messages.ClearCacheRequest;
import io.ocppbdd.protocol.messages.ClearCacheResponse;
import io.ocppbdd.protocol.messages.ClearCacheStatusEnum;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.ocppbdd.station.authorization.AuthorizationCalls.authorize;
import static io.ocppbdd.station.authorization.AuthorizationCalls.cache;
import static io.ocppbdd.station.authorization.AuthorizationCalls.authorizeRequests;
import static io.ocppbdd.station.authorization.AuthorizationCalls.setVariable;
import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static org.assertj.core.api.Assertions.assertThat;

class ClearCacheTest {



    @Test
    @DisplayName("C11.FR.01, C11.FR.03 (TC_C_37): ClearCache empties the cache and answers Accepted")
    void clears() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-CLEAR", Map.of("AuthCtrlr.LocalPreAuthorize", "true"));
            authorize(station, "04A2B3C4");

            ClearCacheResponse answer = clearCache(station);

            assertThat(answer.getStatus()).isEqualTo(ClearCacheStatusEnum.ACCEPTED);
            assertThat(cache(station)).isEmpty();
            assertThat(station.simulator().deviceModel().actual("AuthCacheCtrlr", "Storage")).hasValue("0");
            authorize(station, "04A2B3C4");
            assertThat(authorizeRequests(station)).as("no longer cached: asked again").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("C11.FR.04 (TC_C_38): with AuthCacheCtrlr.Enabled false ClearCache is Rejected and the content stays")
    void rejectedWhenDisabled() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-NOCLEAR", Map.of());
            authorize(station, "04A2B3C4");
            setVariable(station, "AuthCacheCtrlr", "Enabled", "false");

            ClearCacheResponse answer = clearCache(station);

            assertThat(answer.getStatus()).isEqualTo(ClearCacheStatusEnum.REJECTED);
            assertThat(answer.getStatusInfo().getReasonCode()).isEqualTo("NotEnabled");
            assertThat(cache(station)).hasSize(1);
        }
    }

    private ClearCacheResponse clearCache(Station station) {
        return TestHarness.join(station.csms.send(station.id, new ClearCacheRequest(), ClearCacheResponse.class));
    }
}
