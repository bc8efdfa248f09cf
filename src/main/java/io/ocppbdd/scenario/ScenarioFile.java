package io.ocppbdd.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import io.ocppbdd.protocol.Action;
import io.ocppbdd.shell.Vocabulary;
import io.ocppbdd.shell.Words;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a scenario file (YAML or JSON), checks it against the published schema ({@code scenario.schema.json}) and
 * the shell's vocabulary, and reports the first problem as {@code file:line: what is wrong, how to fix it}.
 */
final class ScenarioFile {

    /** Where the schema is in the jar; the same file is published as {@code scenarios/scenario.schema.json}. */
    static final String SCHEMA_RESOURCE = "/io/ocppbdd/scenario/scenario.schema.json";

    private static final Duration DEFAULT_AT_MOST = Duration.ofSeconds(10);
    private static final Schema SCHEMA = loadSchema();
    private static final Map<String, String> FIXES = Map.of(
            "additionalProperties", "remove it or correct its spelling",
            "required", "add it",
            "enum", "use one of the values listed",
            "type", "write a value of that type",
            "pattern", "write it as the pattern shows",
            "oneOf", "write a shell command as text, or a mapping with until: or expect:",
            "minItems", "add at least one");

    private ScenarioFile() {
    }

    static Scenario load(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonFactory factory;
        if (name.endsWith(".json")) {
            factory = new JsonFactory();
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            factory = new YAMLFactory();
        } else {
            throw new ScenarioError(file + ": not a scenario file; name it .yaml, .yml or .json");
        }
        LocatedTree tree;
        try (JsonParser parser = factory.createParser(Files.newInputStream(file))) {
            tree = new LocatedTree(parser);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new ScenarioError(file + ":" + line + ": not valid " + (factory instanceof YAMLFactory ? "YAML" : "JSON")
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("") + "; correct the syntax");
        } catch (IOException e) {
            throw new ScenarioError(file + ": cannot be read (" + e.getMessage() + "); check the path");
        }
        if (tree.root() == null || !tree.root().isObject()) {
            throw new ScenarioError(file + ":1: a scenario is a mapping with name: and steps:; see "
                    + "scenarios/scenario.schema.json");
        }
        checkSchema(file, tree);
        return read(file, tree);
    }

    private static void checkSchema(Path file, LocatedTree tree) {
        List<Error> errors = SCHEMA.validate(tree.root());
        errors.stream().max(Comparator.comparingInt((Error error) -> error.getInstanceLocation().getNameCount())
                        .thenComparing(error -> !"oneOf".equals(error.getKeyword())))
                .ifPresent(error -> {
                    String pointer = pointer(error.getInstanceLocation());
                    throw new ScenarioError(file + ":" + tree.line(pointer) + ": " + error.getMessage() + "; "
                            + FIXES.getOrDefault(error.getKeyword(), "see scenarios/scenario.schema.json"));
                });
    }

    private static Scenario read(Path file, LocatedTree tree) {
        JsonNode root = tree.root();
        Map<String, String> variables = new LinkedHashMap<>();
        root.path("variables").properties().forEach(entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        List<Step> steps = new ArrayList<>();
        JsonNode written = root.get("steps");
        for (int index = 0; index < written.size(); index++) {
            String pointer = "/steps/" + index;
            steps.add(step(file, tree.line(pointer), written.get(index), tree, pointer));
        }
        return new Scenario(file, root.get("name").asText(), root.path("station").asText("CS-001"),
                root.path("evses").asInt(1), variables, "virtual".equals(root.path("clock").asText("real")), steps);
    }

    private static Step step(Path file, int line, JsonNode step, LocatedTree tree, String pointer) {
        Duration atMost = step.has("atMost") ? Words.duration(step.get("atMost").asText()).orElseThrow()
                : DEFAULT_AT_MOST;
        if (step.isTextual()) {
            String command = step.asText().strip().split("\\s+")[0];
            if (Vocabulary.names().stream().noneMatch(known -> known.equalsIgnoreCase(command))
                    || command.equalsIgnoreCase(Vocabulary.QUIT)) {
                throw new ScenarioError(file + ":" + line + ": unknown command \"" + command + "\"; use one of "
                        + Vocabulary.names().stream().filter(known -> !known.equals(Vocabulary.QUIT)).toList());
            }
            return new Step.Command(line, step.asText().strip());
        }
        if (step.has("until")) {
            JsonNode until = step.get("until");
            return new Step.Until(line, until.get("evse").asInt(), until.path("connector").asInt(1),
                    until.get("status").asText(), atMost);
        }
        JsonNode expect = step.get("expect");
        for (Step.Kind kind : Step.Kind.values()) {
            if (expect.has(kind.key)) {
                String name = expect.get(kind.key).asText();
                Action action = Action.named(name).orElseThrow(() -> new ScenarioError(file + ":"
                        + tree.line(pointer + "/expect/" + kind.key) + ": \"" + name
                        + "\" is not an OCPP 2.0.1 action; write one such as TransactionEvent or Authorize"));
                Map<String, String> where = new LinkedHashMap<>();
                expect.path("where").properties().forEach(entry -> where.put(entry.getKey(), entry.getValue().asText()));
                return new Step.Expectation(line, kind, action, where, atMost);
            }
        }
        throw new IllegalStateException("the schema lets no other step through");
    }

    private static String pointer(NodePath location) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            pointer.append('/').append(location.getElement(i));
        }
        return pointer.toString();
    }

    private static Schema loadSchema() {
        try (InputStream in = ScenarioFile.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("scenario schema missing from the classpath: " + SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(Dialects.getDraft7()).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
