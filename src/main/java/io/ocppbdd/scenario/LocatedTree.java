package io.ocppbdd.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A YAML or JSON document read into a tree, with the line where each value starts, keyed by JSON pointer. */
final class LocatedTree {

    private final JsonNode root;
    private final Map<String, Integer> lines = new HashMap<>();

    /** Reads the whole document the parser is on (positioned before its first token). */
    LocatedTree(JsonParser parser) throws IOException {
        parser.nextToken();
        this.root = read(parser, "");
    }

    JsonNode root() {
        return root;
    }

    /** The line of the value at this JSON pointer, or of its nearest parent that has one. */
    int line(String pointer) {
        String at = pointer;
        while (!lines.containsKey(at) && !at.isEmpty()) {
            at = at.substring(0, at.lastIndexOf('/'));
        }
        return lines.getOrDefault(at, 1);
    }

    private JsonNode read(JsonParser parser, String pointer) throws IOException {
        lines.put(pointer, parser.currentTokenLocation().getLineNr());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = Json.object();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, read(parser, pointer + "/" + name.replace("~", "~0").replace("/", "~1")));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = Json.mapper().createArrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, pointer + "/" + array.size()));
            }
            return array;
        }
        return Json.mapper().readTree(parser);
    }
}
