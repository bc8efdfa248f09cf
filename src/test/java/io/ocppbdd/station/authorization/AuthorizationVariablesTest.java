package io.ocppbdd.station.authorization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.testing.TestHarness;
import io.ocppbdd.testing.TestHarness.Station;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.ocppbdd.station.authorization.AuthorizationCalls.boot;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationVariablesTest {

    /** Every variable the authorization block reads, with the value a fresh station reports. */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("AuthCtrlr.Enabled", "true");
        DEFAULTS.put("AuthCtrlr.LocalAuthorizeOffline", "true");
        DEFAULTS.put("AuthCtrlr.LocalPreAuthorize", "false");
        DEFAULTS.put("AuthCtrlr.OfflineTxForUnknownIdEnabled", "false");
        DEFAULTS.put("AuthCtrlr.DisableRemoteAuthorization", "false");
        DEFAULTS.put("AuthCtrlr.MasterPassGroupId", "");
        DEFAULTS.put("AuthCacheCtrlr.Available", "true");
        DEFAULTS.put("AuthCacheCtrlr.Enabled", "true");
        DEFAULTS.put("AuthCacheCtrlr.LifeTime", "86400");
        DEFAULTS.put("AuthCacheCtrlr.Policy", "LRU");
        DEFAULTS.put("AuthCacheCtrlr.Storage", "0");
        DEFAULTS.put("AuthCacheCtrlr.DisablePostAuthorize", "false");
        DEFAULTS.put("LocalAuthListCtrlr.Available", "true");
        DEFAULTS.put("LocalAuthListCtrlr.Enabled", "true");
        DEFAULTS.put("LocalAuthListCtrlr.Entries", "0");
        DEFAULTS.put("LocalAuthListCtrlr.ItemsPerMessage", "100");
        DEFAULTS.put("LocalAuthListCtrlr.BytesPerMessage", "65536");
        DEFAULTS.put("LocalAuthListCtrlr.SupportsExpiryDateTime", "true");
        DEFAULTS.put("LocalAuthListCtrlr.DisablePostAuthorize", "false");
    }

    @Test
    @DisplayName("B06, C10.FR.11, D01.FR.12/13: the station reports every AuthCtrlr, AuthCacheCtrlr and LocalAuthListCtrlr variable")
    void reportsEveryAuthorizationVariable() {
        try (TestHarness harness = new TestHarness()) {
            Station station = boot(harness, "CS-VARS", Map.of());
            ObjectNode request = Json.object();
            ArrayNode data = request.putArray("getVariableData");
            DEFAULTS.keySet().forEach(key -> {
                ObjectNode item = data.addObject();
                item.putObject("component").put("name", key.substring(0, key.indexOf('.')));
                item.putObject("variable").put("name", key.substring(key.indexOf('.') + 1));
            });

            JsonNode results = TestHarness.join(station.csms.send(station.id, Action.GetVariables, request))
                    .path("getVariableResult");

            Map<String, String> reported = new LinkedHashMap<>();
            results.forEach(result -> reported.put(result.at("/component/name").asText() + "."
                    + result.at("/variable/name").asText(), result.path("attributeStatus").asText() + " "
                    + result.path("attributeValue").asText()));
            Map<String, String> expected = new LinkedHashMap<>();
            DEFAULTS.forEach((key, value) -> expected.put(key, "Accepted " + value));
            assertThat(reported).containsExactlyEntriesOf(expected);
        }
    }
}
