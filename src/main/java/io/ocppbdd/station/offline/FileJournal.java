package io.ocppbdd.station.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.protocol.Json;
import io.ocppbdd.station.state.StateFile;
import io.ocppbdd.station.state.StateFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The journal on disk: an append-only file of records, one a line, {@code <crc32> {"id":n,"action":..,"payload":..}}
 * to keep a message and {@code <crc32> {"id":n}} to forget it.
 *
 * <p>What survives a kill at any byte: a record is appended with one write, so only the last line can be torn; a
 * line without its newline or whose checksum fails ends the file, and the file is rewritten without it when it is
 * opened. A new message's record is forced to disk (fdatasync) before the message may be sent; a removal is not,
 * so a power loss can at worst deliver an answered message once more, never lose one. The state file commits the
 * journal: it stores the last id given when it is saved, and entries above that id, written by a run killed between
 * the journal and the state file, are dropped on opening, so a message and the state that produced it (a
 * transaction's next seqNo) are kept together or not at all.
 *
 * <p>The file is emptied once nothing waits and rewritten (atomically) when forgotten records outnumber the kept
 * ones. Used on the station's loop only.
 */
final class FileJournal extends MemoryJournal {

    private static final Logger LOG = LoggerFactory.getLogger(FileJournal.class);
    private static final int COMPACT_AFTER = 1024;

    private final Path file;
    private final Map<Long, JournalEntry> kept;
    private FileChannel channel;
    private int forgotten;

    private FileJournal(Path file, Map<Long, JournalEntry> kept, long lastId) {
        super(List.copyOf(kept.values()), lastId);
        this.file = file;
        this.kept = kept;
    }

    static FileJournal open(Path file, long committedId) {
        Map<Long, JournalEntry> kept = read(file);
        kept.keySet().removeIf(id -> id > committedId);
        FileJournal journal = new FileJournal(file, kept, committedId);
        journal.rewrite();
        return journal;
    }

    /** The kept entries of a journal file, in order; a torn or damaged tail ends it. */
    static Map<Long, JournalEntry> read(Path file) {
        Map<Long, JournalEntry> kept = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return kept;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StateFileException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        int start = 0;
        int line = 1;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            Optional<JsonNode> record = end < 0 ? Optional.empty() : parse(bytes, start, end);
            if (record.isEmpty()) {
                LOG.warn("{}:{}: {}; ignoring it and anything after it", file, line,
                        end < 0 ? "last record cut short (the station stopped while writing it)" : "damaged record");
                break;
            }
            apply(record.get(), kept);
            start = end + 1;
            line++;
        }
        return kept;
    }

    private static void apply(JsonNode record, Map<Long, JournalEntry> kept) {
        long id = record.path("id").asLong();
        if (record.has("action")) {
            kept.put(id, new JournalEntry(id, Action.valueOf(record.path("action").asText()),
                    (ObjectNode) record.path("payload")));
        } else {
            kept.remove(id);
        }
    }

    private static Optional<JsonNode> parse(byte[] bytes, int start, int end) {
        int json = start + 9;
        if (end - start < 10 || bytes[start + 8] != ' ') {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, json, end - json);
        String expected = new String(bytes, start, 8, StandardCharsets.US_ASCII);
        if (!expected.equals(String.format("%08x", crc.getValue()))) {
            return Optional.empty();
        }
        try {
            JsonNode record = Json.parse(new String(bytes, json, end - json, StandardCharsets.UTF_8));
            return record.has("id") ? Optional.of(record) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void added(JournalEntry entry) {
        kept.put(entry.id(), entry);
        append(keepRecord(entry), true);
    }

    @Override
    public void replaced(JournalEntry entry) {
        kept.put(entry.id(), entry);
        forgotten++;
        append(keepRecord(entry), false);
    }

    @Override
    public void removed(long id) {
        if (kept.remove(id) == null) {
            return;
        }
        forgotten++;
        if (kept.isEmpty()) {
            truncate();
        } else if (forgotten > COMPACT_AFTER && forgotten > kept.size()) {
            rewrite();
        } else {
            append(Json.object().put("id", id), false);
        }
    }

    private static ObjectNode keepRecord(JournalEntry entry) {
        ObjectNode record = Json.object().put("id", entry.id()).put("action", entry.action().name());
        record.set("payload", entry.payload());
        return record;
    }

    private static byte[] line(ObjectNode record) {
        byte[] json = Json.write(record).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] prefix = (String.format("%08x", crc.getValue()) + " ").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer line = ByteBuffer.allocate(prefix.length + json.length + 1);
        return line.put(prefix).put(json).put((byte) '\n').array();
    }

    private void append(ObjectNode record, boolean force) {
        try {
            write(channel, line(record));
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void truncate() {
        try {
            channel.truncate(0);
            channel.force(false);
            forgotten = 0;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Writes the kept entries to a new file and puts it in place atomically, as the state file is written. */
    private void rewrite() {
        try {
            if (channel != null) {
                channel.close();
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (JournalEntry entry : kept.values()) {
                content.write(line(keepRecord(entry)));
            }
            StateFile.writeAtomically(file, content.toByteArray());
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            forgotten = 0;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private StateFileException failure(IOException e) {
        return StateFileException.cannotWrite(file, e);
    }
}
