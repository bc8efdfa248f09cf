package io.ocppbdd.cucumber;

import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The step sentences of the glue, read by reflection: per step method its English and its Italian sentences, and a
 * sample step text for each sentence, as a feature would write it.
 */
final class StepSentences {

    static final Path GLUE = Path.of("src/main/java/io/ocppbdd/cucumber");
    private static final Set<String> ENGLISH = Set.of("Given", "When", "Then", "And", "But");
    private static final Set<String> ITALIAN = Set.of("Dato", "Data", "Dati", "Date", "Quando", "Allora", "E", "Ed",
            "Ma");

    /** Values that stand for the parameters of a sentence in its sample text. */
    private static final Map<String, String> SAMPLE_VALUES = Map.of(
            "{int}", "1",
            "{string}", "\"x\"",
            "{word}", "Heartbeat",
            "{ocppTokenType}", "ISO14443",
            "{ocppTokenRole}", "the accepted token",
            "{ocppRuoloToken}", "token accettato",
            "{ocppEsitoArresto}", "\"rifiutato\"");
    /** The regular expressions of the glue stand for these texts: the parts with a capture group, then the sample. */
    private static final Map<String, String> REGEX_SAMPLES = Map.of(
            StatusSteps.LIST, "Downloading, Downloaded",
            "(\\w+) with status ((?:\"[^\"]+\"(?:, | or ))+\"[^\"]+\")",
            "Authorize with status \"Invalid\" or \"Unknown\"",
            "ad? (\\w+) con lo stato ((?:\"[^\"]+\"(?:, | o ))+\"[^\"]+\")",
            "ad Authorize con lo stato \"Invalid\" o \"Unknown\"");

    /** One step sentence: its keyword annotation, its expression, and the method it calls. */
    record Sentence(String keyword, String expression, Method method) {

        boolean italian() {
            return ITALIAN.contains(keyword);
        }

        boolean regex() {
            return expression.startsWith("^") && expression.endsWith("$");
        }

        /** A step text this sentence matches, as a feature writes it. */
        String sample() {
            String text = expression;
            if (regex()) {
                for (Map.Entry<String, String> part : REGEX_SAMPLES.entrySet()) {
                    text = text.replace(part.getKey(), part.getValue());
                }
                return text.substring(1, text.length() - 1);
            }
            for (Map.Entry<String, String> value : SAMPLE_VALUES.entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            return text.replaceAll("\\([^)]*\\)", "").replaceAll("(\\S+)/\\S+", "$1");
        }

        String where() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
    }

    private StepSentences() {
    }

    /** Every class of the glue package, from its sources. */
    static List<Class<?>> glueClasses() {
        try (Stream<Path> sources = Files.list(GLUE)) {
            List<Class<?>> classes = new ArrayList<>();
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                String name = source.getFileName().toString().replace(".java", "");
                classes.add(Class.forName(StepSentences.class.getPackageName() + "." + name));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every step sentence of the glue, ordered by class, method and language. */
    static List<Sentence> all() {
        List<Sentence> sentences = new ArrayList<>();
        for (Class<?> glue : glueClasses()) {
            for (Method method : glue.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    stepKeyword(annotation).ifPresent(keyword -> sentences.add(
                            new Sentence(keyword, expressionOf(annotation), method)));
                }
            }
        }
        sentences.sort(Comparator.comparing(Sentence::where).thenComparing(Sentence::italian)
                .thenComparing(Sentence::expression));
        return sentences;
    }

    /**
     * A compiler of step expressions that knows the glue's own parameter types, as Cucumber does, and converts
     * their values with the glue's own methods (which use no state: they run on a glue object without a world).
     */
    static ExpressionFactory expressions() {
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        for (Class<?> glue : glueClasses()) {
            for (Method method : glue.getDeclaredMethods()) {
                io.cucumber.java.ParameterType type = method.getAnnotation(io.cucumber.java.ParameterType.class);
                if (type != null) {
                    String name = type.name().isEmpty() ? method.getName() : type.name();
                    Object stateless = withoutWorld(glue);
                    registry.defineParameterType(new io.cucumber.cucumberexpressions.ParameterType<>(name,
                            type.value(), Object.class, (String value) -> method.invoke(stateless, value)));
                }
            }
        }
        return new ExpressionFactory(registry);
    }

    private static Object withoutWorld(Class<?> glue) {
        try {
            Constructor<?> constructor = glue.getConstructors()[0];
            return constructor.newInstance(new Object[constructor.getParameterCount()]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> stepKeyword(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        String language = type.getPackageName();
        if (language.equals("io.cucumber.java.en") && ENGLISH.contains(type.getSimpleName())
                || language.equals("io.cucumber.java.it") && ITALIAN.contains(type.getSimpleName())) {
            return Optional.of(type.getSimpleName());
        }
        return Optional.empty();
    }

    private static String expressionOf(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
