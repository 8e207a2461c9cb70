package dev.portolan.lab;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where each service of a compose file goes when it is spread over several hosts: services
 * that talk to each other stay together — one depends on the other, links to it, names it
 * in a setting ({@code DB_HOST: db}, {@code http://api:8080}), or shares a network the file
 * declares with it — because containers on different hosts cannot reach each other by name.
 * Groups go to the host with the fewest services, the biggest group first. The reasons are
 * kept, for the lab file's comment to say why.
 */
final class ComposePlacement {

    /** The host of each service, and one line per host saying what it holds and why those stay together. */
    record Placement(Map<String, String> hostOf, List<String> reasons) {

        /** The hosts, in order: each reason is "HOST: what it holds and why". */
        List<String> hosts() {
            return reasons.stream().map(r -> r.substring(0, r.indexOf(':'))).toList();
        }
    }

    private ComposePlacement() {}

    static Placement place(JsonNode services, List<String> hosts) {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        Map<String, String> parent = new LinkedHashMap<>();
        names.forEach(n -> parent.put(n, n));
        Map<String, List<String>> why = new LinkedHashMap<>();
        for (String name : names) {
            JsonNode service = services.get(name);
            for (String other : listOrKeys(service.path("depends_on"))) join(parent, why, name, other, name + " depends on " + other);
            // a container that mounts another's volumes must be on its host
            for (String from : listOrKeys(service.path("volumes_from"))) {
                join(parent, why, name, from.split(":")[0], name + " mounts the volumes of " + from.split(":")[0]);
            }
            for (String link : listOrKeys(service.path("links"))) {
                String other = link.split(":")[0];
                join(parent, why, name, other, name + " links to " + other);
            }
            // a map's values, or a list's NAME=value items: either way the value names the other service
            service.path("environment").forEach(value -> {
                for (String other : names) {
                    if (!other.equals(name) && mentions(value.asText(), other)) {
                        join(parent, why, name, other, name + " names " + other + " in its environment");
                    }
                }
            });
        }
        // a network the file declares joins its services; the implicit default network does not (it would join all)
        Map<String, List<String>> onNetwork = new LinkedHashMap<>();
        for (String name : names) {
            for (String network : listOrKeys(services.get(name).path("networks"))) {
                onNetwork.computeIfAbsent(network, k -> new ArrayList<>()).add(name);
            }
        }
        onNetwork.forEach((network, members) -> {
            for (int i = 1; i < members.size(); i++) {
                join(parent, why, members.getFirst(), members.get(i), members.getFirst() + " and " + members.get(i)
                        + " share the network " + network);
            }
        });

        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String name : names) groups.computeIfAbsent(find(parent, name), k -> new ArrayList<>()).add(name);
        List<List<String>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparingInt((List<String> g) -> -g.size()));
        Map<String, Integer> load = new LinkedHashMap<>();
        hosts.forEach(h -> load.put(h, 0));
        Map<String, String> hostOf = new LinkedHashMap<>();
        Map<String, List<String>> heldBy = new LinkedHashMap<>();
        for (List<String> group : ordered) {
            String host = hosts.stream().min(Comparator.comparingInt(load::get)).orElseThrow();
            load.merge(host, group.size(), Integer::sum);
            group.forEach(s -> hostOf.put(s, host));
            heldBy.computeIfAbsent(host, h -> new ArrayList<>()).add(describe(group, why));
        }
        Map<String, String> inFileOrder = new LinkedHashMap<>();
        names.forEach(n -> inFileOrder.put(n, hostOf.get(n)));
        List<String> reasons = new ArrayList<>();
        for (String host : hosts) {
            List<String> held = heldBy.get(host);
            reasons.add(host + ": " + (held == null ? "nothing (every service talks to another on a host already;"
                    + " a Swarm overlay network would let them spread)" : String.join("; ", held)));
        }
        return new Placement(inFileOrder, reasons);
    }

    private static String describe(List<String> group, Map<String, List<String>> why) {
        Set<String> reasons = new LinkedHashSet<>();
        for (String s : group) reasons.addAll(why.getOrDefault(s, List.of()));
        return String.join(", ", group) + (reasons.isEmpty() ? (group.size() == 1 ? " (talks to no other service)" : "")
                : " (" + String.join(", ", reasons) + ")");
    }

    private static void join(Map<String, String> parent, Map<String, List<String>> why, String a, String b, String reason) {
        if (!parent.containsKey(b)) return; // a service the file does not have (left out by its profile)
        why.computeIfAbsent(a, k -> new ArrayList<>()).add(reason);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(rb, ra);
    }

    private static String find(Map<String, String> parent, String x) {
        while (!parent.get(x).equals(x)) x = parent.get(x);
        return x;
    }

    /** Whether a setting names a service as a host name: "db", "db:5432", "http://api:8080/x", not "dbx". */
    static boolean mentions(String value, String service) {
        return Pattern.compile("(^|[^A-Za-z0-9_.-])" + Pattern.quote(service) + "($|[^A-Za-z0-9_-])").matcher(value).find();
    }

    private static List<String> listOrKeys(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isObject()) node.fieldNames().forEachRemaining(list::add);
        else node.forEach(n -> list.add(n.asText()));
        return list;
    }
}
