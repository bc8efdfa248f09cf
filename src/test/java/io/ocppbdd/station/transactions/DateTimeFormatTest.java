package io.ocppbdd.station.transactions;

import io.ocppbdd.testing.TestHarness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.rpc.TraceEntry;
import io.ocppbdd.station.state.StationState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dateTime the station and the embedded CSMS write has one format, UTC with exactly three fractional digits
 * (Part 2 §2.1 dateTime, RFC 3339), whatever the clock's fraction of a second: a CSMS that compares strings or
 * parses a fixed pattern sees no {@code ...:00Z} beside {@code ...:00.5Z}.
 */
class DateTimeFormatTest {

    private static final Pattern DATE_TIME_LIKE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*");
    private static final Pattern ONE_FORMAT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    @Test
    @DisplayName("every dateTime in a transaction's frames, both ways, reads 2026-01-01T00:00:10.000Z")
    void everyDateTimeHasThreeFractionalDigits() {
        try (TestHarness harness = new TestHarness()) {
            TestHarness.Station tx = harness.boot(StationState.defaults("CS-TIME"));
            tx.plugIn(1);
            tx.present(1, "04A2B3C4");
            tx.pass(Duration.ofMillis(500));
            tx.pass(Duration.ofSeconds(60));
            TestHarness.join(tx.csms.send(tx.id, Action.GetVariables, (ObjectNode) Json.parse("{\"getVariableData\":"
                    + "[{\"component\":{\"name\":\"ClockCtrlr\"},\"variable\":{\"name\":\"DateTime\"}}]}")));
            tx.unplug(1);

            List<String> times = new ArrayList<>();
            for (TraceEntry entry : tx.simulator().trace().entries()) {
                collect(Json.parse(entry.frame()), times);
            }

            assertThat(times).as("dateTimes in the trace").hasSizeGreaterThan(5)
                    .allSatisfy(time -> assertThat(time).matches(ONE_FORMAT));
            assertThat(times).contains(Json.dateTime(TestHarness.START));
        }
    }

    @Test
    @DisplayName("Json.dateTime keeps three digits for whole seconds and for half seconds alike")
    void dateTimeFormat() {
        assertThat(Json.dateTime(Instant.parse("2026-01-01T12:00:00Z"))).isEqualTo("2026-01-01T12:00:00.000Z");
        assertThat(Json.dateTime(Instant.parse("2026-01-01T12:00:00.5Z"))).isEqualTo("2026-01-01T12:00:00.500Z");
        assertThat(Json.dateTime(Instant.parse("2026-01-01T12:00:00.123456Z"))).isEqualTo("2026-01-01T12:00:00.123Z");
    }

    private static void collect(JsonNode node, List<String> times) {
        if (node.isTextual() && DATE_TIME_LIKE.matcher(node.textValue()).matches()) {
            times.add(node.textValue());
        }
        node.forEach(child -> collect(child, times));
    }
}
