package io.ocppbdd.station.offline;

import java.util.List;

/** A journal that keeps nothing: the outbox's own queue is all there is. The base of {@link FileJournal}. */
class MemoryJournal implements Journal {

    private final List<JournalEntry> restored;
    private long lastId;

    MemoryJournal(List<JournalEntry> restored, long lastId) {
        this.restored = List.copyOf(restored);
        this.lastId = lastId;
    }

    @Override
    public List<JournalEntry> restored() {
        return restored;
    }

    @Override
    public long nextId() {
        return ++lastId;
    }

    @Override
    public long lastId() {
        return lastId;
    }

    @Override
    public void added(JournalEntry entry) {
    }

    @Override
    public void replaced(JournalEntry entry) {
    }

    @Override
    public void removed(long id) {
    }
}
