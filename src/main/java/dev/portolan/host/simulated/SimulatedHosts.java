package dev.portolan.host.simulated;

import static dev.portolan.app.Futures.join;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import dev.portolan.host.tls.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
    private static final Map<String, Object> LAB_LOCKS = new ConcurrentHashMap<>();

    private final DockerClient docker;
    private final Path configDir;
    private final DockerContexts contexts;

    /**
     * @param configDir where labs keep their CA and the hosts' certificates
     * @param contexts  the docker CLI's context store the hosts are registered in
     */
    /** The docker contexts the hosts are registered in (and where existing engines are looked up). */
    public DockerContexts contexts() {
        return contexts;
    }

    public SimulatedHosts(DockerClient docker, Path configDir, DockerContexts contexts) {
        this.docker = docker;
        this.configDir = configDir;
        this.contexts = contexts;
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
        Map<String, String> labels = c.getLabels();
        String lab = labels.get(Ownership.LAB);
        String name = labels.get(Ownership.HOST);
        int port = 0;
        if (c.getPorts() != null) {
            for (var p : c.getPorts()) {
                if (p.getPrivatePort() != null && p.getPrivatePort() == HostLauncher.API_PORT && p.getPublicPort() != null) {
                    port = p.getPublicPort();
                }
            }
        }
        return new SimulatedHost(lab, name, c.getId(), c.getState(), port, labels.getOrDefault(Ownership.PRIVILEGE, "?"),
                c.getImage(), hostDir(lab, name).resolve("client"));
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
            checkPortsAreFree(spec);
            Path dir = hostDir(spec.lab(), spec.name());
            String volume = volumeName(spec.lab(), spec.name());
            Object labLock = LAB_LOCKS.computeIfAbsent(spec.lab(), l -> new Object());
            String network = networkName(spec.lab());
            HostLauncher launcher;
            try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<?> image = parallel.submit(() -> checkImage(spec.image()));
                Future<?> name = parallel.submit(() -> checkNameIsFree(spec));
                Future<HostLauncher> launcherReady = parallel.submit(() -> new HostLauncher(docker));
                join(image);
                join(name);
                undo.push(() -> deleteQuietly(dir));
                Future<?> certificates = parallel.submit(() -> makeCertificates(spec, dir, labLock));
                Future<Boolean> networkMade = parallel.submit(() -> new LabNetworks(docker).ensure(spec.lab(), labLock));
                Future<Boolean> volumeMade = parallel.submit(() -> makeVolume(spec, volume));
                if (join(networkMade)) undo.push(() -> new LabNetworks(docker).removeIfUnused(spec.lab()));
                if (join(volumeMade)) undo.push(() -> docker.removeVolumeCmd(volume).exec());
                join(certificates);
                launcher = join(launcherReady);
            }
            progress.checkCancelled();

            progress.step("Creating and starting the container");
            var launched = launcher.launch(
                    new HostLauncher.Plan(spec, network, volume, dir.resolve("server")),
                    id -> undo.push(() -> removeContainer(id)));
            progress.step("Started (" + launched.privilege() + "); waiting for the TLS API");
            SimulatedHost host = find(spec.lab(), spec.name()).orElseThrow();
            waitUntilReady(host, progress);

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

    private void makeCertificates(SimulatedHostSpec spec, Path dir, Object labLock) {
        CertificateAuthority ca;
        synchronized (labLock) { // hosts of one lab made at once share one CA, made once
            ca = CertificateAuthority.loadOrCreate(configDir.resolve("labs").resolve(spec.lab()).resolve("ca"), spec.lab());
        }
        ca.issueServer(dir.resolve("server"), spec.name(),
                List.of(spec.name(), spec.containerName(), "localhost", "127.0.0.1"));
        ca.issueClient(dir.resolve("client"), "portolan");
    }

    /** Makes the host's data volume unless a kept one is there; true when made now. */
    private boolean makeVolume(SimulatedHostSpec spec, String volume) {
        if (volumeExists(volume)) return false;
        docker.createVolumeCmd().withName(volume).withLabels(Map.of(Ownership.LAB, spec.lab(),
                Ownership.HOST, spec.name(), Ownership.ROLE, "host-data")).exec();
        return true;
    }


    public java.util.Optional<SimulatedHost> find(String lab, String name) {
        return list().stream().filter(h -> h.lab().equals(lab) && h.name().equals(name)).findFirst();
    }

    public SimulatedHost start(SimulatedHost host, Progress progress) {
        docker.startContainerCmd(host.containerId()).exec();
        SimulatedHost started = find(host.lab(), host.name()).orElseThrow();
        waitUntilReady(started, progress);
        // the API port is chosen anew at each start: keep the context pointing at it
        contexts.write(started.contextName(), started.endpoint(), "Portolan simulated host " + host.lab() + "/" + host.name());
        return started;
    }

    public void stop(SimulatedHost host) {
        docker.stopContainerCmd(host.containerId()).withTimeout(10).exec();
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
        removeContainer(host.containerId());
        contexts.remove(host.contextName());
        deleteQuietly(hostDir(host.lab(), host.name()));
        if (!keepData) {
            try {
                docker.removeVolumeCmd(volumeName(host.lab(), host.name())).exec();
            } catch (NotFoundException gone) {
                // removed by hand meanwhile
            }
        }
        new LabNetworks(docker).removeIfUnused(host.lab());
    }

    /**
     * Removes a lab's network once its last host is gone. The engine may still list a
     * removed container's endpoint for a moment, so this looks again a few times.
     */
    public void removeLabNetwork(String lab) {
        LabNetworks networks = new LabNetworks(docker);
        for (int attempt = 0; attempt < 10 && networks.exists(lab); attempt++) {
            networks.removeIfUnused(lab);
            if (!networks.exists(lab)) return;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void waitUntilReady(SimulatedHost host, Progress progress) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int tries = 0;
        try (var pinger = EngineClients.pinger(host.endpoint())) {
            while (true) {
                progress.checkCancelled();
                try {
                    pinger.pingCmd().exec();
                    return;
                } catch (RuntimeException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(host.name() + "'s API did not answer within 60 s. " + lastLog(host));
                    }
                }
                if (++tries % 20 == 0) { // about every 200 ms: did it die meanwhile?
                    var state = docker.inspectContainerCmd(host.containerId()).exec().getState();
                    if (!Boolean.TRUE.equals(state.getRunning())) {
                        throw new IllegalStateException(host.name() + " stopped while starting (exit code "
                                + state.getExitCodeLong() + "). " + lastLog(host));
                    }
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        } catch (IOException e) {
            LOG.debug("closing the readiness client failed", e);
        }
    }

    private String lastLog(SimulatedHost host) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            docker.logContainerCmd(host.containerId()).withStdErr(true).withStdOut(true).withTail(3)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            lines.add(new String(frame.getPayload()).strip());
                        }
                    }).awaitCompletion(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            return "";
        }
        return lines.isEmpty() ? "" : "Its log ends: " + String.join(" | ", lines);
    }

    private void checkImage(String image) {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            throw new InvalidInputException("The image " + image + " is not on the local engine. Pull it "
                    + "(docker pull " + image + ") or choose another; without a registry, build portolan-test/dind "
                    + "with src/test/engine/prepare-engine.sh.");
        }
    }

    private void checkNameIsFree(SimulatedHostSpec spec) {
        boolean taken = !docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("^/" + spec.containerName() + "$")).exec().isEmpty();
        if (taken) {
            throw new InvalidInputException("A host named " + spec.name() + " already exists in lab " + spec.lab()
                    + " (container " + spec.containerName() + "). Choose another name, or remove that host first.");
        }
    }

    private static void checkPortsAreFree(SimulatedHostSpec spec) {
        for (var mapping : spec.ports()) {
            try (ServerSocket probe = new ServerSocket(mapping.laptopPort(), 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new InvalidInputException("Port " + mapping.laptopPort() + " on 127.0.0.1 is already in use "
                        + "by another program. Choose another port for " + mapping.text() + ".");
            }
        }
    }

    private boolean volumeExists(String name) {
        try {
            docker.inspectVolumeCmd(name).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void removeContainer(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // already gone
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            DockerContexts.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
