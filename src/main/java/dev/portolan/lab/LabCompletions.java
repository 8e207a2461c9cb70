package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be typed where the caret is in a lab file, as an editor offers it: the keys the
 * lab schema allows at that place, and for references the names the file declares — hosts
 * for {@code host:}, containers for {@code depends_on}, networks, a container's volumes, images — or a
 * key's fixed choices ({@code provider}, {@code restart}). Read from the text as it is, so
 * it works while the file is half typed.
 */
public final class LabCompletions {

    /** Replace {@code from}..{@code to} of the text with one of {@code candidates}. */
    public record Completion(int from, int to, List<String> candidates) {
        public static final Completion NONE = new Completion(0, 0, List.of());
    }

    /** A lab file's: its schema, its references, the names it declares itself. */
    private static final LabCompletions LABS = new LabCompletions(schema(LabCompletions.class, "lab.schema.json"), Map.ofEntries(
            Map.entry("host", "hosts"), Map.entry("depends_on", "containers"), Map.entry("volumes_from", "containers"),
            Map.entry("networks", "networks"), Map.entry("image", "images"), Map.entry("managers", "hosts"),
            Map.entry("workers", "hosts")), LabCompletions::declared, true);

    private final JsonNode schema;
    /** Keys whose value names something declared, and which kind. */
    private final Map<String, String> references;
    /** The names that may be referred to, by kind, for a text. */
    private final java.util.function.Function<String, Map<String, Set<String>>> names;
    /** Whether a container's volumes: entries are mounts ("pgdata:"), as in lab files. */
    private final boolean mounts;
    private static final Pattern KEY_LINE = Pattern.compile("^([ \\t]*)(-[ \\t]+)?([A-Za-z0-9_.<-]*)$");
    private static final Pattern VALUE_LINE = Pattern.compile("^([ \\t]*)(-[ \\t]+)?([A-Za-z0-9_.-]+):[ \\t]*(\\[(?:[^\\],]*,[ \\t]*)*)?([A-Za-z0-9_./:-]*)$");
    private static final Pattern ITEM_LINE = Pattern.compile("^([ \\t]*)-[ \\t]+([A-Za-z0-9_./:-]*)$");
    private static final Pattern A_KEY = Pattern.compile("^([ \\t]*)(-[ \\t]+)?([^\\s#:\"'{\\[-][^:#]*?):(?:[ \\t]|$)");
    private LabCompletions(JsonNode schema, Map<String, String> references,
            java.util.function.Function<String, Map<String, Set<String>>> names, boolean mounts) {
        this.schema = schema;
        this.references = Map.copyOf(references);
        this.names = names;
        this.mounts = mounts;
    }

    /**
     * Completions for another kind of YAML file (a tour's): its schema, the keys whose values
     * name something, and where those names come from.
     */
    public static LabCompletions of(JsonNode schema, Map<String, String> references,
            java.util.function.Function<String, Map<String, Set<String>>> names) {
        return new LabCompletions(schema, references, names, false);
    }

    /** What may be typed at {@code caret} in a lab file: empty candidates when nothing is known there. */
    public static Completion at(String text, int caret) {
        return LABS.complete(text, caret);
    }

    /** What may be typed at {@code caret} in {@code text}: empty candidates when nothing is known there. */
    public Completion complete(String text, int caret) {
        caret = Math.max(0, Math.min(caret, text.length()));
        int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
        String line = text.substring(lineStart, caret);
        List<String> above = List.of(text.substring(0, lineStart).split("\n", -1));
        Matcher value = VALUE_LINE.matcher(line);
        if (value.matches()) {
            String partial = value.group(5);
            List<String> path = path(above, column(value));
            return of(caret - partial.length(), caret, valuesOf(text, path, value.group(3)), partial);
        }
        Matcher item = ITEM_LINE.matcher(line);
        if (item.matches()) {
            List<String> path = path(above, item.group(1).length());
            String listKey = path.isEmpty() ? null : path.getLast();
            String partial = item.group(2);
            if (listKey != null && references.containsKey(listKey)) {
                return of(caret - partial.length(), caret, names.apply(text).getOrDefault(references.get(listKey), Set.of()), partial);
            }
            if (mounts && "volumes".equals(listKey) && path.size() > 1) {
                return of(caret - partial.length(), caret, volumeMounts(text), partial);
            }
        }
        Matcher key = KEY_LINE.matcher(line);
        if (key.matches()) {
            String partial = key.group(3);
            List<String> path = path(above, column(key));
            JsonNode node = schemaAt(path);
            List<String> keys = new ArrayList<>();
            node.path("properties").fieldNames().forEachRemaining(k -> keys.add(k + ": "));
            return of(caret - partial.length(), caret, keys, partial);
        }
        return Completion.NONE;
    }

    private static Completion of(int from, int to, java.util.Collection<String> all, String partial) {
        List<String> matching = all.stream().filter(c -> c.startsWith(partial) && !c.equals(partial)).toList();
        return matching.isEmpty() ? Completion.NONE : new Completion(from, to, matching);
    }

    /** The column where the line's key begins: after its indentation and its list dash. */
    private static int column(Matcher m) {
        return m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
    }

    /**
     * The keys above a place in the file, outermost first: [containers, healthcheck] inside a
     * container's healthcheck. {@code column} is where a key at that place begins.
     */
    static List<String> path(List<String> above, int column) {
        List<String> path = new ArrayList<>();
        int target = column;
        for (int i = above.size() - 1; i >= 0 && target > 0; i--) {
            Matcher k = A_KEY.matcher(above.get(i));
            if (!k.lookingAt()) continue; // a blank line, a comment, a list's plain item, a value's next line
            int keyColumn = column(k);
            boolean item = k.group(2) != null;
            if (keyColumn < target) {
                path.addFirst(k.group(3).strip());
                // a key opening an item ("- env:") belongs to that item, which belongs to the list above it
                target = item ? k.group(1).length() : keyColumn;
            } else if (item && keyColumn == target) {
                // the first key of the same item: the item belongs to the list key above its dash
                target = k.group(1).length();
            }
        }
        return path;
    }

    /** The schema's part for a path of keys: through objects' properties, arrays' items and maps of named things. */
    private JsonNode schemaAt(List<String> path) {
        JsonNode node = schema;
        for (String key : path) {
            JsonNode next = node.path("properties").path(key);
            if (next.isMissingNode() && node.path("additionalProperties").isObject()) next = node.path("additionalProperties");
            node = next;
            while (node.path("type").asText().equals("array") || node.has("items") && !node.has("properties")) node = node.path("items");
        }
        return node;
    }

    /** A container's volume mounts begin with a volume the file declares: "pgdata:". */
    private static List<String> volumeMounts(String text) {
        return declared(text).getOrDefault("volumes", Set.of()).stream().map(v -> v + ":").toList();
    }

    private List<String> valuesOf(String text, List<String> path, String key) {
        if (mounts && key.equals("volumes") && !path.isEmpty()) return volumeMounts(text);
        if (references.containsKey(key)) {
            Map<String, Set<String>> declared = names.apply(text);
            List<String> found = new ArrayList<>(declared.getOrDefault(references.get(key), Set.of()));
            if (key.equals("image")) found.addAll(declared.getOrDefault("images in use", Set.of()));
            return found.stream().distinct().toList();
        }
        JsonNode choices = schemaAt(path).path("properties").path(key).path("enum");
        List<String> values = new ArrayList<>();
        choices.forEach(c -> values.add(c.asText()));
        return values;
    }

    /** The names the file declares, by section (hosts, containers, networks, volumes, images), read line by line. */
    static Map<String, Set<String>> declared(String text) {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        String section = null;
        Pattern name = Pattern.compile("^[ \\t]*-[ \\t]+(?:\\{[ \\t]*)?name:[ \\t]*[\"']?([^\"',}\\s#]+)");
        Pattern image = Pattern.compile("^[ \\t]*(?:-[ \\t]+)?(?:\\{.*[ ,{])?image:[ \\t]*[\"']?([^\"',}\\s#]+)");
        for (String line : text.split("\n")) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && line.contains(":") && !line.startsWith("-")) {
                section = line.substring(0, line.indexOf(':')).strip();
            }
            Matcher n = name.matcher(line);
            if (n.find() && section != null) names.computeIfAbsent(section, s -> new LinkedHashSet<>()).add(n.group(1));
            Matcher i = image.matcher(line);
            if (i.find() && "containers".equals(section)) names.computeIfAbsent("images in use", s -> new LinkedHashSet<>()).add(i.group(1));
        }
        return names;
    }

    /** A schema shipped beside {@code near}. */
    public static JsonNode schema(Class<?> near, String name) {
        try (InputStream in = near.getResourceAsStream(name)) {
            if (in == null) throw new IOException("no " + name);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the schema " + name + " is missing from the application", e);
        }
    }
}
