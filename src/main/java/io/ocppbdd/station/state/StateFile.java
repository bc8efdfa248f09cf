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
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code charge_point_state.json}. Writes are atomic (temporary file, fsync, rename, fsync of
 * the folder), so a kill at any moment leaves either the old or the new content, never a torn file. Secrets
 * (BasicAuthPassword) go to an owner-only file beside it, never into it (see {@link #secretsPath()}).
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
    private final SecretsFile secrets;

    public StateFile(Path path) {
        this.path = path;
        this.secrets = new SecretsFile(path);
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
                    + "\"; known here: " + e.getKnownPropertyIds(), e);
        } catch (JsonProcessingException e) {
            throw problem(e.getLocation(), e.getOriginalMessage().lines().findFirst().orElse("unreadable JSON")
                    + " (fix the JSON or delete the file to start from defaults)", e);
        } catch (IOException e) {
            throw new StateFileException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (state == null) {
            throw new StateFileException(path + ": the file is empty (delete it to start from defaults)", null);
        }
        secrets.mergeInto(state.getDeviceModel(), MAPPER);
        check(state);
        return state;
    }

    /** Writes the state atomically. */
    public void save(StationState state) {
        try {
            Path folder = path.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            ObjectNode tree = MAPPER.valueToTree(state);
            secrets.save(state.getDeviceModel(), tree, MAPPER);
            writeAtomically(path, WRITER.writeValueAsBytes(tree));
            syncFolder(folder);
        } catch (IOException e) {
            throw new StateFileException(path + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** Writes through a temporary file in the same folder, fsync and rename: readers see old or new, never half. */
    static void writeAtomically(Path target, byte[] content, FileAttribute<?>... attributes) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(),
                ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
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
        if (state.getFormatVersion() != StationState.FORMAT_VERSION) {
            throw new StateFileException(path + ": formatVersion " + state.getFormatVersion()
                    + " is not supported (this version reads " + StationState.FORMAT_VERSION + ")", null);
        }
        if (state.getIdentity() == null || state.getIdentity().id() == null) {
            throw new StateFileException(path + ": \"identity.id\" is missing (add the station id)", null);
        }
        if (!isValidStationId(state.getIdentity().id())) {
            throw new StateFileException(path + ": identity.id \"" + state.getIdentity().id() + "\" "
                    + STATION_ID_RULE, null);
        }
        checkLength("identity.vendorName", state.getIdentity().vendorName(), 50, true);
        checkLength("identity.model", state.getIdentity().model(), 20, true);
        checkLength("identity.serialNumber", state.getIdentity().serialNumber(), 25, false);
        checkLength("identity.firmwareVersion", state.getIdentity().firmwareVersion(), 50, false);
        if (state.getEvses().isEmpty()) {
            throw new StateFileException(path + ": \"evses\" is empty (a station needs at least one EVSE)", null);
        }
        Set<Integer> evseIds = new HashSet<>();
        for (int index = 0; index < state.getEvses().size(); index++) {
            EvseState evse = state.getEvses().get(index);
            if (evse.getId() != index + 1 || !evseIds.add(evse.getId())) {
                throw new StateFileException(path + ": evses[" + index + "].id is " + evse.getId()
                        + " (EVSE ids run 1, 2, 3, ... in order)", null);
            }
            if (evse.getConnectors().isEmpty()) {
                throw new StateFileException(path + ": EVSE " + evse.getId() + " has no connectors", null);
            }
            for (int c = 0; c < evse.getConnectors().size(); c++) {
                if (evse.getConnectors().get(c).getId() != c + 1) {
                    throw new StateFileException(path + ": EVSE " + evse.getId() + " connector ids run 1, 2, ... "
                            + "in order; connectors[" + c + "].id is " + evse.getConnectors().get(c).getId(), null);
                }
            }
        }
    }

    /** BootNotification limits (ChargingStationType): a longer value could never be sent. */
    private void checkLength(String field, String value, int max, boolean required) {
        if (value == null && required) {
            throw new StateFileException(path + ": \"" + field + "\" is missing", null);
        }
        if (value != null && value.length() > max) {
            throw new StateFileException(path + ": " + field + " \"" + value + "\" is longer than " + max
                    + " characters, the most a BootNotification allows", null);
        }
    }

    private StateFileException problem(JsonLocation location, String what, Exception cause) {
        String where = location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
        return new StateFileException(path + where + ": " + what, cause);
    }
}
