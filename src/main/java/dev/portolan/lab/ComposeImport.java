package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.ShellWords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a docker-compose file into a lab file: services become containers (image,
 * command, environment, ports, volumes, networks, depends_on, healthcheck, restart,
 * deploy.replicas), top-level volumes and networks follow them, all on one host or
 * spread over several. What has no place in a lab is listed at the top of the lab file
 * as comments, one line each: nothing is dropped silently. The file is read as compose
 * reads it first ({@link ComposeReader}: variables, anchors, several files, extends, profiles).
 */
public final class ComposeImport {

    /** The lab file's text, what could not be carried over, and what reading the file is worth telling. */
    public record Result(String labYaml, List<String> notMapped, List<String> notes) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final Set<String> SERVICE_KEYS = Set.of("image", "command", "environment", "ports", "volumes",
            "networks", "depends_on", "healthcheck", "restart", "deploy", "container_name", "build", "user", "working_dir",
            "entrypoint", "labels", "init", "cap_add", "cap_drop", "tmpfs", "mem_limit", "cpus");

    private final List<String> notMapped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The images the lab builds from the services' build folders: name → folder. */
    private final Map<String, String> builds = new LinkedHashMap<>();
    private java.nio.file.Path folder;
    private String labName;
    /** The lab container of each service: its container_name when it has one. */
    private final Map<String, String> containerOf = new LinkedHashMap<>();

    private ComposeImport() {}

    /** One compose file's text, with no env file and no environment (its variables are listed as not set). */
    public static Result convert(String composeYaml, String labName, int hosts) {
        return convert(ComposeReader.readText(composeYaml, "compose.yaml", new ComposeReader.Options(null, Set.of(), Map.of())),
                labName, hosts);
    }

    /**
     * @param hosts how many simulated hosts to spread the services over (1 keeps them together,
     *              so they reach each other by name as in compose)
     */
    public static Result convert(ComposeReader.Read read, String labName, int hosts) {
        if (hosts < 1 || hosts > 10) throw new InvalidInputException("hosts: " + hosts + " is not between 1 and 10");
        JsonNode compose = read.compose();
        if (compose == null || !compose.path("services").isObject() || compose.path("services").isEmpty()) {
            throw new InvalidInputException("The compose file has no services: it needs services: with at least one service.");
        }
        ComposeImport importer = new ComposeImport();
        importer.notes.addAll(read.notes());
        importer.folder = read.folder();
        importer.labName = labName;
        return importer.lab(compose, labName, hosts);
    }

    private Result lab(JsonNode compose, String labName, int hostCount) {
        List<String> hostNames = new ArrayList<>();
        for (int i = 1; i <= hostCount; i++) hostNames.add("node" + i);
        for (Iterator<String> it = compose.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("services", "volumes", "networks", "version", "name").contains(key)) {
                notMapped.add(key + ": not mapped; a lab has no " + key + " (leave it to compose or set it up by hand)");
            }
        }
        // which host each service goes to: those that talk to each other together
        ComposePlacement.Placement placement = ComposePlacement.place(compose.path("services"), hostNames);
        Map<String, String> hostOf = placement.hostOf();
        compose.path("services").fields().forEachRemaining(e ->
                containerOf.put(e.getKey(), e.getValue().path("container_name").asText(e.getKey())));
        List<Map<String, Object>> containers = new ArrayList<>();
        Map<String, Set<String>> volumesByHost = new LinkedHashMap<>();
        Map<String, Set<String>> networksByHost = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e ->
                containers.add(container(e.getKey(), e.getValue(), hostOf, hostCount, volumesByHost, networksByHost)));
        compose.path("volumes").fields().forEachRemaining(e -> {
            if (e.getValue() != null && e.getValue().isObject() && !e.getValue().isEmpty()) {
                notMapped.add("volumes." + e.getKey() + ": its options (driver, external, ...) are not mapped; a plain local volume is made");
            }
        });
        Map<String, String> driverOf = new LinkedHashMap<>();
        compose.path("networks").fields().forEachRemaining(e -> {
            String driver = e.getValue().path("driver").asText("bridge");
            driverOf.put(e.getKey(), driver);
            e.getValue().fieldNames().forEachRemaining(k -> {
                if (!k.equals("driver")) notMapped.add("networks." + e.getKey() + "." + k + ": not mapped");
            });
        });

        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("name", labName);
        lab.put("description", "Imported from a compose file");
        lab.put("hosts", hostNames.stream().map(h -> Map.of("name", h, "provider", "simulated")).toList());
        if (!builds.isEmpty()) {
            lab.put("images", builds.entrySet().stream().map(b -> Map.of("name", b.getKey(), "build", b.getValue())).toList());
        }
        List<Map<String, Object>> volumes = new ArrayList<>();
        volumesByHost.forEach((host, names) -> names.forEach(v -> volumes.add(on(hostCount, host, Map.of("name", v)))));
        if (!volumes.isEmpty()) lab.put("volumes", volumes);
        List<Map<String, Object>> networks = new ArrayList<>();
        networksByHost.forEach((host, names) -> names.forEach(n -> {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("name", n);
            String driver = driverOf.getOrDefault(n, "bridge");
            if (!driver.equals("bridge")) {
                notMapped.add("networks." + n + ".driver: " + driver + " is not mapped; a bridge network is made");
            }
            networks.add(on(hostCount, host, network));
        }));
        if (!networks.isEmpty()) lab.put("networks", networks);
        lab.put("containers", containers);

        StringBuilder text = new StringBuilder("# Imported from a compose file by Portolan.\n");
        if (notMapped.isEmpty()) {
            text.append("# Everything in it was mapped.\n");
        } else {
            text.append("# Not mapped (").append(notMapped.size()).append("):\n");
            notMapped.forEach(n -> text.append("#   - ").append(n).append('\n'));
        }
        if (hostCount > 1) {
            text.append("# Placement: services that talk to each other stay on one host, as containers on different hosts"
                    + " cannot reach each other by name:\n");
            placement.reasons().forEach(r -> text.append("#   - ").append(r).append('\n'));
        }
        if (!notes.isEmpty()) {
            text.append("# Read:\n");
            notes.forEach(n -> text.append("#   - ").append(n).append('\n'));
        }
        try {
            text.append(YAML.writeValueAsString(lab));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the lab", e);
        }
        return new Result(text.toString(), List.copyOf(notMapped), List.copyOf(notes));
    }

    private static Map<String, Object> on(int hostCount, String host, Map<String, Object> item) {
        Map<String, Object> placed = new LinkedHashMap<>(item);
        if (hostCount > 1) placed.put("host", host);
        return placed;
    }

    private Map<String, Object> container(String name, JsonNode service, Map<String, String> hostOf, int hostCount,
            Map<String, Set<String>> volumesByHost, Map<String, Set<String>> networksByHost) {
        String at = "services." + name;
        String host = hostOf.get(name);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", containerOf.get(name));
        if (!containerOf.get(name).equals(name)) {
            notes.add(at + ".container_name: the container is " + containerOf.get(name) + "; depends_on on " + name
                    + " points at it, and names in other services' settings (" + name + ":PORT) must say "
                    + containerOf.get(name) + " (a lab has no network aliases yet)");
        }
        if (hostCount > 1) c.put("host", host);
        service.fieldNames().forEachRemaining(key -> {
            if (!SERVICE_KEYS.contains(key)) {
                notMapped.add(at + "." + key + ": not mapped" + (key.equals("build")
                        ? " (build the image with Images, Build…, then name it under image:)" : ""));
            }
        });
        String built = service.has("build") ? build(at, name, service) : null;
        if (built != null) {
            c.put("image", built);
        } else if (service.hasNonNull("image")) {
            c.put("image", service.path("image").asText());
        } else {
            c.put("image", name);
            notMapped.add(at + ": has no image; its image is assumed to be called " + name);
        }
        JsonNode command = service.path("command");
        // a string is split into words as compose splits it, never wrapped in sh -c
        if (command.isTextual()) c.put("command", ShellWords.split(command.asText(), at + ".command"));
        else if (command.isArray()) c.put("command", strings(command));
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isObject()) environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        else if (environment.isArray()) {
            for (String pair : strings(environment)) {
                int eq = pair.indexOf('=');
                if (eq > 0) env.put(pair.substring(0, eq), pair.substring(eq + 1));
                else notMapped.add(at + ".environment." + pair + ": no value here (compose takes it from your shell); not mapped");
            }
        }
        if (!env.isEmpty()) c.put("env", env);
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                if (port.has("published")) ports.add(port.path("published").asText() + ":" + port.path("target").asText());
                else notMapped.add(at + ".ports: " + port + " publishes no host port; not mapped");
            } else if (port.asText().contains(":")) {
                ports.add(port.asText());
            } else {
                notMapped.add(at + ".ports." + port.asText() + ": publishes on a random host port; not mapped (give it HOST:CONTAINER)");
            }
        }
        int replicas = service.path("deploy").path("replicas").asInt(1);
        if (replicas > 1) {
            c.put("replicas", replicas);
            if (!ports.isEmpty()) {
                notMapped.add(at + ".ports: " + replicas + " replicas cannot share host ports " + ports + "; not mapped (put a load balancer in front)");
                ports.clear();
            }
        }
        service.path("deploy").fieldNames().forEachRemaining(k -> {
            if (!k.equals("replicas") && !k.equals("resources")) notMapped.add(at + ".deploy." + k + ": not mapped");
        });
        process(at, service, c);
        if (!ports.isEmpty()) c.put("ports", ports);
        List<String> volumes = new ArrayList<>();
        for (JsonNode volume : service.path("volumes")) {
            String text = volume.isObject() ? volume.path("source").asText() + ":" + volume.path("target").asText()
                    + (volume.path("read_only").asBoolean(false) ? ":ro" : "") : volume.asText();
            String source = text.split(":")[0];
            if (!text.contains(":") || source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
                notMapped.add(at + ".volumes." + text + ": a bind mount of this computer's files; not mapped (a simulated host"
                        + " cannot see them: copy the files into a volume)");
                continue;
            }
            volumesByHost.computeIfAbsent(host, h -> new LinkedHashSet<>()).add(source);
            volumes.add(text);
        }
        if (!volumes.isEmpty()) c.put("volumes", volumes);
        List<String> networks = service.path("networks").isObject() ? fieldNames(service.path("networks"))
                : strings(service.path("networks"));
        if (!networks.isEmpty()) {
            networks.forEach(n -> networksByHost.computeIfAbsent(host, h -> new LinkedHashSet<>()).add(n));
            c.put("networks", networks);
        }
        List<String> dependsOn = service.path("depends_on").isObject() ? fieldNames(service.path("depends_on"))
                : strings(service.path("depends_on"));
        List<String> dependsOnContainers = new ArrayList<>();
        for (String other : dependsOn) {
            if (containerOf.containsKey(other)) {
                dependsOnContainers.add(containerOf.get(other));
            } else {
                notMapped.add(at + ".depends_on." + other + ": there is no service " + other
                        + " (left out by its profile, or not in the file); not mapped");
            }
        }
        if (!dependsOnContainers.isEmpty()) c.put("depends_on", dependsOnContainers);
        service.path("depends_on").fields().forEachRemaining(e -> {
            String condition = e.getValue().path("condition").asText("service_started");
            if (!condition.equals("service_started")) {
                notMapped.add(at + ".depends_on." + e.getKey() + ".condition: " + condition + " is not mapped; " + e.getKey()
                        + " is made first, and apply waits for health checks once everything is made");
            }
        });
        if (service.hasNonNull("restart")) c.put("restart", service.path("restart").asText());
        JsonNode health = service.path("healthcheck");
        if (health.isObject()) {
            if (health.path("disable").asBoolean(false)) {
                c.put("healthcheck", Map.of("test", List.of("NONE")));
            } else {
                Map<String, Object> check = new LinkedHashMap<>();
                JsonNode test = health.path("test");
                check.put("test", test.isTextual() ? List.of("CMD-SHELL", test.asText()) : strings(test));
                for (String key : List.of("interval", "timeout")) if (health.hasNonNull(key)) check.put(key, health.path(key).asText());
                if (health.hasNonNull("retries")) check.put("retries", health.path("retries").asInt());
                health.fieldNames().forEachRemaining(k -> {
                    if (!Set.of("test", "interval", "timeout", "retries", "disable").contains(k)) {
                        notMapped.add(at + ".healthcheck." + k + ": not mapped");
                    }
                });
                c.put("healthcheck", check);
            }
        }
        return c;
    }

    /**
     * How the service's process runs: user, working_dir, entrypoint (a string split into
     * words), labels, init, capabilities, tmpfs, and memory and CPU limits (mem_limit and cpus,
     * or deploy.resources.limits); reservations have no place in a lab and are listed.
     */
    private void process(String at, JsonNode service, Map<String, Object> c) {
        for (String key : List.of("user", "working_dir")) if (service.hasNonNull(key)) c.put(key, service.path(key).asText());
        JsonNode entrypoint = service.path("entrypoint");
        if (entrypoint.isTextual()) c.put("entrypoint", ShellWords.split(entrypoint.asText(), at + ".entrypoint"));
        else if (entrypoint.isArray()) c.put("entrypoint", strings(entrypoint));
        JsonNode labels = service.path("labels");
        Map<String, String> labelMap = new LinkedHashMap<>();
        if (labels.isObject()) labels.fields().forEachRemaining(e -> labelMap.put(e.getKey(), e.getValue().asText()));
        else for (String pair : strings(labels)) {
            int eq = pair.indexOf('=');
            labelMap.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        if (!labelMap.isEmpty()) c.put("labels", labelMap);
        if (service.has("init")) c.put("init", service.path("init").asBoolean());
        for (String key : List.of("cap_add", "cap_drop")) if (service.has(key)) c.put(key, strings(service.path(key)));
        JsonNode tmpfs = service.path("tmpfs");
        if (tmpfs.isTextual()) c.put("tmpfs", List.of(tmpfs.asText()));
        else if (tmpfs.isArray()) c.put("tmpfs", strings(tmpfs));
        JsonNode limits = service.path("deploy").path("resources").path("limits");
        String memory = service.hasNonNull("mem_limit") ? service.path("mem_limit").asText()
                : limits.hasNonNull("memory") ? limits.path("memory").asText() : null;
        if (memory != null) c.put("memory", memory);
        JsonNode cpus = service.hasNonNull("cpus") ? service.path("cpus") : limits.path("cpus");
        if (!cpus.isMissingNode() && !cpus.isNull()) {
            try {
                c.put("cpus", Double.parseDouble(cpus.asText()));
            } catch (NumberFormatException e) {
                notMapped.add(at + ".cpus: " + cpus.asText() + " is not a number; not mapped");
            }
        }
        service.path("deploy").path("resources").fieldNames().forEachRemaining(k -> {
            if (!k.equals("limits")) notMapped.add(at + ".deploy.resources." + k + ": not mapped (a lab sets limits, not reservations)");
        });
        limits.fieldNames().forEachRemaining(k -> {
            if (!k.equals("memory") && !k.equals("cpus")) notMapped.add(at + ".deploy.resources.limits." + k + ": not mapped");
        });
    }

    /**
     * A service's build as an image the lab builds here (named as compose names it: its
     * image:, else PROJECT-SERVICE), when its folder and Dockerfile are on this computer;
     * null otherwise, with the reason. A lab builds a folder's own Dockerfile, without
     * args or a target: those are listed.
     */
    private String build(String at, String service, JsonNode spec) {
        JsonNode build = spec.path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        String dockerfile = build.path("dockerfile").asText("Dockerfile");
        java.nio.file.Path dir = folder == null ? java.nio.file.Path.of(context) : folder.resolve(context);
        dir = dir.toAbsolutePath().normalize();
        for (String key : List.of("args", "target", "cache_from", "ssh", "secrets", "network", "platforms")) {
            if (build.has(key)) notMapped.add(at + ".build." + key + ": not mapped (a lab builds the folder's Dockerfile as it is)");
        }
        if (!dockerfile.equals("Dockerfile")) {
            notMapped.add(at + ".build.dockerfile: " + dockerfile + " is not mapped (a lab builds the folder's own Dockerfile);"
                    + " the service's image is expected instead");
            return null;
        }
        if (!java.nio.file.Files.isRegularFile(dir.resolve("Dockerfile"))) {
            notMapped.add(at + ".build: " + dir + " has no Dockerfile on this computer; not mapped (build the image, then"
                    + " name it under image:)");
            return null;
        }
        String image = spec.hasNonNull("image") ? spec.path("image").asText() : labName + "-" + service;
        builds.put(image, dir.toString());
        return image;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> list = new ArrayList<>();
        object.fieldNames().forEachRemaining(list::add);
        return list;
    }

    /** A lab name from a file or folder name: lower case, letters, digits and '-'. */
    public static String labName(String from) {
        String name = from.toLowerCase(Locale.ROOT).replaceAll("\\.ya?ml$", "").replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) name = "compose";
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
