package dev.portolan.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The other way from {@link ComposeImport}: a lab as compose files, one per host, for users
 * going back to compose ({@code docker compose -f LAB-HOST.compose.yaml up} on that host).
 * Each service keeps the lab host it ran on ({@code x-portolan-host}, which compose ignores),
 * so importing the files together gives the same lab. What compose has no place for (the
 * hosts themselves, the Swarm, the faults) is said in each file's comment.
 */
public final class ComposeExport {


    private ComposeExport() {}

    /** Host name → the compose file's text, in the lab's host order; hosts with nothing to run have none. */
    public static Map<String, String> export(LabSpec lab) {
        Map<String, String> files = new LinkedHashMap<>();
        for (LabSpec.Host host : lab.hosts()) {
            List<LabSpec.Container> containers = lab.containers().stream()
                    .filter(c -> host.name().equals(Labs.hostOf(lab, c.host()))).toList();
            if (containers.isEmpty()) continue;
            files.put(host.name(), comment(lab, host) + YamlText.write(file(lab, host.name(), containers)));
        }
        return files;
    }

    /** Writes the lab's compose files into {@code folder} (made when missing); returns them, in host order. */
    public static List<java.nio.file.Path> write(LabSpec lab, java.nio.file.Path folder) {
        List<java.nio.file.Path> written = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(folder);
            for (var file : export(lab).entrySet()) {
                java.nio.file.Path path = folder.resolve(fileName(lab, file.getKey()));
                java.nio.file.Files.writeString(path, file.getValue());
                written.add(path);
            }
        } catch (IOException e) {
            throw new dev.portolan.engine.InvalidInputException("Cannot write the compose files into " + folder + ": "
                    + e.getMessage() + ". Choose a folder you can write to.");
        }
        if (written.isEmpty()) {
            throw new dev.portolan.engine.InvalidInputException("The lab " + lab.name() + " has no containers: there is nothing for compose to run.");
        }
        return written;
    }

    /** The file name a host's compose file gets: LAB-HOST.compose.yaml. */
    public static String fileName(LabSpec lab, String host) {
        return lab.name() + "-" + host + ".compose.yaml";
    }

    private static String comment(LabSpec lab, LabSpec.Host host) {
        List<String> left = new ArrayList<>();
        if (host.provider() != LabSpec.Provider.SIMULATED) left.add("the host is " + host.provider().name().toLowerCase().replace('_', '-')
                + " in the lab; importing this file makes it a simulated host");
        if (!host.ports().isEmpty()) left.add("the host's own ports " + host.ports() + " (this computer to the host)");
        if (lab.swarm() != null) left.add("the Swarm and its services (compose runs on one engine)");
        if (!lab.faults().isEmpty()) left.add("the lab's faults " + lab.faults().keySet());
        if (lab.containers().stream().anyMatch(c -> c.env().values().stream().anyMatch(v -> v.contains("${replicas:")))) {
            left.add("${replicas:NAME} in environment values is the lab's; compose keeps it as written");
        }
        StringBuilder text = new StringBuilder("# The lab " + lab.name() + ", host " + host.name() + ", exported by Portolan.\n"
                + "# Run it on that host: docker compose -f " + fileName(lab, host.name()) + " up -d\n"
                + "# Import the files together for the same lab: portolan import " + lab.name() + "-*.compose.yaml\n");
        if (!left.isEmpty()) {
            text.append("# Not in compose:\n");
            left.forEach(l -> text.append("#   - ").append(l).append('\n'));
        }
        return text.toString();
    }

    private static Map<String, Object> file(LabSpec lab, String host, List<LabSpec.Container> containers) {
        Map<String, Object> compose = new LinkedHashMap<>();
        compose.put("name", lab.name());
        Map<String, Object> services = new LinkedHashMap<>();
        Map<String, Object> configs = new LinkedHashMap<>();
        for (LabSpec.Container c : containers) services.put(c.name(), service(lab, host, c, configs));
        compose.put("services", services);
        Map<String, Object> volumes = new LinkedHashMap<>();
        lab.volumes().stream().filter(v -> host.equals(Labs.hostOf(lab, v.host()))).forEach(v -> volumes.put(v.name(), Map.of()));
        if (!volumes.isEmpty()) compose.put("volumes", volumes);
        Map<String, Object> networks = new LinkedHashMap<>();
        Set<String> used = new java.util.HashSet<>();
        containers.forEach(c -> used.addAll(c.networks()));
        lab.networks().stream().filter(n -> used.contains(n.name()) && (n.host() == null || host.equals(n.host()))).forEach(n -> {
            Map<String, Object> network = new LinkedHashMap<>();
            if (n.driver() != null && !n.driver().equals("bridge")) network.put("driver", n.driver());
            if (n.subnet() != null) network.put("ipam", Map.of("config", List.of(Map.of("subnet", n.subnet()))));
            networks.put(n.name(), network);
        });
        if (!networks.isEmpty()) compose.put("networks", networks);
        if (!configs.isEmpty()) compose.put("configs", configs);
        return compose;
    }

    private static Map<String, Object> service(LabSpec lab, String host, LabSpec.Container c, Map<String, Object> configs) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("image", c.image());
        lab.images().stream().filter(i -> i.name().equals(c.image())).findFirst().ifPresent(i -> s.put("build", build(i)));
        if (!c.entrypoint().isEmpty()) s.put("entrypoint", escaped(c.entrypoint()));
        if (!c.command().isEmpty()) s.put("command", escaped(c.command()));
        if (!c.env().isEmpty()) {
            Map<String, String> env = new java.util.TreeMap<>();
            c.env().forEach((k, v) -> env.put(k, escape(v)));
            s.put("environment", env);
        }
        if (c.replicas() > 1) s.put("deploy", Map.of("replicas", c.replicas()));
        putIfSet(s, "ports", c.ports());
        putIfSet(s, "expose", c.expose());
        List<String> volumes = new ArrayList<>(c.volumes());
        List<Map<String, Object>> uses = new ArrayList<>();
        for (LabSpec.FileMount f : c.files()) {
            if (f.content() != null) {
                String name = c.name() + "-" + (configs.size() + 1);
                configs.put(name, Map.of("content", escape(f.content())));
                uses.add(Map.of("source", name, "target", f.target()));
            } else {
                volumes.add(f.source() + ":" + f.target() + (f.readOnlyMount() ? ":ro" : ""));
            }
        }
        putIfSet(s, "volumes", volumes);
        putIfSet(s, "volumes_from", c.volumesFrom());
        if (!uses.isEmpty()) s.put("configs", uses);
        networks(c, s);
        Map<String, Object> dependsOn = new LinkedHashMap<>();
        c.dependsOn().forEach(d -> dependsOn.put(d, Map.of("condition", "service_started")));
        c.waitFor().forEach((d, condition) -> dependsOn.put(d, Map.of("condition", switch (condition) {
            case "healthy" -> "service_healthy";
            case "completed" -> "service_completed_successfully";
            default -> "service_started";
        })));
        if (!dependsOn.isEmpty()) s.put("depends_on", dependsOn);
        if (c.restart() != null) s.put("restart", c.restart());
        if (c.healthcheck() != null) s.put("healthcheck", healthcheck(c.healthcheck()));
        if (c.user() != null) s.put("user", c.user());
        if (c.workingDir() != null) s.put("working_dir", c.workingDir());
        if (!c.labels().isEmpty()) s.put("labels", new java.util.TreeMap<>(c.labels()));
        if (c.init() != null) s.put("init", c.init());
        putIfSet(s, "cap_add", c.capAdd());
        putIfSet(s, "cap_drop", c.capDrop());
        putIfSet(s, "tmpfs", c.tmpfs());
        if (c.memory() != null) s.put("mem_limit", c.memory());
        if (c.cpus() != null) s.put("cpus", c.cpus());
        if (!c.ulimits().isEmpty()) {
            Map<String, Object> ulimits = new java.util.TreeMap<>();
            c.ulimits().forEach((k, v) -> {
                String[] parts = v.split(":");
                ulimits.put(k, parts.length == 2 ? Map.of("soft", Long.parseLong(parts[0]), "hard", Long.parseLong(parts[1])) : Long.parseLong(v));
            });
            s.put("ulimits", ulimits);
        }
        if (c.logging() != null) {
            Map<String, Object> logging = new LinkedHashMap<>();
            logging.put("driver", c.logging().driver());
            if (!c.logging().options().isEmpty()) logging.put("options", new java.util.TreeMap<>(c.logging().options()));
            s.put("logging", logging);
        }
        s.put(ComposeReader.HOST_EXTENSION, host);
        return s;
    }

    /** Its networks, with aliases and fixed addresses; none means the engine's bridge, as in the lab. */
    private static void networks(LabSpec.Container c, Map<String, Object> s) {
        if (c.networks().isEmpty()) {
            s.put("network_mode", "bridge");
            return;
        }
        if (c.aliases().isEmpty() && c.ipv4Address().isEmpty()) {
            s.put("networks", c.networks());
            return;
        }
        Map<String, Object> networks = new LinkedHashMap<>();
        for (String n : c.networks()) {
            Map<String, Object> options = new LinkedHashMap<>();
            if (!c.aliases().isEmpty()) options.put("aliases", c.aliases());
            if (c.ipv4Address().containsKey(n)) options.put("ipv4_address", c.ipv4Address().get(n));
            networks.put(n, options);
        }
        s.put("networks", networks);
    }

    private static Map<String, Object> build(LabSpec.Image image) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("context", image.build());
        if (image.dockerfile() != null) build.put("dockerfile", image.dockerfile());
        if (!image.args().isEmpty()) build.put("args", new java.util.TreeMap<>(image.args()));
        if (image.target() != null) build.put("target", image.target());
        return build;
    }

    private static Map<String, Object> healthcheck(LabSpec.HealthCheck h) {
        if (h.test().equals(List.of("NONE"))) return Map.of("disable", true);
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("test", escaped(h.test()));
        if (h.interval() != null) check.put("interval", h.interval());
        if (h.timeout() != null) check.put("timeout", h.timeout());
        if (h.retries() != null) check.put("retries", h.retries());
        if (h.startPeriod() != null) check.put("start_period", h.startPeriod());
        return check;
    }

    private static void putIfSet(Map<String, Object> s, String key, List<String> values) {
        if (!values.isEmpty()) s.put(key, values);
    }

    /** Compose reads $ as a variable: a lab's own $ (its ${replicas:web}, a shell's $HOME) is written $$. */
    private static String escape(String value) {
        return value.replace("$", "$$");
    }

    private static List<String> escaped(List<String> values) {
        return values.stream().map(ComposeExport::escape).toList();
    }
}
