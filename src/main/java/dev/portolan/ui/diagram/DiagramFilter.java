package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the search box says: {@code host:node1 state:running net:backend label:app=web
 * lab:demo} narrow the diagram (each may repeat: any of its values matches); the other
 * words are searched for and highlighted, not hidden.
 */
public record DiagramFilter(List<String> hosts, List<String> states, List<String> networks, List<String> labels,
        List<String> labs, List<String> words) {

    public static final DiagramFilter NONE = parse("");

    public static DiagramFilter parse(String query) {
        List<String> hosts = new ArrayList<>();
        List<String> states = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> labs = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String token : query.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.isEmpty()) continue;
            int colon = token.indexOf(':');
            String key = colon > 0 ? token.substring(0, colon) : "";
            String value = colon > 0 ? token.substring(colon + 1) : token;
            switch (key) {
                case "host" -> hosts.add(value);
                case "state" -> states.add(value);
                case "net", "network" -> networks.add(value);
                case "label" -> labels.add(value);
                case "lab" -> labs.add(value);
                default -> words.add(token);
            }
        }
        return new DiagramFilter(List.copyOf(hosts), List.copyOf(states), List.copyOf(networks), List.copyOf(labels),
                List.copyOf(labs), List.copyOf(words));
    }

    public boolean showsHost(HostSnapshot host) {
        return matches(hosts, host.host()) && (labs.isEmpty() || labs.contains(String.valueOf(host.lab()).toLowerCase(Locale.ROOT)));
    }

    public boolean showsNetwork(String network) {
        return networks.isEmpty() || networks.contains(network.toLowerCase(Locale.ROOT));
    }

    public boolean showsContainer(ContainerInfo c) {
        if (!states.isEmpty() && !states.contains(c.state().word())) return false;
        if (!networks.isEmpty() && c.networks().stream().noneMatch(n -> showsNetwork(n.network()))) return false;
        if (!labels.isEmpty() && labels.stream().noneMatch(l -> hasLabel(c, l))) return false;
        return true;
    }

    /** Whether the free words find this container (name, image, id). */
    public boolean finds(ContainerInfo c) {
        if (words.isEmpty()) return false;
        String text = (c.name() + " " + c.image() + " " + c.id()).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(text::contains);
    }

    public boolean searches() {
        return !words.isEmpty();
    }

    private static boolean hasLabel(ContainerInfo c, String wanted) {
        int eq = wanted.indexOf('=');
        String key = eq < 0 ? wanted : wanted.substring(0, eq);
        return c.labels().entrySet().stream().anyMatch(e -> e.getKey().toLowerCase(Locale.ROOT).equals(key)
                && (eq < 0 || e.getValue().toLowerCase(Locale.ROOT).equals(wanted.substring(eq + 1))));
    }

    private static boolean matches(List<String> wanted, String value) {
        return wanted.isEmpty() || wanted.contains(value.toLowerCase(Locale.ROOT));
    }
}
