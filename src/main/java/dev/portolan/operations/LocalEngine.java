package dev.portolan.operations;

import dev.portolan.app.Settings;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.lab.Labs;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The local engine and what Portolan makes on it: its simulated hosts and the labs on
 * them. The one place that builds {@link Labs}, so the window's Apply and `portolan apply`
 * use the same defaults: the host image of the shared {@link Settings}, the image
 * substitutes of the environment, docker-machine where it is installed.
 */
public final class LocalEngine implements AutoCloseable {

    private final String name;
    private final EngineEndpoint endpoint;
    private final Supplier<EngineClients> clients;
    /** The connection this object opened itself (the command line's), closed with it; null when borrowed. */
    private final EngineClients owned;
    private final Path configDir;
    private final DockerContexts contexts;

    /**
     * The local engine through a connection someone else keeps (the window's watcher).
     *
     * @param endpoint  where it answers, or null while not known
     * @param clients   the local engine's clients while connected, null while not
     * @param configDir where labs keep their CA and their hosts' certificates
     * @param contexts  the docker CLI's context store the hosts are registered in
     */
    public LocalEngine(String name, EngineEndpoint endpoint, Supplier<EngineClients> clients, Path configDir,
            DockerContexts contexts) {
        this(name, endpoint, clients, null, configDir, contexts);
    }

    private LocalEngine(String name, EngineEndpoint endpoint, Supplier<EngineClients> clients, EngineClients owned,
            Path configDir, DockerContexts contexts) {
        this.name = name;
        this.endpoint = endpoint;
        this.clients = clients;
        this.owned = owned;
        this.configDir = configDir;
        this.contexts = contexts;
    }

    /**
     * Connects to the local engine the way the docker CLI finds it, for a caller's whole run
     * (a `portolan` command); closing this closes the connection.
     */
    public static LocalEngine connect(EndpointResolver resolver, Path configDir) {
        EngineEndpoint endpoint = resolver.resolve();
        EngineClients clients = EngineClients.connect(endpoint);
        return new LocalEngine("local engine", endpoint, () -> clients, clients, configDir,
                new DockerContexts(resolver.dockerConfigDir()));
    }

    /** Where the local engine answers. */
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** Every host Portolan knows, this engine's simulated hosts among them. */
    public HostRegistry registry() {
        return new HostRegistry(configDir, DockerMachine.fromEnvironment());
    }

    @Override
    public void close() {
        if (owned != null) owned.close();
    }

    private EngineClients clients() {
        EngineClients now = clients.get();
        if (now == null) {
            throw new HostNotConnectedException("The " + name + ", where simulated hosts run,");
        }
        return now;
    }

    /** The local engine's own operations: what is done to a simulated host's container. */
    public HostOperations operations() {
        return new HostOperations(name, this::clients);
    }

    /**
     * New certificates for a simulated host (named LAB/HOST), its engine restarted to use
     * them, its containers kept; a sentence when there is no such host.
     */
    public dev.portolan.host.simulated.SimulatedHost renewCertificates(String host, dev.portolan.host.Progress progress) {
        var found = simulatedHost(host);
        if (found.isEmpty()) {
            throw new dev.portolan.engine.InvalidInputException("There is no simulated host " + host + ": certificates are renewed "
                    + "for simulated hosts, named LAB/HOST as `portolan hosts` lists them.");
        }
        return simulatedHosts().renewCertificates(found.get(), progress);
    }

    /** The simulated host named LAB/HOST, as `portolan hosts` names it; empty for any other name. */
    public java.util.Optional<dev.portolan.host.simulated.SimulatedHost> simulatedHost(String name) {
        int slash = name.indexOf('/');
        return slash > 0 ? simulatedHosts().find(name.substring(0, slash), name.substring(slash + 1)) : java.util.Optional.empty();
    }

    /** Where a simulated host's lab mates reach it: its address on its lab network (a Swarm advertises it). */
    public java.util.Optional<String> labAddressOf(String host) {
        return simulatedHost(host).map(found -> {
            var networks = clients().requests().inspectContainerCmd(found.containerId()).exec().getNetworkSettings().getNetworks();
            var onLab = networks.get(SimulatedHosts.networkName(found.lab()));
            return onLab == null ? null : onLab.getIpAddress();
        });
    }

    public SimulatedHosts simulatedHosts() {
        return new SimulatedHosts(clients().requests(), configDir, contexts);
    }

    /** Labs with the shared defaults. */
    public Labs labs() {
        return labs(Settings.current().hostImage());
    }

    /** Labs whose hosts that name no image run {@code hostImage}. */
    public Labs labs(String hostImage) {
        EngineClients local = clients();
        return new Labs(local.requests(), new SimulatedHosts(local.requests(), configDir, contexts), hostImage,
                DockerMachine.fromEnvironment().orElse(null));
    }
}
