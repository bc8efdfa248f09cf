package io.ocppbdd.station.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The secrets of a state file, kept beside it in {@code <name>.secrets.json}, readable by its owner only (0600):
 * device-model values such as {@code SecurityCtrlr.BasicAuthPassword} that the CSMS set (A01.FR.01, A01.FR.10).
 * The state file never holds them in clear; one written by an older version that does is cleaned on its next save.
 * <pre>{@code
 * { "deviceModel" : { "SecurityCtrlr.BasicAuthPassword" : "..." } }
 * }</pre>
 */
final class SecretsFile {

    private static final String DEVICE_MODEL = "deviceModel";
    private static final Set<String> SECRET_VARIABLES = Set.of("BasicAuthPassword");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;

    SecretsFile(Path stateFile) {
        String name = stateFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        this.path = stateFile.resolveSibling(base + ".secrets.json");
    }

    Path path() {
        return path;
    }

    /** Whether this device-model key (as in the state file) names a secret, e.g. SecurityCtrlr.BasicAuthPassword. */
    static boolean isSecret(String deviceModelKey) {
        String variable = deviceModelKey.replaceFirst("\\[\\w+]$", "");
        variable = variable.substring(variable.lastIndexOf('.') + 1).replaceFirst(":.*", "");
        return SECRET_VARIABLES.contains(variable);
    }

    /** Adds the secrets of the file, if there is one, to these device-model values. */
    void mergeInto(Map<String, String> deviceModel, ObjectMapper mapper) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            JsonNode secrets = mapper.readTree(path.toFile()).path(DEVICE_MODEL);
            secrets.fields().forEachRemaining(entry -> deviceModel.put(entry.getKey(), entry.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new StateFileException(path + ": unreadable JSON (fix it, or delete it and set the password "
                    + "again)", e);
        } catch (IOException e) {
            throw new StateFileException(path + ": cannot read (" + e.getMessage() + "); check its permissions", e);
        }
    }

    /**
     * Writes the secrets among these device-model values into the file (deleting it when there are none) and
     * removes them from {@code stateTree}, the state about to be written.
     */
    void save(Map<String, String> deviceModel, ObjectNode stateTree, ObjectMapper mapper) throws IOException {
        ObjectNode secrets = mapper.createObjectNode();
        deviceModel.forEach((key, value) -> {
            if (isSecret(key)) {
                secrets.put(key, value);
            }
        });
        if (stateTree.get(DEVICE_MODEL) instanceof ObjectNode stateValues) {
            secrets.fieldNames().forEachRemaining(stateValues::remove);
        }
        if (secrets.isEmpty()) {
            Files.deleteIfExists(path);
            return;
        }
        ObjectNode file = mapper.createObjectNode();
        file.set(DEVICE_MODEL, secrets);
        StateFile.writeAtomically(path, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(file),
                ownerOnly());
    }

    private static FileAttribute<?>[] ownerOnly() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
