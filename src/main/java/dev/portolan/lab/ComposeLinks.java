package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.engine.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a service reaches the others and is reached, as a lab holds it: published ports, its
 * networks (the project's default network when it names none) with aliases and fixed
 * addresses, and what it depends on, waits for, links to or takes volumes from.
 */
final class ComposeLinks {

    private final ComposeContext context;
    private final String defaultNetwork;

    ComposeLinks(ComposeContext context, String defaultNetwork) {
        this.context = context;
        this.defaultNetwork = defaultNetwork;
    }

    List<String> ports(String at, JsonNode service, int replicas) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            String text = port.isObject() ? (port.has("published") ? (port.hasNonNull("host_ip") ? port.path("host_ip").asText() + ":" : "")
                    + port.path("published").asText() + ":" + port.path("target").asText()
                    + (port.hasNonNull("protocol") ? "/" + port.path("protocol").asText() : "") : null) : port.asText();
            if (text == null || !text.contains(":")) {
                context.notMapped(at + ".ports." + (text == null ? port.path("target").asText() : text),
                        "publishes on a random host port; not mapped (give it HOST:CONTAINER)");
            } else if (!RunSpec.problems("x", null, List.of(), List.of(text), List.of(), null).isEmpty()) {
                context.notMapped(at + ".ports." + text, "a range or a form a lab does not take; not mapped (one HOST:CONTAINER per line)");
            } else {
                ports.add(text);
            }
        }
        if (replicas > 1 && !ports.isEmpty()) {
            context.notMapped(at + ".ports", replicas + " replicas cannot share host ports " + ports + "; not mapped (put a load balancer in front)");
            ports.clear();
        }
        return ports;
    }

    /**
     * Its networks (the project's default network when it names none), the other names it
     * answers to there (its aliases; its service name when container_name renames it) and its fixed addresses.
     */
    void networks(String at, String name, JsonNode service, String host, int replicas, Map<String, Object> c) {
        // the engine's own bridge is where a lab container with no networks is: nothing to add
        if (service.has("network_mode")) return;
        JsonNode declared = service.path("networks");
        List<String> networks = new ArrayList<>();
        Set<String> aliases = new LinkedHashSet<>();
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String network : ComposeContext.listOrKeys(declared)) {
            String labNetwork = network.equals("default") ? defaultNetwork : network;
            networks.add(labNetwork);
            JsonNode options = declared.path(network);
            aliases.addAll(ComposeContext.strings(options.path("aliases")));
            if (options.hasNonNull("ipv4_address")) {
                if (replicas > 1) context.notMapped(at + ".networks." + network + ".ipv4_address", replicas + " replicas cannot share one address; not mapped");
                else addresses.put(labNetwork, options.path("ipv4_address").asText());
            }
            options.fieldNames().forEachRemaining(k -> {
                if (!k.equals("aliases") && !k.equals("ipv4_address")) context.notMapped(at + ".networks." + network + "." + k, "not mapped");
            });
        }
        if (networks.isEmpty()) networks.add(defaultNetwork);
        // renamed by container_name, it still answers to its service's name (replicas answer to it anyway: the lab does that)
        if (!context.containerOf.get(name).equals(name)) aliases.add(name);
        networks.forEach(n -> context.networkOn(host, n));
        c.put("networks", networks);
        if (!aliases.isEmpty()) c.put("aliases", List.copyOf(aliases));
        if (!addresses.isEmpty()) c.put("ipv4_address", addresses);
    }

    /** depends_on and links as depends_on; the conditions service_healthy and service_completed_successfully as waits. */
    void dependencies(String at, JsonNode service, Map<String, Object> c) {
        Set<String> dependsOn = new LinkedHashSet<>();
        Map<String, String> waitFor = new LinkedHashMap<>();
        JsonNode declared = service.path("depends_on");
        for (String other : ComposeContext.listOrKeys(declared)) {
            if (!context.containerOf.containsKey(other)) {
                context.notMapped(at + ".depends_on." + other, "there is no service " + other + " (left out by its profile, or not in the file); not mapped");
                continue;
            }
            String container = context.containerOf.get(other);
            // a wait is made after what it waits for, as depends_on is: one or the other
            String condition = declared.path(other).path("condition").asText("service_started");
            switch (condition) {
                case "service_healthy" -> {
                    if (context.compose.path("services").path(other).path("healthcheck").isObject()) {
                        waitFor.put(container, "healthy");
                    } else {
                        dependsOn.add(container);
                        context.notMapped(at + ".depends_on." + other + ".condition", "service_healthy, but " + other
                                + " has no healthcheck in the file (its image's own is not known here); it waits until " + other + " is made");
                    }
                }
                case "service_completed_successfully" -> waitFor.put(container, "completed");
                case "service_started" -> dependsOn.add(container);
                default -> {
                    dependsOn.add(container);
                    context.notMapped(at + ".depends_on." + other + ".condition", condition + " is not a condition compose has; not mapped");
                }
            }
        }
        for (String link : ComposeContext.strings(service.path("links"))) {
            String[] parts = link.split(":");
            if (!context.containerOf.containsKey(parts[0])) {
                context.notMapped(at + ".links." + link, "there is no service " + parts[0] + "; not mapped");
                continue;
            }
            dependsOn.add(context.containerOf.get(parts[0]));
            if (parts.length > 1 && !parts[1].equals(parts[0])) {
                context.notMapped(at + ".links." + link, "the alias " + parts[1] + " is not mapped (give " + parts[0]
                        + " that alias under its networks: aliases)");
            }
        }
        if (!dependsOn.isEmpty()) c.put("depends_on", List.copyOf(dependsOn));
        if (!waitFor.isEmpty()) c.put("wait_for", waitFor);
        List<String> volumesFrom = new ArrayList<>();
        for (String from : ComposeContext.strings(service.path("volumes_from"))) {
            String other = from.split(":")[0];
            if (other.equals("container")) {
                context.notMapped(at + ".volumes_from." + from, "a container outside the file; not mapped");
            } else if (!context.containerOf.containsKey(other)) {
                context.notMapped(at + ".volumes_from." + from, "there is no service " + other + "; not mapped");
            } else {
                volumesFrom.add(context.containerOf.get(other));
                if (from.endsWith(":ro")) context.notMapped(at + ".volumes_from." + from, ":ro is not mapped; its volumes are mounted as they are");
            }
        }
        if (!volumesFrom.isEmpty()) c.put("volumes_from", volumesFrom);
    }
}
