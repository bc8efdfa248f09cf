package io.ocppbdd.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a YAML file that knows where it stands ({@code ocpp-bdd.yaml:12}), so that every complaint about a
 * configuration value is one line naming the file and the line. A missing key is a node too: it answers
 * {@link #isMissing()} and points at the nearest line that exists.
 */
public final class YamlNode {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Document document;
    private final JsonPointer at;
    private final JsonNode value;

    private YamlNode(Document document, JsonPointer at, JsonNode value) {
        this.document = document;
        this.at = at;
        this.value = value;
    }

    /** Reads a YAML file; a missing, unreadable or malformed file is a {@link ConfigError}. */
    public static YamlNode read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigError(file + ": no such file; check the path");
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses YAML text; {@code source} names it in messages, {@code folder} resolves relative paths in it. */
    public static YamlNode parse(String text, String source, Path folder) {
        Map<JsonPointer, Integer> lines = new HashMap<>();
        JsonNode root;
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            root = parser.nextToken() == null ? MissingNode.getInstance()
                    : readLocated(parser, JsonPointer.empty(), lines, source);
        } catch (JsonProcessingException e) {
            throw new ConfigError(source + syntaxError(e) + "; check the indentation and quoting");
        } catch (IOException e) {
            throw new ConfigError(source + ": cannot be read (" + e.getMessage() + ")");
        }
        return new YamlNode(new Document(source, folder, Map.copyOf(lines)), JsonPointer.empty(), root);
    }

    /** {@code :line: not valid YAML (problem)}, in one line, from the YAML parser's complaint. */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return ":" + (marked.getProblemMark().getLine() + 1) + ": not valid YAML (" + marked.getProblem() + ")";
        }
        JsonLocation where = e.getLocation();
        return (where == null ? "" : ":" + where.getLineNr()) + ": not valid YAML ("
                + e.getOriginalMessage().replaceAll("\\s+", " ").trim() + ")";
    }

    /** Reads the value at the parser's current token, noting the line of it and of everything inside it. */
    private static JsonNode readLocated(JsonParser parser, JsonPointer at, Map<JsonPointer, Integer> lines,
                                        String source) throws IOException {
        lines.putIfAbsent(at, parser.currentTokenLocation().getLineNr());
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = YAML.createObjectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonPointer child = at.appendProperty(name);
                    if (object.has(name)) {
                        throw new ConfigError(source + ":" + parser.currentTokenLocation().getLineNr()
                                + ": key '" + name + "' appears twice; keep one");
                    }
                    lines.put(child, parser.currentTokenLocation().getLineNr());
                    parser.nextToken();
                    object.set(name, readLocated(parser, child, lines, source));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = YAML.createArrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readLocated(parser, at.appendIndex(array.size()), lines, source));
                }
                return array;
            }
            default -> {
                return YAML.readTree(parser);
            }
        }
    }

    /** The name of the file this node comes from, as given. */
    public String source() {
        return document.source;
    }

    /** {@code file:line} of this node, or of its nearest ancestor when it is missing. */
    public String where() {
        JsonPointer pointer = at;
        while (pointer != null) {
            Integer line = document.lines.get(pointer);
            if (line != null) {
                return document.source + ":" + line;
            }
            pointer = pointer.head();
        }
        return document.source;
    }

    /** The dotted key of this node from the root ({@code tokens.blocked.idToken}), for messages. */
    String key() {
        StringBuilder key = new StringBuilder();
        for (JsonPointer p = at; p != null && !p.matches(); p = p.tail()) {
            key.append(key.length() == 0 ? "" : ".").append(p.getMatchingProperty());
        }
        return key.toString();
    }

    /** The error {@code file:line: problem}, for a value that cannot be used here. */
    public ConfigError error(String problem) {
        return new ConfigError(where() + ": " + problem);
    }

    public JsonNode value() {
        return value;
    }

    /** Whether the key is absent or null. */
    public boolean isMissing() {
        return value.isMissingNode() || value.isNull();
    }

    /** The child under this key (a missing node if there is none). */
    public YamlNode get(String field) {
        return new YamlNode(document, at.appendProperty(field), value.path(field));
    }

    /** The children of a mapping, in file order; an error if this is neither a mapping nor missing. */
    public List<Map.Entry<String, YamlNode>> fields() {
        if (isMissing()) {
            return List.of();
        }
        if (!value.isObject()) {
            throw error(key() + " must be a mapping of keys to values");
        }
        List<Map.Entry<String, YamlNode>> fields = new ArrayList<>();
        value.fieldNames().forEachRemaining(name -> fields.add(Map.entry(name, get(name))));
        return fields;
    }

    /** The elements of a list, in order; an error if this is neither a list nor missing. */
    public List<YamlNode> elements() {
        if (isMissing()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw error(key() + " must be a list (- item per line, or [a, b])");
        }
        List<YamlNode> elements = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            elements.add(new YamlNode(document, at.appendIndex(i), value.get(i)));
        }
        return elements;
    }

    /** Fails when the mapping has a key outside {@code known}, naming it and the keys allowed (typos). */
    public YamlNode onlyKeys(Set<String> known) {
        for (Map.Entry<String, YamlNode> field : fields()) {
            if (!known.contains(field.getKey())) {
                throw field.getValue().error("unknown key '" + field.getKey() + "'" + (at.matches() ? "" :
                        " under " + key()) + "; use one of " + known.stream().sorted().toList());
            }
        }
        return this;
    }

    /** The text of a scalar, if present; an error for a mapping or list. */
    public Optional<String> text() {
        if (isMissing()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw error(key() + " must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
        }
        return Optional.of(value.asText());
    }

    /** The whole number of a scalar, if present; an error for anything else. */
    public Optional<Integer> integer() {
        return text().map(text -> {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw error(key() + " must be a whole number, not '" + text + "'");
            }
        });
    }

    /** A path written in this file, resolved against the file's folder. */
    public Path path(String written) {
        Path path = Path.of(written);
        return path.isAbsolute() || document.folder == null ? path : document.folder.resolve(path);
    }

    private record Document(String source, Path folder, Map<JsonPointer, Integer> lines) {
    }
}
