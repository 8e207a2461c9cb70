package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import gathers while it maps a compose file's services: what it could not map and
 * why, what is worth telling, the images to build, and the volumes and networks each host needs.
 */
final class ComposeContext {

    final JsonNode compose;
    final String labName;
    /** The first file's folder: relative paths (build contexts, bind mounts, secrets) are taken from it. */
    final Path folder;
    final List<String> notMapped = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** The images the lab builds from the services' build folders. */
    final Map<String, Map<String, Object>> builds = new LinkedHashMap<>();
    /** The lab container of each service: its container_name when it has one. */
    final Map<String, String> containerOf = new LinkedHashMap<>();
    final Map<String, Set<String>> volumesByHost = new LinkedHashMap<>();
    final Map<String, Set<String>> networksByHost = new LinkedHashMap<>();

    ComposeContext(JsonNode compose, String labName, Path folder) {
        this.compose = compose;
        this.labName = labName;
        this.folder = (folder == null ? Path.of("") : folder).toAbsolutePath().normalize();
    }

    void notMapped(String at, String why) {
        notMapped.add(at + ": " + why);
    }

    void volumeOn(String host, String volume) {
        volumesByHost.computeIfAbsent(host, h -> new LinkedHashSet<>()).add(volume);
    }

    void networkOn(String host, String network) {
        networksByHost.computeIfAbsent(host, h -> new LinkedHashSet<>()).add(network);
    }

    /** A path of the compose file as this computer has it: relative to the file's folder, ~ for home. */
    Path local(String path) {
        if (path.equals("~") || path.startsWith("~/")) return Path.of(System.getProperty("user.home"), path.substring(1).replaceFirst("^/", ""));
        return folder.resolve(path).normalize();
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array.isTextual()) list.add(array.asText());
        else array.forEach(n -> list.add(n.asText()));
        return list;
    }

    /** A list of names, or the keys of a map of them (compose allows both for networks, depends_on, ...). */
    static List<String> listOrKeys(JsonNode node) {
        if (!node.isObject()) return strings(node);
        List<String> list = new ArrayList<>();
        node.fieldNames().forEachRemaining(list::add);
        return list;
    }

    /** KEY=value items, or a map: compose allows both for environment, labels, args. */
    static Map<String, String> pairs(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node.isObject()) node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        else for (String pair : strings(node)) {
            int eq = pair.indexOf('=');
            map.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
        }
        return map;
    }
}
