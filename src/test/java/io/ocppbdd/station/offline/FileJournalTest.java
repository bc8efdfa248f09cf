package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileJournalTest {

    @TempDir
    Path folder;

    private static JournalEntry entry(Journal journal, int seqNo) {
        ObjectNode payload = Json.object().put("seqNo", seqNo).put("note", "ünïcödé\nline");
        return new JournalEntry(journal.nextId(), Action.TransactionEvent, payload);
    }

    private static List<Long> ids(Journal journal) {
        return journal.restored().stream().map(JournalEntry::id).toList();
    }

    @Test
    @DisplayName("E12.FR.01: a kill at any byte of an append leaves the complete records and nothing else")
    void tornTailAtEveryByte() throws Exception {
        Path file = folder.resolve("full.journal");
        Journal journal = Journal.open(file, 0);
        JournalEntry first = entry(journal, 0);
        JournalEntry second = entry(journal, 1);
        JournalEntry third = entry(journal, 2);
        journal.added(first);
        journal.added(second);
        journal.removed(first.id());
        journal.added(third);
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> lineEnds = new java.util.ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lineEnds.add(i + 1);
            }
        }
        assertThat(lineEnds).hasSize(4);
        for (int cut = 0; cut <= bytes.length; cut++) {
            Path torn = folder.resolve("torn-" + cut + ".journal");
            Files.write(torn, Arrays.copyOf(bytes, cut));
            int length = cut;
            int complete = (int) lineEnds.stream().filter(end -> end <= length).count();
            List<Long> expected = switch (complete) {
                case 0 -> List.of();
                case 1 -> List.of(1L);
                case 2 -> List.of(1L, 2L);
                case 3 -> List.of(2L);
                default -> List.of(2L, 3L);
            };
            Journal reopened = Journal.open(torn, 3);
            assertThat(ids(reopened)).as("cut at byte %d", cut).isEqualTo(expected);
            assertThat(Journal.open(torn, 3).restored()).as("the torn tail is gone after opening")
                    .isEqualTo(reopened.restored());
        }
        assertThat(Journal.open(file, 3).restored()).containsExactly(second, third);
    }

    @Test
    @DisplayName("A damaged record ends the journal; what comes before it is kept")
    void damagedRecord() throws Exception {
        Path file = folder.resolve("damaged.journal");
        Journal journal = Journal.open(file, 0);
        journal.added(entry(journal, 0));
        journal.added(entry(journal, 1));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] ^= 0x01;
        Files.write(file, bytes);
        assertThat(ids(Journal.open(file, 2))).containsExactly(1L);
    }

    @Test
    @DisplayName("Entries above the id the state file committed are dropped: they were never sent, their seqNo is reused")
    void uncommittedEntriesAreDropped() {
        Path file = folder.resolve("mark.journal");
        Journal journal = Journal.open(file, 0);
        journal.added(entry(journal, 0));
        journal.added(entry(journal, 1));
        Journal reopened = Journal.open(file, 1);
        assertThat(ids(reopened)).containsExactly(1L);
        assertThat(reopened.nextId()).isEqualTo(2L);
        reopened.added(new JournalEntry(2, Action.TransactionEvent, Json.object().put("seqNo", 9)));
        assertThat(Journal.open(file, 2).restored()).extracting(e -> e.payload().path("seqNo").asInt())
                .containsExactly(0, 9);
    }

    @Test
    @DisplayName("The file empties once nothing waits, and is rewritten when forgotten records pile up")
    void staysSmall() throws Exception {
        Path file = folder.resolve("small.journal");
        Journal journal = Journal.open(file, 0);
        JournalEntry only = entry(journal, 0);
        journal.added(only);
        journal.removed(only.id());
        assertThat(Files.size(file)).isZero();

        JournalEntry kept = entry(journal, 1);
        journal.added(kept);
        for (int i = 0; i < 3000; i++) {
            JournalEntry passing = entry(journal, 2 + i);
            journal.added(passing);
            journal.removed(passing.id());
        }
        assertThat(Files.size(file)).isLessThan(200_000);
        assertThat(Journal.open(file, journal.lastId()).restored()).containsExactly(kept);
    }
}
