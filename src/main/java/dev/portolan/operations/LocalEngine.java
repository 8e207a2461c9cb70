package dev.portolan.operations;

import dev.portolan.app.Settings;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EngineClients;
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
public final class LocalEngine {

    private final String name;
    private final Supplier<EngineClients> clients;
    private final Path configDir;
    private final DockerContexts contexts;

    /**
     * @param clients   the local engine's clients while connected, null while not
     * @param configDir where labs keep their CA and their hosts' certificates
     * @param contexts  the docker CLI's context store the hosts are registered in
     */
    public LocalEngine(String name, Supplier<EngineClients> clients, Path configDir, DockerContexts contexts) {
        this.name = name;
        this.clients = clients;
        this.configDir = configDir;
        this.contexts = contexts;
    }

    private EngineClients clients() {
        EngineClients now = clients.get();
        if (now == null) {
            throw new HostNotConnectedException("The " + name + ", where simulated hosts run,");
        }
        return now;
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
