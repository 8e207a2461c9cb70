package dev.portolan.operations;

import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.EngineErrors;
import dev.portolan.host.HostKey;
import dev.portolan.host.endpoints.SavedEndpoints;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every host Portolan knows, from each provider: the local engine, the endpoints the user
 * saved, the simulated hosts on the local engine, the docker-machine machines. The window's
 * sidebar and `portolan hosts` list hosts through it, so they agree.
 */
public final class HostRegistry {

    /**
     * One host as its provider knows it.
     *
     * @param endpoint where its engine answers, or null while it has none (stopped)
     * @param state    what its provider says of it ("running", "exited", "Stopped")
     * @param detail   what else the provider tells ("lab demo · image docker:dind · started --privileged")
     */
    public record KnownHost(HostKey key, String provider, EngineEndpoint endpoint, String state, String detail) {}

    private final Path configDir;
    private final SavedEndpoints saved;
    private final Optional<DockerMachine> machine;

    public HostRegistry(Path configDir, Optional<DockerMachine> machine) {
        this.configDir = configDir;
        this.saved = new SavedEndpoints(configDir.resolve("endpoints.json"));
        this.machine = machine;
    }

    /** The endpoints the user added, remembered across restarts. */
    public SavedEndpoints saved() {
        return saved;
    }

    /** The simulated hosts the local engine's inventory shows (no engine call: the inventory is the truth). */
    public Map<HostKey, SimulatedHost> simulated(HostInventory local) {
        Map<HostKey, SimulatedHost> hosts = new TreeMap<>(Comparator.comparing(HostKey::id));
        if (local == null) return hosts;
        for (ContainerInfo c : local.containers().values()) {
            int published = c.ports().stream().filter(p -> p.containerPort() == SimulatedHost.API_PORT && p.hostPort() > 0)
                    .mapToInt(ContainerInfo.PortMapping::hostPort).findFirst().orElse(0);
            SimulatedHost.fromContainer(c.id(), c.state().word(), c.image(), c.labels(), published, configDir)
                    .ifPresent(h -> hosts.put(HostKey.simulated(h.lab(), h.name()), h));
        }
        return hosts;
    }

    /** What the window says of a simulated host: its lab, image, how it was started, its context. */
    public static String detail(SimulatedHost host) {
        return "lab " + host.lab() + " · image " + host.image() + " · started "
                + (host.privilege().equals("privileged") ? "--privileged" : "with capabilities (the engine refused --privileged)")
                + " · context " + host.contextName();
    }

    /**
     * Every host, each asked whether its engine answers (side by side, 1.5 s at most each):
     * what `portolan hosts` prints. Blocking.
     */
    public List<KnownHost> all(LocalEngine local) {
        return dev.portolan.app.Futures.inParallel(known(local), HostRegistry::answered);
    }

    /**
     * The engine of the host named as `portolan hosts` names it ("local", "demo/node1",
     * a saved endpoint's or a machine's name); a clear sentence when there is none.
     */
    public EngineEndpoint endpointOf(String name, LocalEngine local) {
        List<KnownHost> hosts = known(local);
        KnownHost host = hosts.stream().filter(h -> h.key().displayName().equals(name)).findFirst()
                .orElseThrow(() -> new dev.portolan.engine.InvalidInputException("There is no host named " + name
                        + ". Known hosts: " + String.join(", ", hosts.stream().map(h -> h.key().displayName()).toList()) + "."));
        if (host.endpoint() != null) return host.endpoint();
        if (host.key().kind() == HostKey.Kind.MACHINE && machine.isPresent()) return machine.get().endpoint(host.key().name());
        throw new dev.portolan.engine.InvalidInputException(name + " is " + host.state() + ": start it first.");
    }

    /** The names of every host, as `portolan hosts` prints them. */
    public List<String> names(LocalEngine local) {
        return known(local).stream().map(h -> h.key().displayName()).toList();
    }

    /** Every host the providers know, without asking their engines. */
    private List<KnownHost> known(LocalEngine local) {
        List<KnownHost> hosts = new ArrayList<>();
        hosts.add(new KnownHost(HostKey.local(), "local engine", local.endpoint(), "", local.endpoint().address()));
        for (EngineEndpoint e : saved.load()) hosts.add(new KnownHost(HostKey.endpoint(e.name()), e.source(), e, "", e.address()));
        for (SimulatedHost h : simulatedHosts(local)) {
            hosts.add(new KnownHost(HostKey.simulated(h.lab(), h.name()), "simulated host", h.isRunning() ? h.endpoint() : null,
                    h.state(), detail(h)));
        }
        machine.ifPresent(cli -> cli.list().forEach(m -> hosts.add(new KnownHost(HostKey.machine(m.name()),
                "docker-machine · " + m.driver(), null, m.state(), m.url() + (m.error().isBlank() ? "" : " · " + m.error())))));
        return hosts;
    }

    /** The host with its state: "live", or why its engine does not answer; a host with no endpoint keeps its provider's word. */
    /** The simulated hosts on the local engine; none while it does not answer (its own line says why). */
    private static List<SimulatedHost> simulatedHosts(LocalEngine local) {
        try {
            return local.simulatedHosts().list();
        } catch (RuntimeException e) {
            if (EngineErrors.isUnreachable(e)) return List.of();
            throw e;
        }
    }

    private static KnownHost answered(KnownHost host) {
        if (host.endpoint() == null) return host;
        try (var pinger = EngineClients.pinger(host.endpoint())) {
            pinger.pingCmd().exec();
            return new KnownHost(host.key(), host.provider(), host.endpoint(), "live", host.detail());
        } catch (Exception e) {
            String why = EngineErrors.isUnreachable(e) ? EngineErrors.unreachable(host.endpoint(), e)
                    : EngineErrors.firstLine(String.valueOf(e.getMessage()));
            return new KnownHost(host.key(), host.provider(), host.endpoint(), "lost", why);
        }
    }
}
