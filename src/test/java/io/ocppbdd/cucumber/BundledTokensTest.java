package io.ocppbdd.cucumber;

import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.Tag;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The id tokens of the bundled features work against a real CSMS: a scenario that can run against one names the
 * test profile's token roles, never literal tokens that only the embedded CSMS accepts (a real CSMS answers
 * Unknown), and every literal ISO14443 token is 8 or 14 hex digits, as a real CSMS demands of a 4- or 7-byte UID.
 */
class BundledTokensTest {

    private static final Path FEATURES = Path.of("features");
    private static final String EMBEDDED_ONLY = "@embedded-csms";

    /** A token a step presents as ISO14443, the steps' default type, in English or Italian, unless another is named. */
    private static final Pattern STEP_TOKEN = Pattern.compile(
            "(?:ISO14443 token|token ISO14443|id token|l'id token) \"([^\"]+)\"(?!.*(?:of type|di tipo) \"(?!ISO14443))");
    private static final Pattern JSON_TOKEN = Pattern.compile(
            "\"idToken\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"type\"\\s*:\\s*\"ISO14443\"");
    private static final Pattern UID = Pattern.compile("[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}");

    /**
     * A literal id token of any type in a step or doc string, in English or Italian: {@code token "X"} after a word
     * ({@code ISO14443 token "X"}, {@code id token "X"}, {@code token ISO14443 "X"}), a field
     * {@code "idToken.idToken" is "X"}, or JSON {@code "idToken": "X"}.
     */
    private static final Pattern LITERAL_TOKEN = Pattern.compile("(?:\\w+ token|token \\w+) \"[^\"<]"
            + "|\"idToken\\.idToken\" (?:is|è) \"[^\"<]|\"idToken\"\\s*:\\s*\"[^\"<]");

    @Test
    @DisplayName("every ISO14443 token in the bundled features is 8 or 14 hex digits")
    void iso14443TokensAreUids() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : features()) {
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
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("a scenario without @embedded-csms names token roles of the test profile, never a literal id token")
    void scenariosForAnyCsmsNameTokenRoles() throws IOException {
        Set<String> literal = new LinkedHashSet<>();
        for (Path file : features()) {
            Feature feature = ItalianFeaturesTest.feature(file);
            if (embeddedOnly(feature.getTags())) {
                continue;
            }
            List<Step> background = new ArrayList<>();
            for (FeatureChild child : feature.getChildren()) {
                child.getBackground().ifPresent(found -> background.addAll(found.getSteps()));
                child.getScenario().filter(scenario -> !embeddedOnly(scenario.getTags())).ifPresent(scenario -> {
                    background.forEach(step -> literalTokens(file, step).ifPresent(literal::add));
                    scenario.getSteps().forEach(step -> literalTokens(file, step).ifPresent(literal::add));
                });
            }
        }
        assertThat(literal).as("""
                literal id tokens in scenarios that run against any CSMS; a real CSMS knows only its own tokens, so \
                name a role of the test profile (`the driver presents the accepted token at EVSE 1`, `it carries the \
                group token`, `the CSMS sends RequestStartTransaction for EVSE 1 with the accepted token`, `the CSMS \
                sends ReserveNow 5 for EVSE 1 and the accepted token valid for 2 minutes`; Italian: `il token \
                accettato`), or script the embedded CSMS for that token and tag the scenario @embedded-csms""")
                .isEmpty();
    }

    /** A step whose text or doc string names a literal token, as "file:line: the step". */
    private static Optional<String> literalTokens(Path file, Step step) {
        String text = step.getText() + step.getDocString().map(doc -> "\n" + doc.getContent()).orElse("");
        return LITERAL_TOKEN.matcher(text).find()
                ? Optional.of(file + ":" + step.getLocation().getLine() + ": " + step.getKeyword() + step.getText())
                : Optional.empty();
    }

    private static boolean embeddedOnly(List<Tag> tags) {
        return tags.stream().anyMatch(tag -> tag.getName().equals(EMBEDDED_ONLY));
    }

    private static List<Path> features() throws IOException {
        try (Stream<Path> files = Files.walk(FEATURES)) {
            return files.filter(file -> file.toString().endsWith(".feature")).sorted().toList();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
