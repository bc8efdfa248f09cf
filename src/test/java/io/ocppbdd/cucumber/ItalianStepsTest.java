package io.ocppbdd.cucumber;

import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.ocppbdd.cucumber.StepSentences.Sentence;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step reads in English and in Italian ({@code # language: it}), no sentence is ambiguous with another, and
 * the README's Italian catalogue lists them all ({@code -Docpp.readme.write=true} rewrites it).
 */
class ItalianStepsTest {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- catalogo italiano: generato da ItalianStepsTest -->\n";
    private static final String END = "<!-- fine del catalogo italiano -->";
    private static final Map<String, String> HEADINGS = Map.of(
            "StationSteps", "Stazioni e tempo",
            "MessageSteps", "Che cosa la stazione ha inviato e il CSMS ha risposto",
            "TransactionSteps", "Conducenti, EV e transazioni",
            "AuthorizationSteps", "Autorizzazione",
            "CsmsSteps", "Il CSMS incorporato e le chiamate del CSMS",
            "RemoteControlSteps", "Controllo remoto e prenotazioni",
            "SmartChargingSteps", "Smart charging",
            "FirmwareSteps", "Aggiornamento del firmware",
            "LogSteps", "Caricamento dei log");

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

    @Test
    void theReadmeListsEveryStepInItalian() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("the README's markers of the Italian catalogue").isNotNegative().isLessThan(end);
        String catalogue = italianCatalogue();
        if (Boolean.getBoolean("ocpp.readme.write")) {
            Files.writeString(README, readme.substring(0, start + START.length()) + catalogue + readme.substring(end));
            return;
        }
        assertThat(readme.substring(start + START.length(), end))
                .as("the Italian step catalogue in the README; rewrite it with "
                        + "mvn -o -q test -Dtest=ItalianStepsTest -Docpp.readme.write=true")
                .isEqualTo(catalogue);
    }

    /** Per glue class a table of the Italian sentences beside the English ones, as a feature writes them. */
    private String italianCatalogue() {
        Map<String, List<Sentence>> byClass = sentences.stream().collect(Collectors.groupingBy(
                sentence -> sentence.method().getDeclaringClass().getSimpleName(), TreeMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder();
        byClass.forEach((glue, own) -> {
            text.append("\n**").append(HEADINGS.getOrDefault(glue, glue)).append("**\n\n| italiano | English |\n|---|---|\n");
            Map<Method, List<Sentence>> byMethod = own.stream().collect(Collectors.groupingBy(Sentence::method,
                    LinkedHashMap::new, Collectors.toList()));
            byMethod.values().stream().sorted(Comparator.comparing(pair -> cell(pair, false))).forEach(pair -> text.append("| ").append(cell(pair, true)).append(" | ")
                    .append(cell(pair, false)).append(" |\n"));
        });
        return text.append('\n').toString();
    }

    private static String cell(List<Sentence> sentences, boolean italian) {
        return sentences.stream().filter(sentence -> sentence.italian() == italian)
                .map(sentence -> "`" + sentence.keyword() + " "
                        + (sentence.regex() ? sentence.sample() : sentence.expression()) + "`")
                .collect(Collectors.joining(" / ")).replace("|", "\\|");
    }
}
