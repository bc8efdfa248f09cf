package io.ocppbdd.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TransactionEvents a CSMS received, by transaction and seqNo, checked as Part 2 §E 1.3 wants: a resend of a
 * (transactionId, seqNo) is identical to what came first, and each transaction's seqNos run 0, 1, 2, ... without a
 * gap (E01.FR.07, E04.FR.04).
 */
public final class ReceivedEvents {

    private final Map<String, TreeMap<Integer, ObjectNode>> transactions = new LinkedHashMap<>();
    private int resends;

    /** Sorts the payloads in arrival order; fails when a resend differs from the first delivery. */
    public static ReceivedEvents of(List<ObjectNode> payloads) {
        ReceivedEvents events = new ReceivedEvents();
        payloads.forEach(events::add);
        return events;
    }

    private void add(ObjectNode payload) {
        String transactionId = payload.at("/transactionInfo/transactionId").asText();
        int seqNo = payload.path("seqNo").asInt();
        ObjectNode first = transactions.computeIfAbsent(transactionId, id -> new TreeMap<>()).putIfAbsent(seqNo, payload);
        if (first != null) {
            resends++;
            assertThat(payload).as("resend of seqNo %d of %s is identical", seqNo, transactionId).isEqualTo(first);
        }
    }

    /** Fails unless every transaction's seqNos run from 0 without a gap and each ended with its last one. */
    public ReceivedEvents assertCompleteAndEnded() {
        return assertComplete(null);
    }

    /**
     * Fails unless every transaction's seqNos run from 0 (Started) without a gap, and each but the one still in
     * progress (may be null) ended with its last one.
     */
    public ReceivedEvents assertComplete(String inProgress) {
        transactions.forEach((id, events) -> {
            assertThat(events.keySet()).as("seqNos of %s", id).first().isEqualTo(0);
            assertThat(events.lastKey()).as("no gap in the seqNos of %s: %s", id, events.keySet())
                    .isEqualTo(events.size() - 1);
            assertThat(events.firstEntry().getValue().path("eventType").asText()).as("first event of %s", id)
                    .isEqualTo("Started");
            if (!id.equals(inProgress)) {
                assertThat(events.lastEntry().getValue().path("eventType").asText()).as("last event of %s", id)
                        .isEqualTo("Ended");
            }
        });
        return this;
    }

    /** The first delivery of this event, or null. */
    public ObjectNode event(String transactionId, int seqNo) {
        TreeMap<Integer, ObjectNode> events = transactions.get(transactionId);
        return events == null ? null : events.get(seqNo);
    }

    public Map<String, TreeMap<Integer, ObjectNode>> transactions() {
        return transactions;
    }

    /** How many deliveries repeated an earlier one. */
    public int resends() {
        return resends;
    }
}
