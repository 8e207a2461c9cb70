package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.host.machine.DockerMachine;
import dev.portolan.host.machine.Machine;
import dev.portolan.host.simulated.SimulatedHost;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.host.simulated.SimulatedHosts;
import java.util.List;
import java.util.Optional;

/**
 * The hosts of a lab, whatever provides them: simulated hosts (made and started here),
 * existing engines (a context or an address in the file; only used, never made), and
 * docker-machine hosts (the machine LAB-HOST). Says whether a host is there, makes it,
 * and tells where its engine answers.
 */
final class LabHosts {

    private final DockerClient local;
    private final SimulatedHosts simulated;
    private final DockerMachine machine;
    private final String defaultHostImage;

    LabHosts(DockerClient local, SimulatedHosts simulated, DockerMachine machine, String defaultHostImage) {
        this.local = local;
        this.simulated = simulated;
        this.machine = machine;
        this.defaultHostImage = defaultHostImage;
    }

    SimulatedHosts simulated() {
        return simulated;
    }

    /** The host's engine, connected, when it is there and running; empty when apply must make or start it. */
    Optional<EngineClients> running(LabSpec lab, LabSpec.Host host) {
        return switch (host.provider()) {
            case EXISTING -> Optional.of(connectExisting(host));
            case DOCKER_MACHINE -> machineOf(lab, host).filter(Machine::isRunning)
                    .map(m -> EngineClients.connect(machine(host).endpoint(m.name())));
            case SIMULATED -> simulated.find(lab.name(), host.name()).filter(SimulatedHost::isRunning)
                    .map(h -> EngineClients.connect(h.endpoint()));
        };
    }

    /** Makes the host, or starts it when it is there but stopped. */
    void make(LabSpec lab, LabSpec.Host host) {
        if (host.provider() == LabSpec.Provider.DOCKER_MACHINE) {
            String name = machineName(lab, host.name());
            if (machineOf(lab, host).isPresent()) {
                machine(host).start(name, line -> { }, Progress.NONE);
            } else {
                machine(host).create(name, host.driver() == null ? "virtualbox" : host.driver(), List.of(), line -> { },
                        Progress.NONE);
            }
            return;
        }
        SimulatedHost existing = simulated.find(lab.name(), host.name()).orElse(null);
        if (existing != null) {
            simulated.start(existing, Progress.NONE);
            return;
        }
        simulated.create(new SimulatedHostSpec(lab.name(), host.name(), host.image() == null ? defaultHostImage : host.image(),
                SimulatedHostSpec.parsePorts(String.join(" ", host.ports()))), Progress.NONE);
    }

    /** Where a lab host's engine answers: a simulated host's TLS API, a machine's, or the existing engine the file names. */
    EngineEndpoint endpointOf(LabSpec lab, String host) {
        LabSpec.Host spec = lab.hosts().stream().filter(h -> h.name().equals(host)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no host " + host + " in lab " + lab.name()));
        return switch (spec.provider()) {
            case EXISTING -> existingEndpoint(spec);
            case DOCKER_MACHINE -> machine(spec).endpoint(machineName(lab, host));
            case SIMULATED -> simulated.find(lab.name(), host)
                    .orElseThrow(() -> new IllegalStateException(host + " is not made yet")).endpoint();
        };
    }

    /** endpoint: a docker context's name, or an address such as unix:///var/run/docker.sock. */
    private EngineEndpoint existingEndpoint(LabSpec.Host spec) {
        String endpoint = spec.endpoint().strip();
        if (endpoint.contains("://")) {
            return new EngineEndpoint(spec.name(), EndpointResolver.parseHost(endpoint, "Host " + spec.name()), null, "lab file");
        }
        return simulated.contexts().read(endpoint);
    }

    /** An existing engine, connected and answering; a clear message when it does not. */
    EngineClients connectExisting(LabSpec.Host spec) {
        EngineEndpoint endpoint = existingEndpoint(spec);
        EngineClients engine = EngineClients.connect(endpoint);
        try {
            engine.ping();
        } catch (RuntimeException e) {
            engine.close();
            throw new InvalidInputException("Host " + spec.name() + ": " + EngineErrors.unreachable(endpoint, e));
        }
        return engine;
    }

    /** A simulated host's address on its lab network, where the other hosts of the lab reach it. */
    String address(LabSpec lab, String host) {
        SimulatedHost found = simulated.find(lab.name(), host).orElseThrow();
        var networks = local.inspectContainerCmd(found.containerId()).exec().getNetworkSettings().getNetworks();
        var onLab = networks.get(SimulatedHosts.networkName(lab.name()));
        if (onLab == null || onLab.getIpAddress() == null) {
            throw new IllegalStateException(host + " is not on its lab network " + SimulatedHosts.networkName(lab.name()));
        }
        return onLab.getIpAddress();
    }

    /** A docker-machine host of a lab is the machine named LAB-HOST. */
    static String machineName(LabSpec lab, String host) {
        return lab.name() + "-" + host;
    }

    DockerMachine machine(LabSpec.Host host) {
        if (machine == null) {
            throw new InvalidInputException("Host " + host.name() + ": docker-machine is not installed here. Install it,"
                    + " or change the host to provider: simulated (a Docker-in-Docker host on this computer).");
        }
        return machine;
    }

    /** The machine of a docker-machine host when it exists, with its state. */
    Optional<Machine> machineOf(LabSpec lab, LabSpec.Host host) {
        String name = machineName(lab, host.name());
        return machine(host).list().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
