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

    /**
     * The merged compose model, what is worth telling (variables not set, services left out by
     * profile), and the folder of the first file (null for text read alone): build contexts are relative to it.
     */
    public record Read(JsonNode compose, List<String> notes, Path folder) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    /** On a service of a file Portolan exported: the lab host it ran on. */
    public static final String HOST_EXTENSION = "x-portolan-host";

    private final Options options;
    private final ComposeVariables variables = new ComposeVariables();
    private final List<String> notes = new ArrayList<>();

    private ComposeReader(Options options) {
        this.options = options;
    }

    /** Reads and merges {@code files} in order. */
    public static Read read(List<Path> files, Options options) {
        if (files.isEmpty()) throw new InvalidInputException("Give at least one compose file.");
        ComposeReader reader = new ComposeReader(options);
        reader.variables.load(options.envFile(), files.getFirst().toAbsolutePath().getParent().resolve(".env"),
                options.environment());
        ObjectNode merged = null;
        for (Path file : files) {
            ObjectNode one = reader.load(file, reader.text(file));
            merged = merged == null ? one : (ObjectNode) ComposeMerge.merge(merged, one, "");
        }
        return reader.finish(merged, files.getFirst(), files.getFirst().toAbsolutePath().getParent());
    }

    /** Reads one compose file's text ({@code name} says where in messages); .env only as the options name it. */
    public static Read readText(String text, String name, Options options) {
        ComposeReader reader = new ComposeReader(options);
        reader.variables.load(options.envFile(), null, options.environment());
        Path file = Path.of(name);
        return reader.finish(reader.load(file, text), file, null);
    }

    private Read finish(ObjectNode merged, Path file, Path folder) {
        resolveExtends(merged, file);
        applyProfiles(merged);
        for (String name : variables.unset()) {
            notes.add("the variable " + name + " is not set (in the environment or the env file): an empty string is used");
        }
        return new Read(merged, List.copyOf(notes), folder);
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
            // a key twice is refused where it is, as compose refuses it ("mapping key already defined")
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            parsed = new Yaml(new SafeConstructor(options)).load(text);
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
        JsonNode tree;
        try {
            tree = JSON.valueToTree(parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": a key has no name (an empty key, ~ or null): give every setting and service a name.");
        }
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
                // Portolan's own (the host a service was exported from) is kept: importing an export gives the same lab
                if (dropExtensions && e.getKey().startsWith("x-") && !e.getKey().equals(HOST_EXTENSION)) return;
                out.set(e.getKey(), clean(e.getValue(), text, file, true));
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(clean(n, text, file, true)));
            return out;
        }
        if (node.isTextual()) return JsonNodeFactory.instance.textNode(variables.interpolate(node.asText(), text, file));
        return node;
    }

    // ---- merging, extends, profiles

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
        JsonNode result = ComposeMerge.merge(baseCopy, own, "");
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
