package dev.portolan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a benchmark's table and writes its numbers as JSON under target/bench/. */
final class BenchReport {

    private final String name;
    private final Map<String, Object> numbers = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    BenchReport(String name) {
        this.name = name;
    }

    void line(String text) {
        table.append(text).append('\n');
    }

    void put(String key, Object value) {
        numbers.put(key, value);
    }

    void finish() throws IOException {
        System.out.println("\n=== " + name + " ===\n" + table);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve(name + ".json").toFile(), numbers);
    }
}
