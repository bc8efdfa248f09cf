package io.ocppbdd.cucumber;

import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Background;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Examples;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.GherkinDocument;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Step;
import io.cucumber.messages.types.TableCell;
import io.cucumber.messages.types.TableRow;
import io.cucumber.messages.types.Tag;
import io.ocppbdd.cucumber.StepSentences.Sentence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Italian feature (a folder {@code it} under {@code features}) says what its English original says: the same
 * tags, scenarios, steps (the same step method with the same values), examples, tables and doc strings. A change to
 * one language that is not made in the other fails here, naming the file.
 */
class ItalianFeaturesTest {

    private static final Path FEATURES = Path.of("features");
    private static final GherkinParser PARSER = GherkinParser.builder()
            .includeSource(false).includePickles(false).build();
    private static final Map<Sentence, Expression> SENTENCES = compiled();

    static Stream<Path> italianFeatures() throws IOException {
        try (Stream<Path> files = Files.walk(FEATURES)) {
            return files.filter(ItalianFeaturesTest::italian).sorted().toList().stream();
        }
    }

    @Test
    void theBundledFeaturesHaveItalianOnes() throws IOException {
        assertThat(italianFeatures()).extracting(Path::toString)
                .contains("features/it/provisioning/boot.feature", "features/certification/it/authorization.feature")
                .hasSizeGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("italianFeatures")
    void saysWhatItsEnglishOriginalSays(Path italian) throws IOException {
        Path english = englishOriginal(italian);
        assertThat(english).as("the English original of " + italian).exists();

        assertThat(outline(italian)).as(italian + " against " + english).containsExactlyElementsOf(outline(english));
    }

    private static boolean italian(Path file) {
        return file.toString().endsWith(".feature") && FEATURES.relativize(file).toString().matches("(.*/)?it/.*");
    }

    private static Path englishOriginal(Path italian) {
        return Path.of(italian.toString().replaceFirst("(^|/)it/", "$1"));
    }

    /** What a feature says, one line per tag set, step, example row, table row and doc string, language aside. */
    private static List<String> outline(Path file) throws IOException {
        Feature feature = feature(file);
        List<String> lines = new ArrayList<>();
        lines.add("feature " + tags(feature.getTags()));
        feature.getChildren().forEach(child -> child(child, lines));
        return lines;
    }

    private static void child(FeatureChild child, List<String> lines) {
        child.getBackground().ifPresent(background -> background(background, lines));
        child.getScenario().ifPresent(scenario -> scenario(scenario, lines));
        child.getRule().ifPresent(rule -> rule(rule, lines));
    }

    private static void rule(Rule rule, List<String> lines) {
        lines.add("rule " + tags(rule.getTags()));
        rule.getChildren().forEach(child -> {
            child.getBackground().ifPresent(background -> background(background, lines));
            child.getScenario().ifPresent(scenario -> scenario(scenario, lines));
        });
    }

    private static void background(Background background, List<String> lines) {
        lines.add("background");
        background.getSteps().forEach(step -> lines.addAll(step(step)));
    }

    private static void scenario(Scenario scenario, List<String> lines) {
        lines.add("scenario " + tags(scenario.getTags()));
        scenario.getSteps().forEach(step -> lines.addAll(step(step)));
        for (Examples examples : scenario.getExamples()) {
            lines.add("examples " + tags(examples.getTags()));
            examples.getTableHeader().ifPresent(header -> lines.add(row(header)));
            examples.getTableBody().forEach(row -> lines.add(row(row)));
        }
    }

    /** The step method a step calls and the values it passes, then its table or doc string. */
    private static List<String> step(Step step) {
        List<String> lines = new ArrayList<>();
        List<String> calls = SENTENCES.entrySet().stream()
                .map(entry -> call(entry.getKey(), entry.getValue(), step.getText()))
                .filter(call -> !call.isEmpty())
                .distinct()
                .toList();
        lines.add(calls.size() == 1 ? calls.get(0) : "step \"" + step.getText() + "\" matches " + calls);
        step.getDataTable().ifPresent(table -> table.getRows().forEach(row -> lines.add(row(row))));
        step.getDocString().ifPresent(doc -> lines.add("doc string " + doc.getContent()));
        return lines;
    }

    private static String call(Sentence sentence, Expression expression, String text) {
        List<Argument<?>> arguments = expression.match(text);
        if (arguments == null) {
            return "";
        }
        return sentence.where() + arguments.stream().map(ItalianFeaturesTest::value)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A value as the step method gets it; a list of quoted values is joined by the language's "or" ("o"). */
    private static String value(Argument<?> argument) {
        return String.valueOf(argument.getValue()).replace("\" o \"", "\" or \"");
    }

    private static String row(TableRow row) {
        return "| " + row.getCells().stream().map(TableCell::getValue).collect(Collectors.joining(" | ")) + " |";
    }

    private static String tags(List<Tag> tags) {
        return tags.stream().map(Tag::getName).collect(Collectors.joining(" "));
    }

    /** The feature a file holds, parsed as Cucumber parses it. */
    static Feature feature(Path file) throws IOException {
        try (Stream<Envelope> envelopes = PARSER.parse(file)) {
            return envelopes.map(Envelope::getGherkinDocument).flatMap(Optional::stream)
                    .map(GherkinDocument::getFeature).flatMap(Optional::stream)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(file + " holds no feature"));
        }
    }

    private static Map<Sentence, Expression> compiled() {
        ExpressionFactory factory = StepSentences.expressions();
        Map<Sentence, Expression> compiled = new LinkedHashMap<>();
        StepSentences.all().forEach(sentence -> compiled.put(sentence, factory.createExpression(sentence.expression())));
        return compiled;
    }
}
