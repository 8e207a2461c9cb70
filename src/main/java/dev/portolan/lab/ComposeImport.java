package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.ShellWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a docker-compose project into a lab file: services become containers, with their
 * image or build, command, environment, ports, replicas, networks (on the project's default
 * network when they name none, as compose puts them), aliases, fixed addresses, depends_on
 * and its conditions ({@link ComposeLinks}), health check, restart policy, process settings
 * and environment ({@link ComposeProcess}) and mounts ({@link ComposeMounts}: volumes, and
 * files, secrets and configs copied to the host).
 * Top-level volumes and networks follow them, all on one host or spread over several
 * ({@link ComposePlacement}). What has no place in a lab is listed at the top of the lab file
 * as comments with the reason: nothing is dropped silently. The project is read as compose
 * reads it first ({@link ComposeReader}: variables, anchors, several files, extends, profiles).
 */
public final class ComposeImport {

    /** The lab file's text, what could not be carried over, and what reading the file is worth telling. */
    public record Result(String labYaml, List<String> notMapped, List<String> notes) {

        /** "Everything was mapped.", or how many things were not, and where they are listed. */
        public String mappedSentence() {
            int n = notMapped.size();
            if (n == 0) return "Everything was mapped.";
            return n == 1 ? "1 thing was not mapped; the lab file lists it at its top."
                    : n + " things were not mapped; the lab file lists them at its top.";
        }
    }

    /** The service keys mapped here or by the process and mounts mappings. */
    private static final Set<String> SERVICE_KEYS = Set.of("image", "command", "environment", "env_file", "ports", "volumes",
            "networks", "depends_on", "links", "healthcheck", "restart", "deploy", "scale", "container_name", "build", "user",
            "working_dir", "entrypoint", "labels", "init", "cap_add", "cap_drop", "tmpfs", "mem_limit", "cpus", "ulimits",
            "logging", "expose", "secrets", "configs", "devices", "privileged", "network_mode", "pid", "ipc", "volumes_from",
            ComposeReader.HOST_EXTENSION);
    /** Why a service key a lab has no place for is left out, for the keys real projects use most. */
    private static final Map<String, String> WHY_NOT = Map.of(
            "hostname", "the name a container calls itself is not mapped; others reach it by its container name",
            "extra_hosts", "a lab container resolves names with its engine's DNS; extra entries are not mapped",
            "dns", "a lab container resolves names with its engine's DNS; other servers are not mapped",
            "stop_grace_period", "a lab stops containers as the engine does (SIGTERM, then SIGKILL after 10 s)",
            "stop_signal", "a lab stops containers as the engine does (SIGTERM, then SIGKILL after 10 s)",
            "tty", "a lab container runs without a terminal",
            "stdin_open", "a lab container runs without a terminal",
            "platform", "a lab runs the image made for its host's platform",
            "read_only", "a read-only root file system is not mapped; the container can write to its own layer",
            "pull_policy", "a lab copies images from this computer; it does not pull");
    private static final Set<String> TOP_KEYS = Set.of("services", "volumes", "networks", "version", "name", "secrets", "configs");

    private final ComposeContext context;
    private final ComposeMounts mounts;
    private final ComposeProcess process;
    private final ComposeBuild build;
    private final ComposeLinks links;
    /** The project's default network, where compose puts the services that name none: LAB_default, as compose names it. */
    private final String defaultNetwork;

    private ComposeImport(ComposeContext context) {
        this.context = context;
        this.mounts = new ComposeMounts(context);
        this.process = new ComposeProcess(context);
        this.build = new ComposeBuild(context);
        this.defaultNetwork = context.labName + "_default";
        this.links = new ComposeLinks(context, defaultNetwork);
    }

    /** One compose file's text, with no env file and no environment (its variables are listed as not set). */
    public static Result convert(String composeYaml, String labName, int hosts) {
        return convert(ComposeReader.readText(composeYaml, "compose.yaml", new ComposeReader.Options(null, Set.of(), Map.of())),
                labName, hosts);
    }

    /**
     * @param hosts how many simulated hosts to spread the services over (1 keeps them together,
     *              so they reach each other by name as in compose); a file Portolan exported keeps its own hosts
     */
    public static Result convert(ComposeReader.Read read, String labName, int hosts) {
        if (hosts < 1 || hosts > 10) throw new InvalidInputException("hosts: " + hosts + " is not between 1 and 10");
        JsonNode compose = read.compose();
        if (compose == null || !compose.path("services").isObject() || compose.path("services").isEmpty()) {
            throw new InvalidInputException("The compose file has no services: it needs services: with at least one service.");
        }
        ComposeImport importer = new ComposeImport(new ComposeContext(compose, labName, read.folder()));
        importer.context.notes.addAll(read.notes());
        return importer.lab(hosts);
    }

    /**
     * The lab's name: the project's {@code name:} when it makes a lab name, else one made from
     * {@code fallback} (the folder or file name), as compose names a project.
     */
    public static String labName(ComposeReader.Read read, String fallback) {
        String named = read.compose() == null ? null : read.compose().path("name").asText(null);
        return named != null && named.matches("[a-z0-9][a-z0-9-]{0,30}") ? named : labName(fallback);
    }

    /**
     * Where each service goes when the project is spread over {@code hosts} hosts: each host
     * ("node1", ...) with its services in the file's order, an empty list for a host left with
     * none. A file Portolan exported keeps its own hosts, whatever {@code hosts} says.
     */
    public static Map<String, List<String>> spread(ComposeReader.Read read, int hosts) {
        JsonNode services = read.compose() == null ? null : read.compose().path("services");
        if (services == null || !services.isObject()) return Map.of();
        ComposePlacement.Placement placement = placement(services, hosts);
        Map<String, List<String>> spread = new LinkedHashMap<>();
        placement.hosts().forEach(h -> spread.put(h, new ArrayList<>()));
        placement.hostOf().forEach((service, host) -> spread.computeIfAbsent(host, h -> new ArrayList<>()).add(service));
        return spread;
    }

    /** The file's own hosts when Portolan exported it, else the services spread over node1..nodeN. */
    private static ComposePlacement.Placement placement(JsonNode services, int hostCount) {
        ComposePlacement.Placement placement = exportedPlacement(services);
        if (placement != null) return placement;
        List<String> hostNames = new ArrayList<>();
        for (int i = 1; i <= hostCount; i++) hostNames.add("node" + i);
        return ComposePlacement.place(services, hostNames);
    }

    private Result lab(int hostCount) {
        JsonNode compose = context.compose;
        JsonNode services = compose.path("services");
        compose.fieldNames().forEachRemaining(key -> {
            if (!TOP_KEYS.contains(key)) context.notMapped(key, "not mapped; a lab has no " + key + " (leave it to compose or set it up by hand)");
        });
        ComposePlacement.Placement placement = placement(services, hostCount);
        List<String> hostNames = placement.hosts();
        boolean several = hostNames.size() > 1;
        services.fields().forEachRemaining(e -> context.containerOf.put(e.getKey(), e.getValue().path("container_name").asText(e.getKey())));
        List<Map<String, Object>> containers = new ArrayList<>();
        Map<String, String> hostOf = placement.hostOf();
        services.fields().forEachRemaining(e -> containers.add(container(e.getKey(), e.getValue(), hostOf.get(e.getKey()), several)));

        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("name", context.labName);
        lab.put("description", "Imported from a compose file");
        lab.put("hosts", hostNames.stream().map(h -> Map.of("name", h, "provider", "simulated")).toList());
        if (!context.builds.isEmpty()) lab.put("images", List.copyOf(context.builds.values()));
        List<Map<String, Object>> volumes = new ArrayList<>();
        context.volumesByHost.forEach((host, names) -> names.forEach(v -> volumes.add(on(several, host, Map.of("name", v)))));
        topLevelVolumes(compose.path("volumes"));
        unused(services);
        if (!volumes.isEmpty()) lab.put("volumes", volumes);
        List<Map<String, Object>> networks = new ArrayList<>();
        Map<String, String> subnets = topLevelNetworks(compose.path("networks"));
        context.networksByHost.forEach((host, names) -> names.forEach(n -> {
            Map<String, Object> network = new LinkedHashMap<>();
            network.put("name", n);
            if (subnets.containsKey(n)) network.put("subnet", subnets.get(n));
            networks.add(on(several, host, network));
        }));
        if (!networks.isEmpty()) lab.put("networks", networks);
        lab.put("containers", containers);
        refuseWhatALabCannotHold(lab, services);
        return new Result(text(lab, several, placement), List.copyOf(context.notMapped), List.copyOf(context.notes));
    }

    /**
     * What compose itself would refuse (a restart policy it does not have, a name with a
     * bracket, services that depend on each other in a circle, ...) makes no lab: the import
     * is refused with each problem named by its place in the compose file, and nothing is written.
     */
    private void refuseWhatALabCannotHold(Map<String, Object> lab, JsonNode services) {
        List<LabValidator.Finding> findings;
        try {
            findings = LabValidator.check(LabFile.fromTree(lab));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The compose file has a value a lab cannot take: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (findings.isEmpty()) return;
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        List<String> problems = new ArrayList<>();
        for (LabValidator.Finding f : findings) {
            String[] parts = f.pointer().split("/");
            String at = parts.length > 2 && parts[1].equals("containers") ? "services." + names.get(Integer.parseInt(parts[2]))
                    + (parts.length > 3 ? "." + String.join(".", java.util.Arrays.copyOfRange(parts, 3, parts.length)) : "")
                    : f.pointer().replaceFirst("^/", "").replace('/', '.');
            problems.add(at + ": " + f.message());
        }
        throw new InvalidInputException("The compose file cannot be a lab as it is (compose would refuse it too):\n  "
                + String.join("\n  ", problems.stream().distinct().toList()));
    }

    /** A file Portolan exported names each service's host: the same lab comes back. Null for any other file. */
    private static ComposePlacement.Placement exportedPlacement(JsonNode services) {
        Map<String, String> hostOf = new LinkedHashMap<>();
        services.fields().forEachRemaining(e -> {
            String host = e.getValue().path(ComposeReader.HOST_EXTENSION).asText(null);
            if (host != null && host.matches("[a-z0-9][a-z0-9-]{0,30}")) hostOf.put(e.getKey(), host);
        });
        if (hostOf.size() != services.size()) return null;
        List<String> reasons = hostOf.values().stream().distinct()
                .map(h -> h + ": as the file was exported (" + String.join(", ", hostOf.entrySet().stream()
                        .filter(e -> e.getValue().equals(h)).map(Map.Entry::getKey).toList()) + ")").toList();
        return new ComposePlacement.Placement(hostOf, reasons);
    }

    private String text(Map<String, Object> lab, boolean several, ComposePlacement.Placement placement) {
        StringBuilder text = new StringBuilder("# Imported from a compose file by Portolan.\n");
        if (context.notMapped.isEmpty()) {
            text.append("# Everything in it was mapped.\n");
        } else {
            text.append("# Not mapped (").append(context.notMapped.size()).append("):\n");
            context.notMapped.forEach(n -> text.append("#   - ").append(oneLine(n)).append('\n'));
        }
        if (several) {
            text.append("# Placement: services that talk to each other stay on one host, as containers on different hosts"
                    + " cannot reach each other by name:\n");
            placement.reasons().forEach(r -> text.append("#   - ").append(oneLine(r)).append('\n'));
        }
        if (!context.notes.isEmpty()) {
            text.append("# Read:\n");
            context.notes.forEach(n -> text.append("#   - ").append(oneLine(n)).append('\n'));
        }
        return text.append(YamlText.write(lab)).toString();
    }

    /** A secret or config no service uses would be dropped without a word: said. */
    private void unused(JsonNode services) {
        for (String kind : List.of("secrets", "configs")) {
            context.compose.path(kind).fieldNames().forEachRemaining(name -> {
                boolean used = false;
                for (JsonNode service : services) {
                    for (JsonNode use : service.path(kind)) used |= name.equals(use.isObject() ? use.path("source").asText() : use.asText());
                }
                if (!used) context.notMapped(kind + "." + name, "declared but used by no service; not mapped");
            });
        }
    }

    /** A comment is one line: what a file's value brings (a name with a line break in it) stays inside it. */
    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "\\n");
    }

    private void topLevelVolumes(JsonNode volumes) {
        volumes.fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(k -> context.notMapped("volumes."
                + e.getKey() + "." + k, k.equals("external") ? "the volume is made by hand for compose; the lab makes its own, empty"
                        : "not mapped; a plain local volume is made")));
    }

    /** The subnet of each declared network (its first ipam config); the rest of its options listed. */
    private Map<String, String> topLevelNetworks(JsonNode networks) {
        Map<String, String> subnets = new LinkedHashMap<>();
        networks.fields().forEachRemaining(e -> {
            String name = e.getKey().equals("default") ? defaultNetwork : e.getKey();
            String subnet = e.getValue().path("ipam").path("config").path(0).path("subnet").asText(null);
            if (subnet != null) subnets.put(name, subnet);
            e.getValue().fields().forEachRemaining(option -> {
                String at = "networks." + e.getKey() + "." + option.getKey();
                switch (option.getKey()) {
                    case "driver" -> {
                        if (!option.getValue().asText().equals("bridge")) {
                            context.notMapped(at, option.getValue().asText() + " is not mapped; a bridge network is made");
                        }
                    }
                    case "ipam" -> {
                        if (subnet == null || option.getValue().path("config").size() > 1) context.notMapped(at, "only its first subnet is mapped");
                    }
                    case "external" -> context.notMapped(at, "the network is made by hand for compose; the lab makes its own");
                    default -> context.notMapped(at, "not mapped");
                }
            });
        });
        return subnets;
    }

    private static Map<String, Object> on(boolean several, String host, Map<String, Object> item) {
        Map<String, Object> placed = new LinkedHashMap<>(item);
        if (several) placed.put("host", host);
        return placed;
    }

    private Map<String, Object> container(String name, JsonNode service, String host, boolean several) {
        String at = "services." + name;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", context.containerOf.get(name));
        if (several) c.put("host", host);
        service.fieldNames().forEachRemaining(key -> {
            if (!SERVICE_KEYS.contains(key)) context.notMapped(at + "." + key, WHY_NOT.getOrDefault(key, "not mapped"));
        });
        String built = service.has("build") ? build.map(at, name, service) : null;
        if (built != null) {
            c.put("image", built);
        } else if (service.hasNonNull("image")) {
            c.put("image", service.path("image").asText());
        } else {
            c.put("image", name);
            context.notMapped(at, "has no image; its image is assumed to be called " + name);
        }
        JsonNode command = service.path("command");
        // a string is split into words as compose splits it, never wrapped in sh -c
        if (command.isTextual()) c.put("command", ShellWords.split(command.asText(), at + ".command"));
        else if (command.isArray()) c.put("command", ComposeContext.strings(command));
        Map<String, String> env = process.environment(at, service);
        if (!env.isEmpty()) c.put("env", env);
        int replicas = service.path("deploy").path("replicas").asInt(service.path("scale").asInt(1));
        List<String> ports = links.ports(at, service, replicas);
        if (replicas > 1) c.put("replicas", replicas);
        service.path("deploy").fieldNames().forEachRemaining(k -> {
            if (!k.equals("replicas") && !k.equals("resources")) context.notMapped(at + ".deploy." + k, "not mapped");
        });
        process.map(at, service, c);
        if (!ports.isEmpty()) c.put("ports", ports);
        mounts.map(at, name, service, host, c);
        links.networks(at, name, service, host, replicas, c);
        links.dependencies(at, service, c);
        if (service.hasNonNull("restart")) c.put("restart", service.path("restart").asText());
        JsonNode health = service.path("healthcheck");
        if (health.isObject()) c.put("healthcheck", healthcheck(at, health));
        return c;
    }


    private Map<String, Object> healthcheck(String at, JsonNode health) {
        if (health.path("disable").asBoolean(false)) return Map.of("test", List.of("NONE"));
        Map<String, Object> check = new LinkedHashMap<>();
        JsonNode test = health.path("test");
        check.put("test", test.isTextual() ? List.of("CMD-SHELL", test.asText()) : ComposeContext.strings(test));
        for (String key : List.of("interval", "timeout")) if (health.hasNonNull(key)) check.put(key, health.path(key).asText());
        if (health.hasNonNull("retries")) check.put("retries", health.path("retries").asInt());
        if (health.hasNonNull("start_period")) check.put("start_period", health.path("start_period").asText());
        health.fieldNames().forEachRemaining(k -> {
            if (!Set.of("test", "interval", "timeout", "retries", "disable", "start_period").contains(k)) {
                context.notMapped(at + ".healthcheck." + k, "not mapped");
            }
        });
        return check;
    }

    /** A lab name from a file or folder name: lower case, letters, digits and '-'. */
    public static String labName(String from) {
        String name = from.toLowerCase(Locale.ROOT).replaceAll("\\.ya?ml$", "").replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0))) name = "compose";
        return name.length() > 31 ? name.substring(0, 31) : name;
    }
}
