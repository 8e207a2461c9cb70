package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every project of the compose corpus imports as its index says: a lab that reads back with
 * what it must hold and what it must list as not mapped, or a refusal that says where.
 * Writes the import report to target/compose-corpus-report.md.
 */
class ComposeCorpusTest {

    private static final List<ComposeCorpus.Imported> IMPORTED = new CopyOnWriteArrayList<>();

    static List<ComposeCorpus.Entry> entries() {
        return ComposeCorpus.entries();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void importsAsItsIndexSays(ComposeCorpus.Entry entry) {
        var imported = ComposeCorpus.importOf(entry);
        IMPORTED.add(imported);
        if (entry.refused() != null) {
            assertNull(imported.result(), "refused, nothing written");
            assertNotNull(imported.refusal(), entry.name());
            String message = imported.refusal().getMessage();
            assertTrue(message.contains(entry.refused()), message);
            return;
        }
        assertNull(imported.refusal(), () -> "imported: " + imported.refusal().getMessage());
        String text = imported.result().labYaml();
        LabSpec lab = LabFile.parse(text, entry.name() + ".yaml");
        assertFalse(lab.containers().isEmpty(), text);
        for (String expected : entry.lab()) assertTrue(text.contains(expected), "the lab has " + expected + ":\n" + text);
        for (String expected : entry.notMapped()) {
            assertTrue(imported.result().notMapped().stream().anyMatch(n -> n.contains(expected)),
                    expected + " is listed: " + imported.result().notMapped());
        }
        for (String item : imported.result().notMapped()) {
            assertTrue(text.contains("#   - " + item.replace("\n", "\\n")), "said in the file: " + item);
            assertTrue(item.indexOf(": ") > 0 && item.length() > item.indexOf(": ") + 8, "with its reason: " + item);
        }
    }

    @AfterAll
    static void report() throws Exception {
        String report = ComposeCorpus.report(IMPORTED, Map.of());
        Files.writeString(Path.of("target", "compose-corpus-report.md"), report);
        System.out.println(report.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));
    }
}
