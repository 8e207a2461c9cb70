package dev.portolan.ui.hosts;

import dev.portolan.host.HostKey;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated hosts as the local engine's live inventory shows them: every container
 * labelled as a simulated host, with its state and the port of its TLS API. No engine
 * call of its own: what the local watcher sees is the truth.
 */
final class SimulatedHostsView {

    private SimulatedHostsView() {}

    static Map<HostKey, SimulatedHost> of(HostInventory local, Path configDir) {
        Map<HostKey, SimulatedHost> hosts = new TreeMap<>(java.util.Comparator.comparing(HostKey::id));
        if (local == null) return hosts;
        for (ContainerInfo c : local.containers().values()) {
            int published = c.ports().stream().filter(p -> p.containerPort() == SimulatedHost.API_PORT && p.hostPort() > 0)
                    .mapToInt(ContainerInfo.PortMapping::hostPort).findFirst().orElse(0);
            SimulatedHost.fromContainer(c.id(), c.state().word(), c.image(), c.labels(), published, configDir)
                    .ifPresent(h -> hosts.put(HostKey.simulated(h.lab(), h.name()), h));
        }
        return hosts;
    }
}
