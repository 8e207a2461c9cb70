package dev.portolan.ui.hosts;

import dev.portolan.host.Ownership;
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

    /** By key "lab/name". */
    static Map<String, SimulatedHost> of(HostInventory local, java.util.function.BiFunction<String, String, Path> hostDir) {
        Map<String, SimulatedHost> hosts = new TreeMap<>();
        if (local == null) return hosts;
        for (ContainerInfo c : local.containers().values()) {
            if (!Ownership.SIMULATED_HOST.equals(c.labels().get(Ownership.ROLE))) continue;
            String lab = c.labels().get(Ownership.LAB);
            String name = c.labels().get(Ownership.HOST);
            if (lab == null || name == null) continue;
            int apiPort = c.ports().stream().filter(p -> p.containerPort() == 2376 && p.hostPort() > 0)
                    .mapToInt(ContainerInfo.PortMapping::hostPort).findFirst().orElse(0);
            hosts.put(lab + "/" + name, new SimulatedHost(lab, name, c.id(), c.state().word(), apiPort,
                    c.labels().getOrDefault(Ownership.PRIVILEGE, "?"), c.image(), hostDir.apply(lab, name).resolve("client")));
        }
        return hosts;
    }
}
