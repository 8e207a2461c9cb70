package dev.portolan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a benchmark's table and writes its numbers as JSON under target/bench/. */
final class BenchReport {

    private final String name;
    private final Map<String, Object> numbers = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    BenchReport(String name) {
        this.name = name;
    }

    /**
     * Portolan's measurements and the baseline's, one row each under the header, their
     * medians kept as {@code key}_p50_ms; returns the two for the verdict line.
     */
    Stats[] sideBySide(String oursKey, String oursRow, List<Double> ours, String baselineKey, String baselineRow,
            List<Double> baseline) {
        Stats a = Stats.of(ours);
        Stats b = Stats.of(baseline);
        line(Stats.header());
        line(a.row(oursRow));
        line(b.row(baselineRow));
        put(oursKey + "_p50_ms", a.p50());
        put(baselineKey + "_p50_ms", b.p50());
        return new Stats[] {a, b};
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
