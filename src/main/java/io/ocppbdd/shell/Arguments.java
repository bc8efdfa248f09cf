package io.ocppbdd.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ocppbdd.protocol.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words after a command's name, read by position; a missing or malformed one is a {@link BadCommand}. */
final class Arguments {

    private static final Pattern WORD = Pattern.compile("\\S+");

    private final Verb verb;
    private final String line;
    private final List<String> words = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();

    /** The arguments of this line (after the command's name). */
    Arguments(Verb verb, String line) {
        this.verb = verb;
        this.line = line;
        Matcher matcher = WORD.matcher(line);
        while (matcher.find()) {
            words.add(matcher.group());
            starts.add(matcher.start());
        }
    }

    int count() {
        return words.size();
    }

    boolean has(int index) {
        return index < words.size();
    }

    /** The word at this position, which the command requires. */
    String text(int index, String name) {
        if (!has(index)) {
            throw bad("missing " + name);
        }
        return words.get(index);
    }

    String text(int index, String name, String otherwise) {
        return has(index) ? words.get(index) : otherwise;
    }

    /** A positive whole number at this position (an EVSE or connector id, a count). */
    int number(int index, String name) {
        String word = text(index, name);
        try {
            int value = Integer.parseInt(word);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name + " must be a whole number from 1, not \"" + word + "\"");
    }

    int number(int index, String name, int otherwise) {
        return has(index) ? number(index, name) : otherwise;
    }

    /** Everything from this word to the end of the line, as a JSON object ({} when absent and optional). */
    ObjectNode json(int index, String name, boolean required) {
        if (!has(index)) {
            if (required) {
                throw bad("missing " + name);
            }
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.parse(line.substring(starts.get(index)));
        } catch (IllegalArgumentException e) {
            throw bad(name + " is " + e.getMessage());
        }
        if (!node.isObject()) {
            throw bad(name + " must be a JSON object {...}");
        }
        return (ObjectNode) node;
    }

    /** Fails unless there are at most this many words. */
    void atMost(int count) {
        if (words.size() > count) {
            throw bad("too many arguments: \"" + String.join(" ", words.subList(count, words.size())) + "\"");
        }
    }

    /** A one-line hint: the problem and how the command is written. */
    BadCommand bad(String problem) {
        return new BadCommand(problem + " (usage: " + verb.synopsis() + ")");
    }
}
