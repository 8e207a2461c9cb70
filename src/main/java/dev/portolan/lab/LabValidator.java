package dev.portolan.lab;

import dev.portolan.engine.ProcessOptions;
import dev.portolan.engine.RunSpec;
import dev.portolan.lab.LabSpec.Container;
import dev.portolan.lab.LabSpec.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a lab's parts fit together: names, references between hosts, networks,
 * volumes and containers, ports, replicas, depends_on without cycles, the Swarm.
 * Each finding names the place (a JSON pointer) and what would be right.
 */
final class LabValidator {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    private static final Set<String> DRIVERS = Set.of("bridge", "overlay", "macvlan", "ipvlan");
    private static final int MAX_REPLICAS = 50;
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(node\\.(id|hostname|role|platform\\.os|platform\\.arch|labels\\.[A-Za-z0-9._-]+)|engine\\.labels\\.[A-Za-z0-9._-]+)"
            + "\\s*(==|!=)\\s*\\S+");

    /** One problem, at a JSON pointer such as /containers/2/host. */
    record Finding(String pointer, String message) {}

    private final LabSpec lab;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> hostNames = new HashSet<>();

    private LabValidator(LabSpec lab) {
        this.lab = lab;
    }

    static List<Finding> check(LabSpec lab) {
        LabValidator validator = new LabValidator(lab);
        validator.run();
        return validator.findings;
    }

    private void add(String pointer, String message) {
        findings.add(new Finding(pointer, message));
    }

    private void run() {
        if (lab.name() == null || !NAME.matcher(lab.name()).matches()) {
            add("/name", "name: '" + lab.name() + "' is not a lab name; use lower-case letters, digits and '-', such as demo");
        }
        if (lab.hosts().isEmpty()) add("/hosts", "hosts: a lab needs at least one host, such as: - name: node1");
        for (int i = 0; i < lab.hosts().size(); i++) host(i, lab.hosts().get(i));
        for (int i = 0; i < lab.networks().size(); i++) network(i, lab.networks().get(i));
        Map<String, Set<String>> volumesByHost = new HashMap<>();
        for (int i = 0; i < lab.volumes().size(); i++) {
            var v = lab.volumes().get(i);
            String at = "/volumes/" + i;
            if (v.name() == null || !CONTAINER_NAME.matcher(v.name()).matches()) add(at + "/name", "volume name: '" + v.name() + "' is not allowed");
            String host = hostOf(at, v.host());
            if (host != null && v.name() != null && !volumesByHost.computeIfAbsent(host, h -> new HashSet<>()).add(v.name())) {
                add(at + "/name", "volume " + v.name() + " is declared twice on " + host);
            }
        }
        Map<String, Integer> containerIndex = new HashMap<>();
        for (int i = 0; i < lab.containers().size(); i++) {
            container(i, lab.containers().get(i), volumesByHost, containerIndex);
        }
        dependencies(containerIndex);
        swarm();
        LabFaults.check(lab, this::add);
        for (int i = 0; i < lab.images().size(); i++) {
            LabSpec.Image image = lab.images().get(i);
            String at = "/images/" + i;
            if (image.name() == null || image.name().isBlank()) {
                add(at + "/name", "image name: give the image a name, such as myapp:1");
            } else if (image.build() == null) {
                add(at + "/build", "build: the folder that holds the Dockerfile, relative to the lab file, such as ./app");
            } else {
                String problem = dev.portolan.image.ImageBuild.problem(java.nio.file.Path.of(image.build()), image.name(),
                        new dev.portolan.image.ImageBuild.Options(image.dockerfile(), image.args(), image.target()));
                if (problem != null) add(problem.contains("image name") ? at + "/name" : at + "/build", problem);
            }
        }
    }

    private void host(int i, Host h) {
        String at = "/hosts/" + i;
        if (h.name() == null || !NAME.matcher(h.name()).matches()) {
            add(at + "/name", "host name: '" + h.name() + "' is not allowed; use lower-case letters, digits and '-', such as node1");
        } else if (!hostNames.add(h.name())) {
            add(at + "/name", "host " + h.name() + " is declared twice");
        }
        if (h.provider() == LabSpec.Provider.EXISTING && (h.endpoint() == null || h.endpoint().isBlank())) {
            add(at + "/endpoint", "an existing host needs endpoint: a docker context name or an address such as tcp://127.0.0.1:2376 or ssh://deploy@server");
        }
        for (int p = 0; p < h.ports().size(); p++) {
            if (!h.ports().get(p).matches("\\d{1,5}:\\d{1,5}")) {
                add(at + "/ports/" + p, "port mapping '" + h.ports().get(p) + "' should look like 8080:80");
            }
        }
        size(at, h);
    }

    /** A host's size and labels: what a simulated host's container and a machine's VM can be given. */
    private void size(String at, Host h) {
        if (h.provider() == LabSpec.Provider.EXISTING && (h.cpus() != null || h.memory() != null)) {
            add(at, "cpus and memory size the hosts Portolan makes; an existing engine has its own size (leave them out)");
        }
        if (h.cpus() != null && (h.cpus() < 0.1 || h.cpus() > 64)) {
            add(at + "/cpus", "cpus: " + h.cpus() + " is not between 0.1 and 64, such as 2 or 0.5");
        }
        if (h.memory() != null) {
            try {
                long bytes = dev.portolan.app.Sizes.parse(h.memory());
                if (bytes < 128L * 1024 * 1024) add(at + "/memory", "memory: " + h.memory() + " is below the 128 MB an engine needs to start");
            } catch (IllegalArgumentException e) {
                add(at + "/memory", "memory: " + e.getMessage());
            }
        }
        h.labels().forEach((key, value) -> {
            if (!key.matches("[a-z0-9][a-z0-9._-]*")) {
                add(at + "/labels/" + key, "label '" + key + "' is not allowed; use lower-case letters, digits, '.', '_' and '-', such as zone or disk.type");
            }
            if (value == null) add(at + "/labels/" + key, "label " + key + ": give it a value, such as " + key + ": ssd");
        });
    }

    private void network(int i, LabSpec.Network n) {
        String at = "/networks/" + i;
        if (n.name() == null || !CONTAINER_NAME.matcher(n.name()).matches()) add(at + "/name", "network name: '" + n.name() + "' is not allowed");
        String driver = n.driver() == null ? (n.host() == null && lab.swarm() != null ? "overlay" : "bridge") : n.driver();
        if (!DRIVERS.contains(driver)) add(at + "/driver", "driver '" + driver + "' is not one of " + String.join(", ", DRIVERS.stream().sorted().toList()));
        if (n.host() != null) {
            hostOf(at, n.host());
        } else if (lab.swarm() == null && lab.hosts().size() != 1) {
            add(at, "network " + n.name() + " has no host: give it host: NAME, or add a swarm for an overlay network across hosts");
        }
    }

    private void container(int i, Container c, Map<String, Set<String>> volumesByHost, Map<String, Integer> index) {
        String at = "/containers/" + i;
        if (c.name() == null || !CONTAINER_NAME.matcher(c.name()).matches()) {
            add(at + "/name", "container name: '" + c.name() + "' is not allowed; use letters, digits, '_', '.' and '-'");
        } else if (index.putIfAbsent(c.name(), i) != null) {
            add(at + "/name", "container " + c.name() + " is declared twice");
        }
        String host = hostOf(at, c.host());
        if (c.image() == null || c.image().isBlank()) add(at + "/image", "image: every container needs one, such as busybox:1.36");
        if (c.replicas() < 1 || c.replicas() > MAX_REPLICAS) add(at + "/replicas", "replicas: " + c.replicas() + " is not between 1 and " + MAX_REPLICAS);
        if (c.replicas() > 1 && c.ports().stream().anyMatch(p -> p.matches("(\\d+\\.){3}\\d+:\\d+:.*|\\d+:.*"))) {
            add(at + "/ports", "replicas: " + c.replicas() + " copies cannot all publish the same host port; publish from a load balancer instead");
        }
        ProcessOptions.unknownCapabilities(c.capAdd()).forEach(problem -> add(at + "/cap_add", problem));
        ProcessOptions.unknownCapabilities(c.capDrop()).forEach(problem -> add(at + "/cap_drop", problem));
        for (String mount : c.tmpfs()) {
            if (!mount.startsWith("/")) add(at + "/tmpfs", "tmpfs: '" + mount + "' is not a path in the container (such as /tmp or /run:size=64m)");
        }
        if (c.memory() != null) {
            try {
                long bytes = dev.portolan.app.Sizes.parse(c.memory());
                if (bytes < 6 * 1024 * 1024) add(at + "/memory", "memory: " + c.memory() + " is below the 6 MB a container needs");
            } catch (IllegalArgumentException e) {
                add(at + "/memory", "memory: " + e.getMessage());
            }
        }
        if (c.cpus() != null && (c.cpus() <= 0 || c.cpus() > 256)) add(at + "/cpus", "cpus: " + c.cpus() + " is not between 0.01 and 256");
        List<String> env = c.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        for (String problem : RunSpec.problems(c.image() == null ? "x" : c.image(), null, env, c.ports(), List.of(), c.restart())) {
            add(at + (problem.startsWith("Ports") ? "/ports" : problem.startsWith("Restart") ? "/restart" : "/env"), problem);
        }
        for (int v = 0; v < c.volumes().size(); v++) {
            String mount = c.volumes().get(v);
            String[] parts = mount.split(":");
            if (parts.length < 2 || !parts[1].startsWith("/")) {
                add(at + "/volumes/" + v, "volume '" + mount + "' should look like data:/var/lib/data");
            } else if (!parts[0].startsWith("/") && host != null
                    && !volumesByHost.getOrDefault(host, Set.of()).contains(parts[0])) {
                add(at + "/volumes/" + v, "volume " + parts[0] + " is not declared on " + host + "; add it under volumes:");
            }
        }
        if (c.healthcheck() != null) healthcheck(at + "/healthcheck", c.healthcheck());
        composeExtras(at, c, host);
        c.env().forEach((key, value) -> {
            var m = java.util.regex.Pattern.compile("\\$\\{replicas:([^}]*)}").matcher(value);
            while (m.find()) {
                String target = m.group(1);
                if (lab.containers().stream().noneMatch(x -> target.equals(x.name()))) {
                    add(at + "/env/" + key, "env " + key + ": ${replicas:" + target + "} names no container of this lab");
                }
            }
        });
        for (int n = 0; n < c.networks().size(); n++) {
            String network = c.networks().get(n);
            boolean known = lab.networks().stream().anyMatch(x -> network.equals(x.name())
                    && (x.host() == null || x.host().equals(host)));
            if (!known && !network.equals("bridge")) {
                add(at + "/networks/" + n, "network " + network + " is not declared on " + host + "; add it under networks:");
            }
        }
    }

    /** What a compose service brings: files, exposed ports, ulimits, logging, waits, aliases and fixed addresses. */
    private void composeExtras(String at, Container c, String host) {
        for (int f = 0; f < c.files().size(); f++) {
            LabSpec.FileMount file = c.files().get(f);
            String where = at + "/files/" + f;
            if (file.target() == null || !file.target().startsWith("/")) {
                add(where + "/target", "files target: '" + file.target() + "' should be a path in the container, such as /etc/nginx/nginx.conf");
            }
            if ((file.source() == null) == (file.content() == null)) {
                add(where, "files: give either source: (a file or folder beside the lab file, such as ./nginx.conf) or content:");
            } else if (file.source() != null && !java.nio.file.Files.exists(java.nio.file.Path.of(file.source()))) {
                add(where + "/source", "files source: " + file.source() + " is not on this computer; the lab copies it to the host at apply");
            }
        }
        String driver = c.logging() == null ? null : c.logging().driver();
        for (String problem : dev.portolan.engine.RunExtras.problems(c.expose(), c.ulimits(), driver)) {
            add(at + (problem.startsWith("expose") ? "/expose" : problem.startsWith("ulimits") ? "/ulimits" : "/logging/driver"), problem);
        }
        c.waitFor().forEach((other, condition) -> {
            if (!Set.of("healthy", "completed", "started").contains(condition)) {
                add(at + "/wait_for/" + other, "wait_for " + other + ": '" + condition + "' is not a condition; use healthy, completed or started");
            }
            var target = lab.containers().stream().filter(x -> other.equals(x.name())).findFirst();
            if (target.isEmpty()) {
                add(at + "/wait_for/" + other, "wait_for: " + other + " is not a container of this lab");
            } else if (!java.util.Objects.equals(Labs.hostOf(lab, target.get().host()), host)) {
                add(at + "/wait_for/" + other, "wait_for: " + other + " runs on another host; a container waits for one on its own host");
            } else if ("healthy".equals(condition) && target.get().healthcheck() == null) {
                add(at + "/wait_for/" + other, "wait_for " + other + ": healthy, but " + other
                        + " has no healthcheck in this file; give it one, or wait for started");
            }
        });
        for (String alias : c.aliases()) {
            if (!CONTAINER_NAME.matcher(alias).matches()) add(at + "/aliases", "aliases: '" + alias + "' is not a name others can reach");
        }
        if (!c.aliases().isEmpty() && c.networks().isEmpty()) {
            add(at + "/aliases", "aliases: a container answers to other names on its networks only; give it networks:");
        }
        c.ipv4Address().forEach((network, address) -> {
            String where = at + "/ipv4_address/" + network;
            var declared = lab.networks().stream().filter(n -> n.name().equals(network) && (n.host() == null || n.host().equals(host))).findFirst();
            if (!c.networks().contains(network)) add(where, "ipv4_address: " + c.name() + " is not on network " + network);
            else if (declared.isEmpty() || declared.get().subnet() == null) {
                add(where, "ipv4_address: network " + network + " needs subnet: (such as 172.28.0.0/16) for a fixed address");
            } else if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                add(where, "ipv4_address: '" + address + "' is not an IPv4 address such as 172.28.0.10");
            }
            if (c.replicas() > 1) add(where, "ipv4_address: " + c.replicas() + " replicas cannot share one address");
        });
    }

    private void healthcheck(String at, LabSpec.HealthCheck h) {
        String test = dev.portolan.engine.HealthSpec.testProblem(h.test());
        if (test != null) add(at + "/test", test);
        for (String[] field : new String[][] {{"interval", h.interval()}, {"timeout", h.timeout()}, {"start_period", h.startPeriod()}}) {
            try {
                dev.portolan.engine.HealthSpec.duration(field[1], "healthcheck " + field[0]);
            } catch (dev.portolan.engine.InvalidInputException e) {
                add(at + "/" + field[0], e.getMessage());
            }
        }
        if (h.retries() != null && h.retries() < 1) add(at + "/retries", "healthcheck retries: " + h.retries() + " should be 1 or more");
    }

    /** The host a part runs on: the named one, or the lab's only host when none is named. */
    private String hostOf(String at, String host) {
        if (host == null) {
            if (lab.hosts().size() == 1) return lab.hosts().getFirst().name();
            add(at, "host: name the host it runs on, one of " + String.join(", ", hostNames));
            return null;
        }
        if (!hostNames.contains(host)) {
            add(at + "/host", "host " + host + " is not declared; the lab's hosts are " + String.join(", ", hostNames));
            return null;
        }
        return host;
    }

    private void dependencies(Map<String, Integer> index) {
        for (int i = 0; i < lab.containers().size(); i++) {
            Container c = lab.containers().get(i);
            for (int v = 0; v < c.volumesFrom().size(); v++) {
                Integer from = index.get(c.volumesFrom().get(v));
                String at = "/containers/" + i + "/volumes_from/" + v;
                if (from == null) {
                    add(at, "volumes_from: " + c.volumesFrom().get(v) + " is not a container of this lab");
                } else if (!java.util.Objects.equals(hostOf(at, lab.containers().get(from).host()), hostOf(at, c.host()))) {
                    add(at, "volumes_from: " + c.volumesFrom().get(v) + " runs on another host; a container shares volumes on its own host only");
                }
            }
        }
        for (int i = 0; i < lab.containers().size(); i++) {
            var deps = lab.containers().get(i).dependsOn();
            for (int d = 0; d < deps.size(); d++) {
                if (!index.containsKey(deps.get(d))) {
                    add("/containers/" + i + "/depends_on/" + d, "depends_on: " + deps.get(d) + " is not a container of this lab");
                }
            }
        }
        // a cycle: a container that depends, through others, on itself
        for (var entry : index.entrySet()) {
            if (reaches(entry.getKey(), entry.getKey(), index, new HashSet<>())) {
                add("/containers/" + entry.getValue() + "/depends_on", "depends_on: " + entry.getKey()
                        + " depends on itself through others; nothing could start first");
            }
        }
    }

    private boolean reaches(String from, String target, Map<String, Integer> index, Set<String> seen) {
        Integer i = index.get(from);
        if (i == null || !seen.add(from)) return false;
        for (String next : lab.containers().get(i).madeAfter()) {
            if (next.equals(target) || reaches(next, target, index, seen)) return true;
        }
        return false;
    }

    private void swarm() {
        var swarm = lab.swarm();
        if (swarm == null) return;
        if (swarm.managers().isEmpty()) add("/swarm/managers", "a swarm needs at least one manager, such as [node1]");
        List<String> members = new ArrayList<>(swarm.managers());
        members.addAll(swarm.workers());
        for (int m = 0; m < members.size(); m++) {
            String at = "/swarm/" + (m < swarm.managers().size() ? "managers/" + m : "workers/" + (m - swarm.managers().size()));
            if (!hostNames.contains(members.get(m))) {
                add(at, "swarm member " + members.get(m) + " is not a host of this lab");
                continue;
            }
            String member = members.get(m);
            lab.hosts().stream().filter(h -> member.equals(h.name()) && h.provider() == LabSpec.Provider.EXISTING
                    && (h.address() == null || h.address().isBlank())).findFirst().ifPresent(h -> add(at,
                    "swarm member " + member + " is an existing host: give it address: the IP address or name the lab's"
                            + " other hosts reach it at (the swarm's nodes talk to each other there)"));
        }
        for (int d = 0; d < swarm.drain().size(); d++) {
            if (!members.contains(swarm.drain().get(d))) {
                add("/swarm/drain/" + d, "drain: " + swarm.drain().get(d) + " is not a manager or worker of this swarm");
            }
        }
        if (!swarm.drain().isEmpty() && members.stream().allMatch(swarm.drain()::contains)) {
            add("/swarm/drain", "drain: every member drained leaves the swarm nowhere to run its tasks; keep one active");
        }
        for (int s = 0; s < swarm.services().size(); s++) {
            var service = swarm.services().get(s);
            String at = "/swarm/services/" + s;
            if (service.name() == null || !CONTAINER_NAME.matcher(service.name()).matches()) add(at + "/name", "service name: '" + service.name() + "' is not allowed");
            if (service.image() == null || service.image().isBlank()) add(at + "/image", "image: every service needs one");
            if (service.replicas() < 0 || service.replicas() > MAX_REPLICAS) add(at + "/replicas", "replicas: " + service.replicas() + " is not between 0 and " + MAX_REPLICAS);
            for (int c = 0; c < service.constraints().size(); c++) {
                String constraint = service.constraints().get(c);
                if (constraint == null || !CONSTRAINT.matcher(constraint.strip()).matches()) {
                    add(at + "/constraints/" + c, "constraint '" + constraint + "' should read like node.labels.zone==b, "
                            + "node.role!=manager or node.hostname==node2 (== or !=)");
                }
            }
            for (int p = 0; p < service.ports().size(); p++) {
                int index = p;
                dev.portolan.engine.ServicePorts.problem(service.ports().get(p))
                        .ifPresent(sentence -> add(at + "/ports/" + index, "port " + sentence));
            }
            if (service.endpointMode() != null && !List.of("vip", "dnsrr").contains(service.endpointMode())) {
                add(at + "/endpoint_mode", "endpoint_mode: '" + service.endpointMode() + "' should be vip or dnsrr");
            }
            if (service.update() != null) {
                String action = service.update().failureAction();
                if (action != null && !List.of("rollback", "pause", "continue").contains(action)) {
                    add(at + "/update/failure_action", "update failure_action: '" + action + "' should be rollback, pause or continue");
                }
                if (service.update().parallelism() != null && service.update().parallelism() < 0) {
                    add(at + "/update/parallelism", "update parallelism: " + service.update().parallelism()
                            + " should be 0 (all at once) or more");
                }
                for (String[] field : new String[][] {{"delay", service.update().delay()}, {"monitor", service.update().monitor()}}) {
                    if (field[1] == null) continue;
                    try {
                        dev.portolan.app.Durations.parse(field[1]);
                    } catch (IllegalArgumentException e) {
                        add(at + "/update/" + field[0], "update " + field[0] + ": " + e.getMessage());
                    }
                }
            }
        }
    }
}
