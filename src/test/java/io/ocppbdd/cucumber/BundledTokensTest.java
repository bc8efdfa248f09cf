package io.ocppbdd.cucumber;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A real CSMS rejects ISO14443 ids that are not 8 or 14 hex digits (a 4- or 7-byte UID), so no feature uses one. */
class BundledTokensTest {

    /** A token a step presents as ISO14443, the steps' default type, in English or Italian, unless another is named. */
    private static final Pattern STEP_TOKEN = Pattern.compile(
            "(?:ISO14443 token|token ISO14443|id token|l'id token) \"([^\"]+)\"(?!.*(?:of type|di tipo) \"(?!ISO14443))");
    private static final Pattern JSON_TOKEN = Pattern.compile(
            "\"idToken\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"type\"\\s*:\\s*\"ISO14443\"");
    private static final Pattern UID = Pattern.compile("[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}");

    @Test
    @DisplayName("every ISO14443 token in the bundled features is 8 or 14 hex digits")
    void iso14443TokensAreUids() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("features"))) {
            files.filter(file -> file.toString().endsWith(".feature")).forEach(file -> {
                List<String> lines = read(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern pattern : List.of(STEP_TOKEN, JSON_TOKEN)) {
                        Matcher matcher = pattern.matcher(lines.get(i));
                        while (matcher.find()) {
                            if (!UID.matcher(matcher.group(1)).matches() && !matcher.group(1).startsWith("<")) {
                                wrong.add(file + ":" + (i + 1) + ": " + matcher.group(1));
                            }
                        }
                    }
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
