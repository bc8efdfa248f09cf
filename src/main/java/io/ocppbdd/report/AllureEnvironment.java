package io.ocppbdd.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the Environment block of the Allure report: what was tested, against which CSMS. */
public final class AllureEnvironment {

    private AllureEnvironment() {
    }

    /** Writes {@code environment.properties} into the Allure results folder ({@code allure.results.directory}). */
    public static void write(Map<String, String> entries) {
        Path folder = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        String properties = entries.entrySet().stream()
                .map(entry -> escape(entry.getKey()) + "=" + escape(entry.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("environment.properties"), properties, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure environment into " + folder, e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
    }
}
