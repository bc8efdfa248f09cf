package io.ocppbdd.cucumber;

import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.ocppbdd.cucumber.StepSentences.Sentence;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every step reads in English and in Italian ({@code # language: it}), and no sentence is ambiguous with another. */
class ItalianStepsTest {

    private final List<Sentence> sentences = StepSentences.all();

    @Test
    void theScanSeesEveryStep() {
        assertThat(sentences.stream().filter(sentence -> !sentence.italian())).hasSizeGreaterThan(100);
        assertThat(sentences).extracting(Sentence::expression).contains("a charging station {string}",
                "una stazione di ricarica {string}");
    }

    @Test
    void everyStepMethodWithAnEnglishSentenceHasAnItalianOneAndViceVersa() {
        Map<Method, List<Sentence>> byMethod = sentences.stream().collect(Collectors.groupingBy(Sentence::method,
                LinkedHashMap::new, Collectors.toList()));
        List<String> missing = new ArrayList<>();
        byMethod.forEach((method, own) -> {
            boolean english = own.stream().anyMatch(sentence -> !sentence.italian());
            boolean italian = own.stream().anyMatch(Sentence::italian);
            if (english != italian) {
                missing.add(own.get(0).where() + " \"" + own.get(0).expression() + "\" has no "
                        + (english ? "Italian (@Dato, @Quando, @Allora)" : "English") + " sentence");
            }
        });
        assertThat(missing).as("step methods in one language only").isEmpty();
    }

    @Test
    void everySentenceMatchesItsOwnSampleAndNoOtherSentenceDoes() {
        ExpressionFactory factory = StepSentences.expressions();
        Map<Sentence, Expression> compiled = new LinkedHashMap<>();
        sentences.forEach(sentence -> compiled.put(sentence, factory.createExpression(sentence.expression())));
        List<String> problems = new ArrayList<>();
        for (Sentence sentence : sentences) {
            String sample = sentence.sample();
            List<String> matching = compiled.entrySet().stream()
                    .filter(entry -> entry.getValue().match(sample) != null)
                    .map(entry -> entry.getKey().where() + " \"" + entry.getKey().expression() + "\"").toList();
            String own = sentence.where() + " \"" + sentence.expression() + "\"";
            if (!matching.equals(List.of(own))) {
                problems.add("\"" + sample + "\" (sample of " + own + ") matches " + matching);
            }
        }
        assertThat(problems).as("step texts that match no sentence or more than one").isEmpty();
    }
}
