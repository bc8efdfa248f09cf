package io.ocppbdd.rpc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameAuditTest {

    private static TraceEntry sent(String frame) {
        return new TraceEntry(Instant.EPOCH, "CS-1", Direction.SENT, frame);
    }

    private static TraceEntry received(String frame) {
        return new TraceEntry(Instant.EPOCH, "CS-1", Direction.RECEIVED, frame);
    }

    @Test
    void validExchangesHaveNoProblems() {
        List<TraceEntry> trace = List.of(sent("[2,\"1\",\"Heartbeat\",{}]"),
                received("[3,\"1\",{\"currentTime\":\"2026-01-01T00:00:00Z\"}]"),
                received("[2,\"2\",\"ClearCache\",{}]"), sent("[3,\"2\",{\"status\":\"Accepted\"}]"));

        assertThat(FrameAudit.problemsInSent(trace)).isEmpty();
        assertThat(FrameAudit.problemsInReceived(trace)).isEmpty();
    }

    @Test
    void invalidFramesAreNamedWithTheirFieldOnTheSideThatSentThem() {
        List<TraceEntry> trace = List.of(sent("[2,\"1\",\"Heartbeat\",{}]"),
                received("[3,\"1\",{\"currentTime\":\"yesterday\"}]"),
                received("[2,\"2\",\"ClearCache\",{\"extra\":1}]"), sent("[3,\"2\",{\"status\":\"Maybe\"}]"),
                sent("not json"));

        assertThat(FrameAudit.problemsInReceived(trace)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("Heartbeat response: $.currentTime"))
                .anySatisfy(p -> assertThat(p).startsWith("ClearCache request: $.extra"));
        assertThat(FrameAudit.problemsInSent(trace)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("ClearCache response: $.status"))
                .anySatisfy(p -> assertThat(p).startsWith("malformed frame not json"));
    }
}
