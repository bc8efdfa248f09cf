package io.ocppbdd.station.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code charge_point_state.json}. Writes are atomic (temporary file, fsync, rename, fsync of
 * the folder), so a kill at any moment leaves either the old or the new content, never a torn file. Secrets
 * (BasicAuthPassword) go to an owner-only file beside it, never into it (see {@link #secretsPath()}).
 *
 * <p>A running station hands in {@link #snapshot snapshots} taken on its loop and lets them be written
 * {@link #writeLater later}, on one writer thread shared by every station: its loop never waits for the disk. A
 * snapshot that has not been written yet when a newer one comes is replaced by it, so the file always ends with
 * the latest state and a write never overtakes a newer one.
 */
public final class StateFile {

    /** The usual file name. */
    public static final String DEFAULT_NAME = "charge_point_state.json";

    /** What an invalid station id breaks, to follow the id in an error message. */
    public static final String STATION_ID_RULE =
            "is not a valid station id (1 to 48 of A-Z a-z 0-9 * - _ = + | @ .; no ':')";

    private static final Pattern STATION_ID = Pattern.compile("[A-Za-z0-9*\\-_=+|@.]{1,48}");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();

    private static final Executor SHARED_WRITER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ocpp-state-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final Path path;
    private final SecretsFile secrets;
    private final Executor writer;
    private final AtomicLong writes = new AtomicLong();
    private final Object queueLock = new Object();
    private Snapshot queued;
    private List<CompletableFuture<Void>> waiting = new ArrayList<>();

    public StateFile(Path path) {
        this(path, SHARED_WRITER);
    }

    /** A state file whose {@link #writeLater later writes} run on this executor (one thread, or tests' own). */
    public StateFile(Path path, Executor writer) {
        this.path = path;
        this.secrets = new SecretsFile(path);
        this.writer = writer;
    }

    /** Whether this is a valid station identity; the reason otherwise is {@link #STATION_ID_RULE}. */
    public static boolean isValidStationId(String id) {
        return STATION_ID.matcher(id).matches();
    }

    public Path path() {
        return path;
    }

    /** Where the secrets of this state file are kept, readable by the owner only (see {@link SecretsFile}). */
    public Path secretsPath() {
        return secrets.path();
    }

    /** The station's offline journal beside this file: the same name with {@code .journal} added. */
    public Path journalPath() {
        return path.resolveSibling(path.getFileName() + ".journal");
    }

    /** Reads the file, or creates it with defaults for this station id when it does not exist. */
    public StationState loadOrCreate(String stationId) {
        if (Files.exists(path)) {
            return load();
        }
        StationState state = StationState.defaults(stationId);
        check(state);
        save(state);
        return state;
    }

    /** Reads and checks the file. */
    public StationState load() {
        StationState state;
        try {
            state = MAPPER.readValue(path.toFile(), StationState.class);
        } catch (UnrecognizedPropertyException e) {
            throw problem(e.getLocation(), "unknown field \"" + e.getPropertyName()
                    + "\" (remove it, or fix its name; known here: " + e.getKnownPropertyIds() + ")", e);
        } catch (JsonProcessingException e) {
            throw problem(e.getLocation(), e.getOriginalMessage().lines().findFirst().orElse("unreadable JSON")
                    + " (fix the JSON or delete the file to start from defaults)", e);
        } catch (IOException e) {
            throw new StateFileException(path + ": cannot read the state file: " + StateFileException.cause(e)
                    + " (make it readable, or give another state file)", e);
        }
        if (state == null) {
            throw new StateFileException(path + ": the file is empty (delete it to start from defaults)", null);
        }
        secrets.mergeInto(state.getDeviceModel(), MAPPER);
        check(state);
        return state;
    }

    /** Writes the state atomically, now. */
    public void save(StationState state) {
        write(snapshot(state));
    }

    /**
     * The state as the bytes of the file and of its secrets file; take it where the state lives (the station's
     * loop).
     */
    public Snapshot snapshot(StationState state) {
        try {
            ObjectNode tree = MAPPER.valueToTree(state);
            byte[] secretBytes = secrets.extract(state.getDeviceModel(), tree, WRITER);
            return new Snapshot(WRITER.writeValueAsBytes(tree), secretBytes);
        } catch (JsonProcessingException e) {
            throw new StateFileException(path + ": cannot write the state as JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    /**
     * Writes this snapshot on the writer thread, or a newer one handed in before its turn comes. Completes once
     * it, or a newer one, is on disk; fails with a {@link StateFileException} when the write fails.
     */
    public CompletableFuture<Void> writeLater(Snapshot snapshot) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        boolean first;
        synchronized (queueLock) {
            first = queued == null;
            queued = snapshot;
            waiting.add(written);
        }
        if (first) {
            writer.execute(this::writeQueued);
        }
        return written;
    }

    /** How many times this object wrote the file. */
    long writes() {
        return writes.get();
    }

    private void writeQueued() {
        Snapshot snapshot;
        List<CompletableFuture<Void>> done;
        synchronized (queueLock) {
            snapshot = queued;
            done = waiting;
            queued = null;
            waiting = new ArrayList<>();
        }
        try {
            write(snapshot);
            done.forEach(future -> future.complete(null));
        } catch (RuntimeException e) {
            done.forEach(future -> future.completeExceptionally(e));
        }
    }

    private void write(Snapshot snapshot) {
        Path folder = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new StateFileException(path + ": the folder " + folder + " does not exist (create it, or give a "
                    + "state file in an existing folder)", null);
        }
        try {
            secrets.write(snapshot.secrets());
            writeAtomically(path, snapshot.state());
            writes.incrementAndGet();
        } catch (IOException e) {
            throw StateFileException.cannotWrite(path, e);
        }
    }

    /**
     * Replaces a file's content atomically: temporary file beside it (with these attributes), fsync, rename, fsync
     * of the folder; a kill at any moment leaves the old or the new content, never half.
     */
    public static void writeAtomically(Path file, byte[] content, FileAttribute<?>... attributes) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncFolder(folder);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a folder for reading; the rename is still atomic there
        }
    }

    private void check(StationState state) {
        StateCheck.check(state, path.toString());
    }

    private StateFileException problem(JsonLocation location, String what, Exception cause) {
        String where = location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
        return new StateFileException(path + where + ": " + what, cause);
    }

    /**
     * What one save writes: the state file's bytes, and its secrets file's ({@code null}: no secrets, no file).
     */
    public record Snapshot(byte[] state, byte[] secrets) {
    }
}
