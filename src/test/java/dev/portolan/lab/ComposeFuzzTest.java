package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random mutations of every compose file of the corpus: each imports into a lab that reads
 * back, or is refused with a sentence (file:line:column where it is about a place); nothing
 * else escapes, and an import never writes a lab file that a lab cannot read.
 */
class ComposeFuzzTest {

    static List<ComposeCorpus.Entry> entries() {
        return ComposeCorpus.entries().stream().filter(e -> e.refused() == null).toList();
    }

    @ParameterizedTest
    @MethodSource("entries")
    void mutatedComposeFilesImportOrAreRefusedWithASentence(ComposeCorpus.Entry entry) throws Exception {
        Path folder = ComposeCorpus.root().resolve(entry.name());
        String original = Files.readString(folder.resolve(entry.files().getFirst()));
        Random random = new Random(20261201L + entry.name().hashCode());
        int imported = 0, refused = 0;
        for (int round = 0; round < 400; round++) {
            String mutated = YamlMutations.mutate(original, random);
            try {
                var read = ComposeReader.readText(mutated, folder.resolve("fuzz.yaml").toString(),
                        new ComposeReader.Options(null, entry.profiles(), Map.of()));
                var result = ComposeImport.convert(read, "fuzz", 1 + random.nextInt(3));
                try {
                    LabFile.parse(result.labYaml(), "fuzz-lab.yaml");
                } catch (LabFileException e) {
                    throw new AssertionError("round " + round + ": the import wrote a lab that does not read: " + e.getMessage()
                            + "\n--- compose:\n" + mutated + "\n--- lab:\n" + result.labYaml(), e);
                }
                imported++;
            } catch (InvalidInputException e) {
                refused++;
                assertTrue(e.getMessage() != null && e.getMessage().length() > 10, "a sentence: " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " escaped as " + e + "\n--- input:\n" + mutated, e);
            }
        }
        System.out.printf("compose fuzz %s: %d imported, %d refused with a sentence%n", entry.name(), imported, refused);
        assertTrue(imported + refused == 400);
    }
}
