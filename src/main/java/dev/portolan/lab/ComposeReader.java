package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portolan.engine.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads compose files as `docker compose` does before it runs anything: YAML anchors,
 * aliases and merge keys resolved; {@code x-} fields dropped; variables ({@code $VAR},
 * {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?message}},
 * {@code ${VAR:+other}}, {@code $$}) from the environment, then {@code .env} beside the first
 * file or {@code --env-file}; several files merged in order as {@code -f a -f b} merges them;
 * {@code extends} (in the file, or from another); services whose {@code profiles} are not
 * chosen left out. What it cannot read says file:line:column.
 */
public final class ComposeReader {

    /** What the command line or the window chose: an env file instead of .env, the profiles, the environment. */
    public record Options(Path envFile, Set<String> profiles, Map<String, String> environment) {
        public Options {
            profiles = profiles == null ? Set.of() : Set.copyOf(profiles);
            environment = environment == null ? Map.of() : Map.copyOf(environment);
        }

        /** No profiles, this process's environment, the .env beside the file. */
        public static Options defaults() {
            return new Options(null, Set.of(), System.getenv());
        }
    }

    /** The merged compose model, and what is worth telling (variables not set, services left out by profile). */
    public record Read(JsonNode compose, List<String> notes) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys whose lists one file replaces in another, as compose merges them; other lists are joined. */
    private static final Set<String> REPLACED_LISTS = Set.of("command", "entrypoint", "test", "dns", "dns_search", "profiles");

    private final Options options;
    private final Map<String, String> variables = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> unset = new LinkedHashSet<>();

    private ComposeReader(Options options) {
        this.options = options;
    }

    /** Reads and merges {@code files} in order. */
    public static Read read(List<Path> files, Options options) {
        if (files.isEmpty()) throw new InvalidInputException("Give at least one compose file.");
        ComposeReader reader = new ComposeReader(options);
        reader.loadVariables(files.getFirst().toAbsolutePath().getParent().resolve(".env"));
        ObjectNode merged = null;
        for (Path file : files) {
            ObjectNode one = reader.load(file, reader.text(file));
            merged = merged == null ? one : (ObjectNode) merge(merged, one, "");
        }
        return reader.finish(merged, files.getFirst());
    }

    /** Reads one compose file's text ({@code name} says where in messages); .env only as the options name it. */
    public static Read readText(String text, String name, Options options) {
        ComposeReader reader = new ComposeReader(options);
        reader.loadVariables(null);
        Path file = Path.of(name);
        return reader.finish(reader.load(file, text), file);
    }

    private Read finish(ObjectNode merged, Path file) {
        resolveExtends(merged, file);
        applyProfiles(merged);
        for (String name : unset) {
            notes.add("the variable " + name + " is not set (in the environment or the env file): an empty string is used");
        }
        return new Read(merged, List.copyOf(notes));
    }

    // ---- variables

    /** The env file (the options', else {@code beside} when it exists), then the environment over it. */
    private void loadVariables(Path beside) {
        Path envFile = options.envFile();
        if (envFile == null) {
            if (beside != null && Files.isRegularFile(beside)) envFile = beside;
        } else if (!Files.isRegularFile(envFile)) {
            throw new InvalidInputException("The env file " + envFile + " does not exist.");
        }
        if (envFile != null) {
            try {
                int n = 0;
                for (String line : Files.readAllLines(envFile)) {
                    n++;
                    String text = line.strip();
                    if (text.isEmpty() || text.startsWith("#")) continue;
                    if (text.startsWith("export ")) text = text.substring(7).strip();
                    int eq = text.indexOf('=');
                    if (eq <= 0) throw new InvalidInputException(envFile + ":" + n + ":1: expected NAME=VALUE, found '" + line + "'");
                    variables.put(text.substring(0, eq).strip(), unquote(text.substring(eq + 1).strip()));
                }
            } catch (IOException e) {
                throw new InvalidInputException("Cannot read the env file " + envFile + ": " + e.getMessage());
            }
        }
        variables.putAll(options.environment()); // the environment wins over the file, as in compose
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }

    /** A value with its variables put in; {@code text} and {@code file} only to say where a missing one is. */
    String interpolate(String value, String text, Path file) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '$' || i + 1 >= value.length()) {
                out.append(c);
                continue;
            }
            char next = value.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i++;
            } else if (next == '{') {
                int end = closingBrace(value, i + 2);
                if (end < 0) throw located(file, text, value.substring(i), "'" + value.substring(i) + "' has no closing }");
                out.append(expression(value.substring(i + 2, end), text, file));
                i = end;
            } else if (Character.isLetter(next) || next == '_') {
                int j = i + 1;
                while (j < value.length() && (Character.isLetterOrDigit(value.charAt(j)) || value.charAt(j) == '_')) j++;
                out.append(lookup(value.substring(i + 1, j)));
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int closingBrace(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.charAt(i) == '{') depth++;
            else if (value.charAt(i) == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /** NAME, NAME:-default, NAME-default, NAME:?message, NAME?message, NAME:+other, NAME+other. */
    private String expression(String inside, String text, Path file) {
        int j = 0;
        while (j < inside.length() && (Character.isLetterOrDigit(inside.charAt(j)) || inside.charAt(j) == '_')) j++;
        String name = inside.substring(0, j);
        String rest = inside.substring(j);
        String value = variables.get(name);
        boolean colon = rest.startsWith(":");
        String op = rest.isEmpty() ? "" : rest.substring(colon ? 1 : 0, Math.min(rest.length(), colon ? 2 : 1));
        String word = rest.isEmpty() ? "" : rest.substring(colon ? 2 : 1);
        boolean missing = value == null || (colon && value.isEmpty());
        return switch (op) {
            case "" -> lookup(name);
            case "-" -> missing ? interpolate(word, text, file) : value;
            case "+" -> missing ? "" : interpolate(word, text, file);
            case "?" -> {
                if (missing) throw located(file, text, "${" + inside, "the variable " + name + " is required"
                        + (word.isBlank() ? "" : ": " + word) + " (set it in the environment or the env file)");
                yield value;
            }
            default -> throw located(file, text, "${" + inside, "'${" + inside + "}' is not a variable compose understands");
        };
    }

    private String lookup(String name) {
        String value = variables.get(name);
        if (value == null) {
            unset.add(name);
            return "";
        }
        return value;
    }

    /** file:line:column of the first place {@code what} is written in the file's text. */
    private static InvalidInputException located(Path file, String text, String what, String message) {
        int at = text.indexOf(what);
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.max(0, at); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new InvalidInputException(file + ":" + line + ":" + column + ": " + message);
    }

    // ---- files

    private String text(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist.");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** One file: parsed with anchors and merge keys, x- fields dropped, variables put in. */
    private ObjectNode load(Path file, String text) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new InvalidInputException(file + ":" + (mark == null ? 1 : mark.getLine() + 1) + ":"
                    + (mark == null ? 1 : mark.getColumn() + 1) + ": not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + ":1:1: not valid YAML: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new InvalidInputException(file + ":1:1: this is not a compose file: it needs services: with at least one service.");
        }
        JsonNode tree = JSON.valueToTree(parsed);
        ObjectNode compose = (ObjectNode) clean(tree, text, file, true);
        if (!compose.path("services").isObject()) {
            boolean versionOne = compose.size() > 0 && iterable(compose.fields()).stream()
                    .allMatch(e -> e.getValue().isObject() && (e.getValue().has("image") || e.getValue().has("build")));
            throw new InvalidInputException(file + ":1:1: " + (versionOne
                    ? "a version 1 compose file (its services at the top level): put them under services:, as compose"
                            + " files have since version 2"
                    : "this is not a compose file: it needs services: with at least one service."));
        }
        return compose;
    }

    /** Drops x- fields, puts variables into strings (values, not keys), and keeps numbers and booleans as they are. */
    private JsonNode clean(JsonNode node, String text, Path file, boolean dropExtensions) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> {
                if (dropExtensions && e.getKey().startsWith("x-")) return;
                out.set(e.getKey(), clean(e.getValue(), text, file, true));
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(clean(n, text, file, true)));
            return out;
        }
        if (node.isTextual()) return JsonNodeFactory.instance.textNode(interpolate(node.asText(), text, file));
        return node;
    }

    // ---- merging, extends, profiles

    /** {@code over} laid on {@code base} as compose merges files: maps deeply, lists joined or replaced. */
    static JsonNode merge(JsonNode base, JsonNode over, String key) {
        if (base == null || base.isNull()) return over;
        if (over == null || over.isNull()) return base;
        if (key.equals("environment") || key.equals("labels")) return mergeMaps(asMap(base), asMap(over));
        if (base.isObject() && over.isObject()) {
            ObjectNode out = ((ObjectNode) base).deepCopy();
            over.fields().forEachRemaining(e -> out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue(), e.getKey())));
            return out;
        }
        if (base.isArray() && over.isArray() && !REPLACED_LISTS.contains(key)) {
            ArrayNode out = ((ArrayNode) base).deepCopy();
            over.forEach(item -> {
                boolean seen = false;
                for (JsonNode existing : out) seen |= existing.equals(item);
                if (!seen) out.add(item);
            });
            return out;
        }
        return over;
    }

    /** environment and labels as NAME: value, from either form (a list of NAME=value, or a map). */
    private static ObjectNode asMap(JsonNode node) {
        if (node.isObject()) return (ObjectNode) node;
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        node.forEach(item -> {
            String pair = item.asText();
            int eq = pair.indexOf('=');
            if (eq < 0) map.putNull(pair);
            else map.put(pair.substring(0, eq), pair.substring(eq + 1));
        });
        return map;
    }

    private static ObjectNode mergeMaps(ObjectNode base, ObjectNode over) {
        ObjectNode out = base.deepCopy();
        over.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        return out;
    }

    /** Each service's extends: its base (from this file, or another) under it, the service winning. */
    private void resolveExtends(ObjectNode compose, Path file) {
        ObjectNode services = (ObjectNode) compose.path("services");
        Map<String, JsonNode> done = new LinkedHashMap<>();
        for (String name : iterable(services.fieldNames())) services.set(name, extended(services, name, file, new LinkedHashSet<>(), done));
    }

    private JsonNode extended(ObjectNode services, String name, Path file, Set<String> chain, Map<String, JsonNode> done) {
        String key = file + "#" + name;
        if (done.containsKey(key)) return done.get(key);
        if (!chain.add(key)) throw new InvalidInputException(file + ": services." + name + ".extends: a loop (" + String.join(" → ", chain) + ")");
        JsonNode service = services.get(name);
        if (service == null) throw new InvalidInputException(file + ": extends names a service " + name + " that the file does not have");
        JsonNode extendsNode = service.path("extends");
        if (extendsNode.isMissingNode()) {
            done.put(key, service);
            return service;
        }
        String baseName = extendsNode.isTextual() ? extendsNode.asText() : extendsNode.path("service").asText();
        JsonNode base;
        if (extendsNode.hasNonNull("file")) {
            Path other = file.toAbsolutePath().getParent().resolve(extendsNode.path("file").asText());
            ObjectNode otherCompose = load(other, text(other));
            base = extended((ObjectNode) otherCompose.path("services"), baseName, other, chain, done);
        } else {
            base = extended(services, baseName, file, chain, done);
        }
        ObjectNode own = ((ObjectNode) service).deepCopy();
        own.remove("extends");
        ObjectNode baseCopy = ((ObjectNode) base).deepCopy();
        baseCopy.remove(List.of("depends_on", "volumes_from", "links")); // compose does not inherit these
        JsonNode result = merge(baseCopy, own, "");
        done.put(key, result);
        chain.remove(key);
        return result;
    }

    /** Services with profiles none of which is chosen are left out, as compose leaves them out. */
    private void applyProfiles(ObjectNode compose) {
        ObjectNode services = (ObjectNode) compose.path("services");
        for (String name : iterable(services.fieldNames())) {
            JsonNode profiles = services.get(name).path("profiles");
            if (!profiles.isArray() || profiles.isEmpty()) continue;
            boolean chosen = false;
            for (JsonNode p : profiles) chosen |= options.profiles().contains(p.asText());
            if (!chosen) {
                services.remove(name);
                notes.add("services." + name + ": left out, as its profiles " + profiles + " are not chosen (--profile NAME)");
            } else {
                ((ObjectNode) services.get(name)).remove("profiles");
            }
        }
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
