package dev.portolan.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.engine.Rfc3339;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.Mount;
import dev.portolan.inventory.ContainerInfo.NetworkAttachment;
import dev.portolan.inventory.ContainerInfo.PortMapping;
import dev.portolan.inventory.ContainerInfo.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A container's inspect (GET /containers/ID/json, as the engine's API documents it) read into a {@link ContainerInfo}. */
final class ContainerJson {

    private ContainerJson() {}

    static ContainerInfo toContainer(JsonNode c) {
        JsonNode state = c.path("State");
        JsonNode config = c.path("Config");
        List<PortMapping> ports = ports(c.path("NetworkSettings").path("Ports"), true);
        // a container that does not run has no ports bound: what it asks for is in its host config
        if (ports.isEmpty()) ports = ports(c.path("HostConfig").path("PortBindings"), false);
        ports.sort(Comparator.comparingInt(PortMapping::containerPort).thenComparing(p -> p.hostIp() == null ? "" : p.hostIp()));

        List<NetworkAttachment> networks = new ArrayList<>();
        c.path("NetworkSettings").path("Networks").properties().forEach(entry -> {
            JsonNode n = entry.getValue();
            networks.add(new NetworkAttachment(entry.getKey(), blankToNull(text(n, "NetworkID")), blankToNull(text(n, "IPAddress")),
                    strings(n.path("Aliases"))));
        });
        networks.sort(Comparator.comparing(NetworkAttachment::network));

        List<Mount> mounts = new ArrayList<>();
        for (JsonNode m : c.path("Mounts")) {
            String volume = blankToNull(text(m, "Name"));
            mounts.add(new Mount(volume != null ? "volume" : "bind", volume, blankToNull(text(m, "Source")),
                    m.path("Destination").asText(""), m.path("RW").asBoolean(true)));
        }

        List<String> command = new ArrayList<>();
        if (!text(c, "Path").isEmpty()) command.add(text(c, "Path"));
        command.addAll(strings(c.path("Args")));
        String name = c.hasNonNull("Name") ? text(c, "Name").replaceFirst("^/", "") : text(c, "Id");
        return new ContainerInfo(text(c, "Id"), name, text(config, "Image"), text(c, "Image"),
                String.join(" ", command).strip(),
                State.of(state.path("Status").textValue()),
                Health.of(state.path("Health").path("Status").textValue()), healthCheck(config),
                c.path("RestartCount").asInt(0), state.path("ExitCode").asInt(0), state.path("OOMKilled").asBoolean(false),
                ports, networks, mounts, labels(config.path("Labels")),
                time(text(c, "Created")), time(text(state, "StartedAt")));
    }

    /**
     * The command the engine runs for the container's health check, as it names it in the
     * probe's exec events: a CMD-SHELL test runs in the container's shell (/bin/sh -c unless
     * the image says otherwise), a CMD test as it is; NONE or no test, none.
     */
    static String healthCheck(JsonNode config) {
        List<String> test = strings(config.path("Healthcheck").path("Test"));
        if (test.size() < 2 || !List.of("CMD", "CMD-SHELL").contains(test.getFirst())) return "";
        List<String> command = new ArrayList<>();
        if (test.getFirst().equals("CMD-SHELL")) {
            List<String> shell = strings(config.path("Shell"));
            command.addAll(shell.isEmpty() ? List.of("/bin/sh", "-c") : shell);
        }
        command.addAll(test.subList(1, test.size()));
        return String.join(" ", command);
    }

    /**
     * Ports as {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}], "9000/tcp": null}; a port
     * with no binding is listed unpublished only where the engine says what is bound (not in
     * the host config's wishes).
     */
    private static List<PortMapping> ports(JsonNode byPort, boolean unboundToo) {
        List<PortMapping> ports = new ArrayList<>();
        byPort.properties().forEach(entry -> {
            String[] portAndProtocol = entry.getKey().split("/", 2);
            int containerPort = number(portAndProtocol[0]);
            String protocol = portAndProtocol.length > 1 ? portAndProtocol[1] : "tcp";
            JsonNode bindings = entry.getValue();
            if (bindings == null || bindings.isEmpty()) {
                if (unboundToo) ports.add(new PortMapping(null, 0, containerPort, protocol));
                return;
            }
            for (JsonNode b : bindings) {
                ports.add(new PortMapping(blankToNull(text(b, "HostIp")), number(text(b, "HostPort")),
                        containerPort, protocol));
            }
        });
        return ports;
    }

    private static Map<String, String> labels(JsonNode labels) {
        if (!labels.isObject() || labels.isEmpty()) return Map.of();
        Map<String, String> read = new LinkedHashMap<>();
        labels.properties().forEach(e -> read.put(e.getKey(), e.getValue().asText("")));
        return read;
    }

    private static List<String> strings(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) return List.of();
        List<String> read = new ArrayList<>(array.size());
        for (JsonNode item : array) read.add(item.asText(""));
        return read;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText("");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A port as the engine writes it ("8080", or a range's first, "8080-8090"); 0 when there is none. */
    private static int number(String spec) {
        if (spec == null || spec.isBlank()) return 0;
        try {
            return Integer.parseInt(spec.contains("-") ? spec.substring(0, spec.indexOf('-')) : spec);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The engine's RFC 3339 time; null for its zero time ("0001-01-01…") or none. */
    static Instant time(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) return null;
        return Rfc3339.parse(text);
    }
}
