package io.ocppbdd.csms;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMatcherTest {

    static RecordedRequest request(String stationId, Action action, String json) {
        return new RecordedRequest(Instant.parse("2026-01-01T00:00:00Z"), stationId, action, "m-1",
                (ObjectNode) Json.parse(json));
    }

    private static final RecordedRequest GOOD = request("CS-001", Action.Authorize,
            "{\"idToken\":{\"idToken\":\"GOOD\",\"type\":\"ISO14443\"},\"evseId\":1}");

    @Test
    @DisplayName("a JSON pointer condition describes itself and says what the request had instead")
    void pointerEquals() {
        RequestMatcher bad = RequestMatcher.at("/idToken/idToken", "BAD");

        assertThat(bad.description()).isEqualTo("/idToken/idToken = \"BAD\"");
        assertThat(bad.mismatches(GOOD)).containsExactly("/idToken/idToken is \"GOOD\"");
        assertThat(RequestMatcher.at("idToken.idToken", "GOOD").matches(GOOD)).isTrue();
    }

    @Test
    @DisplayName("a field condition names the field; a string matches a number written the same way")
    void fieldEquals() {
        assertThat(RequestMatcher.field("evseId", 1).description()).isEqualTo("evseId = 1");
        assertThat(RequestMatcher.field("evseId", 1).matches(GOOD)).isTrue();
        assertThat(RequestMatcher.field("evseId", "1").matches(GOOD)).isTrue();
        assertThat(RequestMatcher.field("evseId", 2).mismatches(GOOD)).containsExactly("evseId is 1");
        assertThat(RequestMatcher.field("reason", "PowerUp").mismatches(GOOD)).containsExactly("reason is absent");
    }

    @Test
    @DisplayName("presence, station, any and payload tests describe themselves; and() lists every failed part")
    void otherConditions() {
        assertThat(RequestMatcher.exists("/idToken/additionalInfo").description())
                .isEqualTo("/idToken/additionalInfo present");
        assertThat(RequestMatcher.exists("/idToken/additionalInfo").mismatches(GOOD))
                .containsExactly("/idToken/additionalInfo is absent");
        assertThat(RequestMatcher.station("CS-002").description()).isEqualTo("from CS-002");
        assertThat(RequestMatcher.station("CS-002").mismatches(GOOD)).containsExactly("from CS-001");
        assertThat(RequestMatcher.any().description()).isEqualTo("any");
        assertThat(RequestMatcher.any().matches(GOOD)).isTrue();
        assertThat(RequestMatcher.payload("a token of type KeyCode", p -> p.at("/idToken/type").asText()
                .equals("KeyCode")).mismatches(GOOD)).containsExactly("not a token of type KeyCode");

        RequestMatcher both = RequestMatcher.station("CS-002").and(RequestMatcher.at("/idToken/idToken", "BAD"))
                .and(RequestMatcher.field("evseId", 1));
        assertThat(both.description()).isEqualTo("from CS-002 and /idToken/idToken = \"BAD\" and evseId = 1");
        assertThat(both.mismatches(GOOD)).isEqualTo(List.of("from CS-001", "/idToken/idToken is \"GOOD\""));
    }

    @Test
    @DisplayName("a stub describes what it answers, like WireMock: Authorize where /idToken/idToken = \"BAD\"")
    void stubDescription() {
        Stub base = Stub.action(Action.Authorize);
        Stub bad = base.where("/idToken/idToken", "BAD").once();

        assertThat(bad).hasToString("Authorize where /idToken/idToken = \"BAD\", once");
        assertThat(base).hasToString("Authorize");
        assertThat(bad.id()).isNotEqualTo(base.id());
        assertThat(bad.matcher().matches(GOOD)).isFalse();
    }

    @Test
    @DisplayName("a stub is immutable: refining it leaves the original as it was, a returned payload is a copy")
    void stubsAreImmutable() {
        ObjectNode answer = Json.object().put("currentTime", "2031-01-01T00:00:00Z");
        Stub heartbeat = Stub.action(Action.Heartbeat).willReturn(answer);
        Stub forOne = heartbeat.forStation("CS-001").once();
        answer.put("currentTime", "1999-01-01T00:00:00Z");

        assertThat(heartbeat.isOnce()).isFalse();
        assertThat(heartbeat.matcher()).isEqualTo(RequestMatcher.any());
        assertThat(forOne.isOnce()).isTrue();
        assertThat(heartbeat.result(Json.object()).path("currentTime").asText()).isEqualTo("2031-01-01T00:00:00Z");
        heartbeat.result(Json.object()).put("currentTime", "changed by a caller");
        assertThat(forOne.result(Json.object()).path("currentTime").asText()).isEqualTo("2031-01-01T00:00:00Z");
    }
}
