package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;

/** One message kept in the journal until the CSMS answers it: its place in the queue, action and payload. */
public record JournalEntry(long id, Action action, ObjectNode payload) {
}
