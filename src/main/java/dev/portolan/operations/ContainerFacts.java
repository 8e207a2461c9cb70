package dev.portolan.operations;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What faults need to know of one container: which it is, whether it runs, its main
 * process (its network namespace, as its engine's own process tree sees it), its address
 * and names on each network, and the ports its host publishes for it.
 *
 * @param pid 0 when it does not run
 */
public record ContainerFacts(String id, String name, boolean running, boolean paused, int pid,
        Map<String, Attachment> networks, List<Published> published) {

    /** Its address on one network and the names others find it by there. */
    public record Attachment(String address, List<String> aliases) {}

    /** A port of its host that reaches one of its own. */
    public record Published(String protocol, int containerPort, int hostPort) {}

    static ContainerFacts of(InspectContainerResponse c) {
        var state = c.getState();
        boolean running = Boolean.TRUE.equals(state.getRunning());
        Map<String, Attachment> networks = new TreeMap<>();
        var settings = c.getNetworkSettings();
        if (settings != null && settings.getNetworks() != null) {
            settings.getNetworks().forEach((name, n) -> networks.put(name, new Attachment(n.getIpAddress(),
                    n.getAliases() == null ? List.of() : List.copyOf(n.getAliases()))));
        }
        List<Published> published = new ArrayList<>();
        Ports ports = settings == null ? null : settings.getPorts();
        if (ports != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> e : ports.getBindings().entrySet()) {
                if (e.getValue() == null) continue;
                for (Ports.Binding b : e.getValue()) {
                    if (b.getHostPortSpec() != null && b.getHostPortSpec().matches("\\d+")) {
                        published.add(new Published(e.getKey().getProtocol().toString(), e.getKey().getPort(),
                                Integer.parseInt(b.getHostPortSpec())));
                    }
                }
            }
        }
        Long pid = state.getPidLong();
        return new ContainerFacts(c.getId(), c.getName() == null ? "" : c.getName().replaceFirst("^/", ""), running,
                Boolean.TRUE.equals(state.getPaused()), running && pid != null ? pid.intValue() : 0, networks,
                published.stream().distinct().toList());
    }

    /** Its addresses on all its networks (none empty). */
    public List<String> addresses() {
        return networks.values().stream().map(Attachment::address).filter(a -> a != null && !a.isBlank()).distinct().toList();
    }
}
