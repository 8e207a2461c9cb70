package dev.portolan.host.simulated;

import static dev.portolan.app.Futures.join;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.portolan.app.Futures;
import dev.portolan.engine.DockerContexts;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulated hosts: Docker-in-Docker containers on the local engine, one lab network per
 * lab, the host's /var/lib/docker in a named volume, its API on 127.0.0.1 over mutual
 * TLS, and a docker context per host. Everything made carries {@link Ownership} labels.
 * Blocking: call off the FX thread.
 */
public final class SimulatedHosts {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHosts.class);
    /** Hosts of one lab made at once: the engine allows two networks of one name, so the first makes it. */
    private static final Map<String, Object> NETWORK_LOCKS = new ConcurrentHashMap<>();

    private final DockerClient docker;
    private final Path configDir;
    private final DockerContexts contexts;
    /** Package-visible so that a test can shorten its patience. */
    final HostReadiness readiness;
    private final HostChecks checks;
    private final HostCertificates certificates;
    private final HostRemoval removal;
    /** Made on first use: it asks the engine for its id (/info, which the engine answers by running runc and docker-init). */
    private volatile HostLauncher launcher;

    /** The docker contexts the hosts are registered in (and where existing engines are looked up). */
    public DockerContexts contexts() {
        return contexts;
    }

    /**
     * @param configDir where labs keep their CA and the hosts' certificates
     * @param contexts  the docker CLI's context store the hosts are registered in
     */
    public SimulatedHosts(DockerClient docker, Path configDir, DockerContexts contexts) {
        this.docker = docker;
        this.configDir = configDir;
        this.contexts = contexts;
        this.readiness = new HostReadiness(docker);
        this.checks = new HostChecks(docker);
        this.certificates = new HostCertificates(configDir);
        this.removal = new HostRemoval(docker, configDir, contexts);
    }

    HostLauncher launcher() {
        HostLauncher made = launcher;
        if (made == null) launcher = made = new HostLauncher(docker);
        return made;
    }

    public static String containerName(String lab, String name) {
        return "portolan-" + lab + "-" + name;
    }

    public static String networkName(String lab) {
        return "portolan-" + lab;
    }

    static String volumeName(String lab, String name) {
        return containerName(lab, name) + "-docker";
    }

    /** Where a host keeps its certificates: server/ (copied into the host) and client/ (for Portolan and the CLI). */
    public Path hostDir(String lab, String name) {
        return hostDir(configDir, lab, name);
    }

    public static Path hostDir(Path configDir, String lab, String name) {
        return configDir.resolve("labs").resolve(lab).resolve("hosts").resolve(name);
    }

    /** Every simulated host on the local engine, running or not. */
    public List<SimulatedHost> list() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(Ownership.ROLE, Ownership.SIMULATED_HOST)).exec().stream()
                .map(this::toHost).sorted(java.util.Comparator.comparing(h -> h.lab() + "/" + h.name())).toList();
    }

    public SimulatedHost toHost(Container c) {
        int published = 0;
        if (c.getPorts() != null) {
            for (var p : c.getPorts()) {
                if (p.getPrivatePort() != null && p.getPrivatePort() == HostLauncher.API_PORT && p.getPublicPort() != null) {
                    published = p.getPublicPort();
                }
            }
        }
        return SimulatedHost.fromContainer(c.getId(), c.getState(), c.getImage(), c.getLabels(), published, configDir)
                .orElseThrow(() -> new IllegalStateException(c.getId() + " is not a simulated host"));
    }

    /**
     * Makes a host and waits until its TLS API answers. On failure or cancel, whatever was
     * made is removed again, and the error says what went wrong.
     */
    public SimulatedHost create(SimulatedHostSpec spec, Progress progress) {
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            // the checks and the preparations are independent: do them side by side
            progress.step("Checking the image " + spec.image() + "; making certificates, network and volume");
            HostChecks.portsAreFree(spec);
            Path dir = hostDir(spec.lab(), spec.name());
            String volume = volumeName(spec.lab(), spec.name());
            Object networkLock = NETWORK_LOCKS.computeIfAbsent(spec.lab(), l -> new Object());
            String network = networkName(spec.lab());
            HostLauncher launcher;
            List<String> entrypoint;
            try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<List<String>> image = parallel.submit(() -> checks.entrypointOf(spec.image()));
                Future<?> name = parallel.submit(() -> checks.nameIsFree(spec));
                Future<HostLauncher> launcherReady = parallel.submit(this::launcher);
                entrypoint = join(image);
                join(name);
                undo.push(() -> HostCertificates.delete(dir));
                Future<?> issued = parallel.submit(() -> certificates.issue(spec.lab(), spec.name(), dir));
                Future<Boolean> networkMade = parallel.submit(() -> new LabNetworks(docker).ensure(spec.lab(), networkLock));
                Future<Boolean> volumeMade = parallel.submit(() -> makeVolume(spec, volume));
                if (join(networkMade)) undo.push(() -> new LabNetworks(docker).removeIfUnused(spec.lab()));
                if (join(volumeMade)) undo.push(() -> docker.removeVolumeCmd(volume).exec());
                join(issued);
                launcher = join(launcherReady);
            }
            progress.checkCancelled();

            progress.step("Creating and starting the container");
            var launched = launcher.launch(
                    new HostLauncher.Plan(spec, network, volume, dir.resolve("server"), 0, entrypoint),
                    id -> undo.push(() -> removal.removeContainer(id)));
            progress.step("Started (" + launched.privilege() + "); waiting for the TLS API");
            // what a list of the engine's containers would say of it, known already: no request before the first ping
            SimulatedHost host = new SimulatedHost(spec.lab(), spec.name(), launched.containerId(), "running",
                    launched.apiPort(), launched.privilege(), spec.image(), dir.resolve("client"));
            readiness.waitUntilReady(host, progress);

            progress.step("Registering the docker context " + host.contextName());
            contexts.write(host.contextName(), host.endpoint(), "Portolan simulated host " + spec.lab() + "/" + spec.name());
            progress.step("Ready");
            return host;
        } catch (RuntimeException e) {
            LOG.info("creating {} failed, rolling back {} steps: {}", spec.containerName(), undo.size(), e.toString());
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException rollback) {
                    LOG.warn("rollback step failed: {}", rollback.toString());
                }
            }
            throw e;
        }
    }

    /** Makes the host's data volume unless a kept one is there; true when made now. */
    private boolean makeVolume(SimulatedHostSpec spec, String volume) {
        if (volumeExists(volume)) return false;
        docker.createVolumeCmd().withName(volume).withLabels(Map.of(Ownership.LAB, spec.lab(),
                Ownership.HOST, spec.name(), Ownership.ROLE, Ownership.HOST_DATA)).exec();
        return true;
    }


    public java.util.Optional<SimulatedHost> find(String lab, String name) {
        return list().stream().filter(h -> h.lab().equals(lab) && h.name().equals(name)).findFirst();
    }

    /**
     * Starts a stopped host and waits until its API answers. Its API port is the one it was
     * made with; when another program took that port meanwhile, the host's container is made
     * again on a new port from its kept data, and its context follows at once.
     */
    public SimulatedHost start(SimulatedHost host, Progress progress) {
        progress.step("Starting " + host.lab() + "/" + host.name());
        try {
            switch (host.state()) {
                // a paused host (a fault, or by hand) is running already: it only needs to go on
                case "paused" -> docker.unpauseContainerCmd(host.containerId()).exec();
                // its engine died and its restart policy is bringing it back: starting it again would be refused
                case "restarting" -> waitWhileRestarting(host);
                default -> docker.startContainerCmd(host.containerId()).exec();
            }
        } catch (com.github.dockerjava.api.exception.DockerException e) {
            String message = dev.portolan.engine.EngineErrors.firstLine(e.getMessage());
            boolean portTaken = message.contains("address already in use") || message.contains("port is already allocated");
            if (!portTaken || host.apiPort() == 0 || ApiPorts.isFree(host.apiPort())) {
                throw new IllegalStateException(host.name() + " would not start: " + message, e);
            }
            LOG.info("{}: API port {} is taken by another program; making its container again on a new port",
                    host.contextName(), host.apiPort());
            progress.step("Port " + host.apiPort() + " is taken by another program: making " + host.name()
                    + " again on a new port, from its kept data");
            return remakeOnNewPort(host, progress);
        }
        SimulatedHost started = find(host.lab(), host.name()).orElseThrow();
        readiness.waitUntilReady(started, progress);
        // an older host's port may have changed; a new one's never does: writing is cheap and always right
        contexts.write(started.contextName(), started.endpoint(), "Portolan simulated host " + host.lab() + "/" + host.name());
        return started;
    }

    /**
     * Waits until a running host's engine answers: one its restart policy has just started
     * again runs before its engine listens. A ping, when it already answers.
     */
    public void waitUntilAnswering(SimulatedHost host, Progress progress) {
        readiness.waitUntilReady(host, progress);
    }

    /** Waits (15 s at most) for the restart policy to bring a host back; one still restarting then is caught by readiness. */
    private void waitWhileRestarting(SimulatedHost host) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline
                && find(host.lab(), host.name()).map(h -> h.state().equals("restarting")).orElse(false)) {
            Futures.pause(200);
        }
    }

    /** The same host (image, ports, data volume, certificates), in a new container with a new API port. */
    private SimulatedHost remakeOnNewPort(SimulatedHost host, Progress progress) {
        var inspected = docker.inspectContainerCmd(host.containerId()).exec();
        List<SimulatedHostSpec.PortMapping> ports = new ArrayList<>();
        var bindings = inspected.getHostConfig().getPortBindings();
        if (bindings != null) {
            bindings.getBindings().forEach((exposed, bound) -> {
                if (exposed.getPort() == HostLauncher.API_PORT || bound == null) return;
                for (var b : bound) ports.add(new SimulatedHostSpec.PortMapping(Integer.parseInt(b.getHostPortSpec()), exposed.getPort()));
            });
        }
        SimulatedHostSpec spec = new SimulatedHostSpec(host.lab(), host.name(), inspected.getConfig().getImage(), ports,
                HostLauncher.sizeOf(inspected));
        removal.removeContainer(host.containerId());
        Path dir = hostDir(host.lab(), host.name());
        if (!HostCertificates.present(dir)) certificates.issue(spec.lab(), spec.name(), dir);
        launcher().launch(new HostLauncher.Plan(spec, networkName(spec.lab()), volumeName(spec.lab(), spec.name()),
                dir.resolve("server"), 0, checks.entrypointOf(spec.image())), id -> { });
        SimulatedHost made = find(host.lab(), host.name()).orElseThrow();
        readiness.waitUntilReady(made, progress);
        contexts.write(made.contextName(), made.endpoint(), "Portolan simulated host " + host.lab() + "/" + host.name());
        return made;
    }

    /** Stops the host, giving its engine time to stop its own containers first. */
    public void stop(SimulatedHost host) {
        docker.stopContainerCmd(host.containerId()).withTimeout(HostLauncher.STOP_GRACE_SECONDS).exec();
    }

    /** Whether its data volume is there: a host whose container was removed can be made again from it. */
    public boolean hasKeptData(String lab, String name) {
        return volumeExists(volumeName(lab, name));
    }

    /**
     * What a host is now, with the reason: running (its API answers), lost (running but
     * not answering), stopped (with its exit code and the end of its log when it failed),
     * removed with its data kept, or absent.
     */
    public HostCondition condition(String lab, String name) {
        SimulatedHost host = find(lab, name).orElse(null);
        if (host != null) return readiness.condition(host);
        return hasKeptData(lab, name)
                ? new HostCondition(HostCondition.State.KEPT_DATA, "its container was removed; its data volume "
                        + volumeName(lab, name) + " is kept, and apply makes it again from it")
                : new HostCondition(HostCondition.State.ABSENT, "not made yet");
    }

    /**
     * Gives the host new server and client certificates from its lab's CA, then restarts its
     * engine to use them: its containers are kept (they live in its data volume) and those
     * with a restart policy run again; its address and context stay. The new certificates are
     * made beside the old ones and take their place only once they are in the container.
     */
    public SimulatedHost renewCertificates(SimulatedHost host, Progress progress) {
        progress.step("Issuing new certificates from the CA of lab " + host.lab());
        certificates.renew(host.lab(), host.name(), hostDir(host.lab(), host.name()), server -> {
            progress.step("Copying them into " + host.lab() + "/" + host.name());
            launcher().handOver.copy(host.containerId(), CertificateHandOver.archive(server));
        });
        progress.step("Restarting its engine with them");
        docker.restartContainerCmd(host.containerId()).withTimeout(HostLauncher.STOP_GRACE_SECONDS).exec();
        SimulatedHost renewed = find(host.lab(), host.name()).orElseThrow();
        readiness.waitUntilReady(renewed, progress);
        contexts.write(renewed.contextName(), renewed.endpoint(), "Portolan simulated host " + host.lab() + "/" + host.name());
        return renewed;
    }

    public SimulatedHost restart(SimulatedHost host, Progress progress) {
        stop(host);
        return start(host, progress);
    }

    /**
     * Removes the host's container, context and certificates; its data volume only when
     * {@code keepData} is false. The lab network goes with the lab's last host.
     */
    public void remove(SimulatedHost host, boolean keepData) {
        removal.remove(host, keepData);
    }

    /**
     * Removes a lab's simulated hosts side by side; unless {@code keepData}, also their data
     * volumes, those an earlier destroy kept, and the lab's CA and certificates on this computer.
     */
    public void removeLab(String lab, boolean keepData, Progress progress) {
        removal.removeLab(lab, list().stream().filter(host -> host.lab().equals(lab)).toList(), keepData, progress);
    }

    /** The data volumes of a lab's hosts, by host name, whether or not their containers are there. */
    public Map<String, String> dataVolumes(String lab) {
        return removal.dataVolumes(lab);
    }

    /**
     * Removes the data a destroy kept of a host that has no container (its images, containers
     * and volumes, all in its data volume): asked for by the user, never done on the side.
     */
    public void removeKeptData(String lab, String name) {
        if (find(lab, name).isPresent()) {
            throw new dev.portolan.engine.InvalidInputException(lab + "/" + name + " still has its container: remove the host,"
                    + " without keeping its data, to remove both.");
        }
        removal.removeKeptData(lab, name);
    }

    /** The data volumes of every lab's hosts: by lab, then by host name; those whose containers were removed too. */
    public Map<String, Map<String, String>> dataVolumesByLab() {
        return removal.dataVolumesByLab();
    }

    private boolean volumeExists(String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
