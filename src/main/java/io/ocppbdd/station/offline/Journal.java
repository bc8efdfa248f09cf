package io.ocppbdd.station.offline;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the outbox keeps its messages: a file beside the state file ({@link FileJournal}), or nowhere for a
 * station without a state file. Entry ids count up; {@link #lastId()} goes into the state file with every save,
 * which commits every entry up to it (see {@link FileJournal}).
 */
public interface Journal {

    /** The entries that survived the last run, oldest first. */
    List<JournalEntry> restored();

    /** The next id to give an entry. */
    long nextId();

    /** The highest id given so far. */
    long lastId();

    /** Keeps a new entry; on disk, written and forced before this returns. */
    void added(JournalEntry entry);

    /** Replaces an entry with a changed payload (not forced: losing it only loses the change). */
    void replaced(JournalEntry entry);

    /** Forgets an entry the CSMS answered (not forced: losing it only means one more delivery). */
    void removed(long id);

    /** A journal in memory only, for a station without a state file. */
    static Journal inMemory() {
        return new MemoryJournal(List.of(), 0);
    }

    /**
     * Opens (or creates) the journal file; entries above {@code committedId} were written by a run killed before
     * its state file recorded them, and are dropped.
     */
    static Journal open(Path file, long committedId) {
        return FileJournal.open(file, committedId);
    }
}
