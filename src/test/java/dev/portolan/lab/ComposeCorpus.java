package dev.portolan.lab;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portolan.engine.InvalidInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The compose corpus under src/test/resources/compose/corpus: projects shaped like the popular
 * public example stacks, with what each import must give ({@code index.yaml}), and the report
 * of a run: files imported, what was not mapped and why, labs applied.
 */
final class ComposeCorpus {

    /** One project of the corpus, as its index says. */
    record Entry(String name, List<String> files, Set<String> profiles, boolean apply, Integer hosts, String refused,
            List<String> lab, @com.fasterxml.jackson.annotation.JsonProperty("not_mapped") List<String> notMapped) {
        Entry {
            files = files == null ? List.of("compose.yaml") : files;
            profiles = profiles == null ? Set.of() : profiles;
            lab = lab == null ? List.of() : lab;
            notMapped = notMapped == null ? List.of() : notMapped;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An entry imported: its result, or the refusal. */
    record Imported(Entry entry, ComposeImport.Result result, InvalidInputException refusal) {}

    private ComposeCorpus() {}

    static Path root() {
        try {
            return Path.of(ComposeCorpus.class.getResource("/compose/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Entry> entries() {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(root().resolve("index.yaml").toFile(), new TypeReference<List<Entry>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the corpus index", e);
        }
    }

    /** The lab an entry's files make, read as compose reads them (its .env, its profiles; no environment of this process). */
    static Imported importOf(Entry entry) {
        Path folder = root().resolve(entry.name());
        try {
            var read = ComposeReader.read(entry.files().stream().map(folder::resolve).toList(),
                    new ComposeReader.Options(null, entry.profiles(), Map.of()));
            return new Imported(entry, ComposeImport.convert(read, labName(entry), entry.hosts() == null ? 1 : entry.hosts()), null);
        } catch (InvalidInputException e) {
            return new Imported(entry, null, e);
        }
    }

    static String labName(Entry entry) {
        return "corpus-" + entry.name();
    }

    /** The report: files imported and refused, items not mapped grouped by the key they are about, labs applied. */
    static String report(List<Imported> imported, Map<String, String> applied) {
        StringBuilder text = new StringBuilder("# Compose corpus\n\n");
        long files = imported.stream().mapToLong(i -> i.entry().files().size()).sum();
        List<Imported> ok = imported.stream().filter(i -> i.result() != null).toList();
        int items = ok.stream().mapToInt(i -> i.result().notMapped().size()).sum();
        text.append(String.format("%d projects (%d files): %d imported, %d refused as bad input; %d items not mapped; %d labs applied%n%n",
                imported.size(), files, ok.size(), imported.size() - ok.size(), items, applied.size()));
        Map<String, List<String>> byKey = new TreeMap<>();
        for (Imported i : ok) {
            for (String item : i.result().notMapped()) {
                String at = item.substring(0, item.indexOf(':'));
                String key = at.startsWith("services.") ? at.replaceFirst("^services\\.[^.]+\\.", "").replaceFirst("\\..*", "") : at.replaceFirst("\\..*", "");
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i.entry().name() + ": " + item);
            }
        }
        text.append("## Not mapped, by key\n\n");
        byKey.forEach((key, list) -> {
            text.append("- **").append(key).append("** (").append(list.size()).append(")\n");
            list.forEach(l -> text.append("  - ").append(l).append('\n'));
        });
        text.append("\n## Refused\n\n");
        imported.stream().filter(i -> i.refusal() != null)
                .forEach(i -> text.append("- ").append(i.entry().name()).append(": ").append(i.refusal().getMessage()).append('\n'));
        if (!applied.isEmpty()) {
            text.append("\n## Applied and healthy\n\n");
            applied.forEach((name, how) -> text.append("- ").append(name).append(": ").append(how).append('\n'));
        }
        return text.toString();
    }
}
