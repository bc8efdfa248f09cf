package io.ocppbdd.station.authorization;

import io.ocppbdd.csms.EmbeddedCsms;
import io.ocppbdd.protocol.messages.ClearCacheRequest;
import io.ocppbdd.protocol.messages.ClearCacheResponse;
import io.ocppbdd.protocol.messages.ClearCacheStatusEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClearCacheTest {

    private final EmbeddedCsms csms = EmbeddedCsms.start();

    @AfterEach
    void closeCsms() {
        csms.close();
    }

    @Test
    @DisplayName("C11.FR.01, C11.FR.03 (TC_C_37): ClearCache empties the cache and answers Accepted")
    void clears() {
        try (TestStation station = TestStation.boot(csms, "CS-CLEAR", Map.of("AuthCtrlr.LocalPreAuthorize", "true"))) {
            station.authorize("04A2B3C4");

            ClearCacheResponse answer = clearCache(station);

            assertThat(answer.getStatus()).isEqualTo(ClearCacheStatusEnum.ACCEPTED);
            assertThat(station.cache()).isEmpty();
            assertThat(station.station.deviceModel().actual("AuthCacheCtrlr", "Storage")).hasValue("0");
            station.authorize("04A2B3C4");
            assertThat(station.authorizeRequests()).as("no longer cached: asked again").isEqualTo(2);
        }
    }

    @Test
    @DisplayName("C11.FR.04 (TC_C_38): with AuthCacheCtrlr.Enabled false ClearCache is Rejected and the content stays")
    void rejectedWhenDisabled() {
        try (TestStation station = TestStation.boot(csms, "CS-NOCLEAR", Map.of())) {
            station.authorize("04A2B3C4");
            station.setVariable("AuthCacheCtrlr", "Enabled", "false");

            ClearCacheResponse answer = clearCache(station);

            assertThat(answer.getStatus()).isEqualTo(ClearCacheStatusEnum.REJECTED);
            assertThat(answer.getStatusInfo().getReasonCode()).isEqualTo("NotEnabled");
            assertThat(station.cache()).hasSize(1);
        }
    }

    private ClearCacheResponse clearCache(TestStation station) {
        return TestStation.result(csms.send(station.id, new ClearCacheRequest(), ClearCacheResponse.class));
    }
}
