package io.ocppbdd.station.state;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code charge_point_state.json}. Writes are atomic (temporary file, fsync, rename, fsync of
 * the folder), so a kill at any moment leaves either the old or the new content, never a torn file.
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

    private final Path path;

    public StateFile(Path path) {
        this.path = path;
    }

    /** Whether this is a valid station identity; the reason otherwise is {@link #STATION_ID_RULE}. */
    public static boolean isValidStationId(String id) {
        return STATION_ID.matcher(id).matches();
    }

    public Path path() {
        return path;
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
            throw new StateFileException(path + ": cannot read the state file: " + cause(e)
                    + " (make it readable, or give another state file)", e);
        }
        if (state == null) {
            throw new StateFileException(path + ": the file is empty (delete it to start from defaults)", null);
        }
        check(state);
        return state;
    }

    /** Writes the state atomically. */
    public void save(StationState state) {
        Path folder = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new StateFileException(path + ": the folder " + folder + " does not exist (create it, or give a "
                    + "state file in an existing folder)", null);
        }
        try {
            Path temporary = Files.createTempFile(folder, path.getFileName().toString(), ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(WRITER.writeValueAsBytes(state)));
                    channel.force(true);
                }
                move(temporary, path);
            } finally {
                Files.deleteIfExists(temporary);
            }
            syncFolder(folder);
        } catch (IOException e) {
            throw new StateFileException(path + ": cannot write in " + folder + ": " + cause(e)
                    + " (make the folder writable, or give a state file in another folder)", e);
        }
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

    /** The cause of a failed read or write in words, e.g. "permission denied", rather than just a file name. */
    private static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private StateFileException problem(JsonLocation location, String what, Exception cause) {
        String where = location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
        return new StateFileException(path + where + ": " + what, cause);
    }
}
