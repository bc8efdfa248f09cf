package io.ocppbdd.rpc;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTraceTest {

    @Test
    void keepsTheNewestEntriesUpToItsCapacity() {
        MessageTrace trace = new MessageTrace(2);

        trace.record(entry("[2,\"1\",\"Heartbeat\",{}]"));
        trace.record(entry("[2,\"2\",\"Heartbeat\",{}]"));
        trace.record(entry("[2,\"3\",\"Heartbeat\",{}]"));

        assertThat(trace.entries()).extracting(TraceEntry::frame)
                .containsExactly("[2,\"2\",\"Heartbeat\",{}]", "[2,\"3\",\"Heartbeat\",{}]");
        assertThat(trace.last(1)).extracting(TraceEntry::frame).containsExactly("[2,\"3\",\"Heartbeat\",{}]");
    }

    @Test
    void aFailingListenerNeitherStopsRecordingNorTheOtherListeners() {
        MessageTrace trace = new MessageTrace();
        List<TraceEntry> seen = new CopyOnWriteArrayList<>();
        trace.addListener(entry -> {
            throw new IllegalStateException("a broken report listener, expected in this test");
        });
        trace.addListener(seen::add);

        trace.record(entry("[3,\"1\",{}]"));

        assertThat(trace.entries()).hasSize(1);
        assertThat(seen).hasSize(1);
    }

    private static TraceEntry entry(String frame) {
        return new TraceEntry(Instant.EPOCH, "CS-1", Direction.SENT, frame);
    }
}
