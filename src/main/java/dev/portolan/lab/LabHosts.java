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
                    .map(this::connectAnswering);
        };
    }

    /**
     * The clients of a running host whose engine answers. One its restart policy has just
     * started again runs before its engine listens: then, and only then, wait for it. The
     * check is a ping on the client the caller's requests go through (its connection is
     * reused), not a connection of its own.
     */
    private EngineClients connectAnswering(SimulatedHost host) {
        EngineClients clients = EngineClients.connect(host.endpoint());
        try {
            clients.requests().pingCmd().exec();
            return clients;
        } catch (RuntimeException notYet) {
            clients.close();
            simulated.waitUntilAnswering(host, Progress.NONE);
            return EngineClients.connect(host.endpoint());
        }
    }

    /**
     * What apply must do to bring a host up that does not answer: start it when it is there
     * but stopped, make a simulated host again from its kept data volume, or create it.
     */
    LabStep.HostStep bringUp(LabSpec lab, LabSpec.Host host) {
        return switch (host.provider()) {
            case EXISTING -> throw new IllegalStateException("an existing engine is used, never made");
            case DOCKER_MACHINE -> machineOf(lab, host)
                    .<LabStep.HostStep>map(m -> new LabStep.StartHost(host.name(), host, m.state()))
                    .orElseGet(() -> new LabStep.CreateHost(host.name(), host));
            case SIMULATED -> {
                var found = simulated.find(lab.name(), host.name());
                if (found.isPresent()) yield new LabStep.StartHost(host.name(), host, found.get().state());
                if (simulated.hasKeptData(lab.name(), host.name())) yield new LabStep.RemakeHost(host.name(), host);
                yield new LabStep.CreateHost(host.name(), host);
            }
        };
    }

    /** Makes the host, or starts it when it is there but stopped (a running one is left as it is). */
    void make(LabSpec lab, LabSpec.Host host) {
        if (host.provider() == LabSpec.Provider.DOCKER_MACHINE) {
            String name = machineName(lab, host.name());
            if (machineOf(lab, host).isPresent()) {
                machine(host).start(name, line -> { }, Progress.NONE);
            } else {
                machine(host).create(name, host.driver() == null ? "virtualbox" : host.driver(), machineFlags(host), line -> { },
                        Progress.NONE);
            }
            return;
        }
        SimulatedHost existing = simulated.find(lab.name(), host.name()).orElse(null);
        if (existing != null) {
            if (!existing.isRunning()) simulated.start(existing, Progress.NONE);
            return;
        }
        simulated.create(new SimulatedHostSpec(lab.name(), host.name(), host.image() == null ? defaultHostImage : host.image(),
                SimulatedHostSpec.parsePorts(String.join(" ", host.ports())), size(host)), Progress.NONE);
    }

    /** A lab host's size as a simulated host takes it. */
    static SimulatedHostSpec.Size size(LabSpec.Host host) {
        return new SimulatedHostSpec.Size(host.cpus(), host.memory() == null ? null : dev.portolan.app.Sizes.parse(host.memory()),
                host.labels());
    }

    /**
     * docker-machine's flags for a host's size and labels: engine labels for any driver, CPUs and
     * memory (MB) for the drivers whose flags are known.
     */
    static List<String> machineFlags(LabSpec.Host host) {
        List<String> flags = new java.util.ArrayList<>();
        new java.util.TreeMap<>(host.labels()).forEach((k, v) -> flags.addAll(List.of("--engine-label", k + "=" + v)));
        String driver = host.driver() == null ? "virtualbox" : host.driver();
        String prefix = switch (driver) {
            case "virtualbox", "hyperv", "vmwarefusion", "vmwareworkstation", "parallels" -> "--" + driver;
            default -> null;
        };
        if (prefix != null && host.cpus() != null) flags.addAll(List.of(prefix + "-cpu-count", String.valueOf((int) Math.ceil(host.cpus()))));
        if (prefix != null && host.memory() != null) {
            flags.addAll(List.of(prefix + (driver.equals("vmwarefusion") || driver.equals("vmwareworkstation") ? "-memory-size" : "-memory"),
                    String.valueOf(dev.portolan.app.Sizes.parse(host.memory()) / (1024 * 1024))));
        }
        return flags;
    }

    /** What a host of the lab is now, whatever provides it, with the reason. */
    LabHostStatus status(LabSpec lab, LabSpec.Host host) {
        String provider = host.provider().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return switch (host.provider()) {
            case SIMULATED -> {
                var condition = simulated.condition(lab.name(), host.name());
                yield new LabHostStatus(host.name(), provider, condition.state().word(), condition.reason());
            }
            case DOCKER_MACHINE -> {
                if (machine == null) yield new LabHostStatus(host.name(), provider, "unknown", "docker-machine is not installed here");
                yield machineOf(lab, host)
                        .map(m -> new LabHostStatus(host.name(), provider, m.isRunning() ? "running" : m.hasError() ? "lost" : "stopped",
                                "machine " + m.name() + " is " + m.state() + (m.error().isBlank() ? "" : ": " + m.error())))
                        .orElse(new LabHostStatus(host.name(), provider, "absent", "machine " + machineName(lab, host.name())
                                + " does not exist yet"));
            }
            case EXISTING -> {
                try (EngineClients engine = connectExisting(host)) {
                    yield new LabHostStatus(host.name(), provider, "running", "its engine answers at " + engine.endpoint().address());
                } catch (RuntimeException e) {
                    yield new LabHostStatus(host.name(), provider, "lost", e.getMessage());
                }
            }
        };
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

    /**
     * Where the other hosts of the lab reach {@code host}: a simulated host's address on its
     * lab network; an existing host's as the lab file gives it.
     */
    String address(LabSpec lab, String host) {
        LabSpec.Host spec = lab.hosts().stream().filter(h -> h.name().equals(host)).findFirst().orElseThrow();
        if (spec.provider() == LabSpec.Provider.EXISTING && spec.address() != null) return spec.address().strip();
        SimulatedHost found = simulated.find(lab.name(), host).orElseThrow(() -> new InvalidInputException("Host " + host
                + " is not a simulated host: a swarm with it needs address: in the lab file, where the other hosts reach it."));
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
