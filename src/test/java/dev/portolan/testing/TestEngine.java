package dev.portolan.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineEndpoint;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real engine the tests run against (found as the app finds it), and helpers that
 * make and clean up only what the tests own: everything they make carries the label
 * {@value #LABEL}.
 */
public final class TestEngine implements AutoCloseable {

    public static final String LABEL = "dev.portolan.test";
    public static final String BUSYBOX = "portolan-test/busybox";
    public static final String DIND = "portolan-test/dind";

    private final EngineEndpoint endpoint;
    private final EngineClients clients;

    public TestEngine() {
        endpoint = EndpointResolver.forThisProcess().resolve();
        clients = EngineClients.connect(endpoint);
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    public EngineClients clients() {
        return clients;
    }

    public DockerClient docker() {
        return clients.requests();
    }

    /**
     * Waits until the engine answers this client again after it restarted: the client's
     * pooled connection to the old engine fails once ("Broken pipe") before a new one is made.
     */
    public void awaitAnswering() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                docker().pingCmd().exec();
                return;
            } catch (RuntimeException stale) {
                if (System.nanoTime() > deadline) throw stale;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stale;
                }
            }
        }
    }

    /** A port of 127.0.0.1 that nothing listens on (now). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A sleeper that ends at once on SIGTERM, as a well-behaved service does (busybox sleep as PID 1 would not). */
    public static final List<String> SLEEPER = List.of("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait");

    /** Creates (not starts) a busybox container running {@code command}. */
    public String create(String name, String... command) {
        return docker().createContainerCmd(BUSYBOX).withName(name).withLabels(Map.of(LABEL, "true"))
                .withCmd(command.length == 0 ? SLEEPER : List.of(command))
                .withHostConfig(HostConfig.newHostConfig()).withStopTimeout(1).exec().getId();
    }

    /** Creates and starts a busybox container that sleeps. */
    public String runSleeper(String name) {
        String id = create(name);
        docker().startContainerCmd(id).exec();
        return id;
    }

    /** Creates a volume named {@code prefix-XXXXXXXX}, labelled as the tests', and returns its name. */
    public String volume(String prefix) {
        String name = uniqueName(prefix);
        docker().createVolumeCmd().withName(name).withLabels(Map.of(LABEL, "true")).exec();
        return name;
    }

    /** Removes every container, volume and network the tests made. */
    public void cleanUp() {
        var filter = List.of(LABEL);
        for (var c : docker().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
            try {
                docker().removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // removed meanwhile
            }
        }
        for (var n : docker().listNetworksCmd().exec()) {
            if (n.getLabels() != null && n.getLabels().containsKey(LABEL)) docker().removeNetworkCmd(n.getId()).exec();
        }
        var volumes = docker().listVolumesCmd().exec().getVolumes();
        if (volumes != null) {
            for (var v : volumes) {
                if (v.getLabels() != null && v.getLabels().containsKey(LABEL)) docker().removeVolumeCmd(v.getName()).exec();
            }
        }
    }

    /** Removes the simulated hosts of a lab a test made: containers, data volumes, the lab network. */
    public void removeLab(String lab) {
        var filter = java.util.Map.of(dev.portolan.host.Ownership.LAB, lab);
        for (var c : docker().listContainersCmd().withShowAll(true).withLabelFilter(filter).exec()) {
            quietly(() -> docker().removeContainerCmd(c.getId()).withForce(true).exec());
        }
        var volumes = docker().listVolumesCmd().exec().getVolumes();
        if (volumes != null) {
            volumes.stream().filter(v -> v.getLabels() != null && lab.equals(v.getLabels().get(dev.portolan.host.Ownership.LAB)))
                    .forEach(v -> quietly(() -> docker().removeVolumeCmd(v.getName()).exec()));
        }
        docker().listNetworksCmd().withNameFilter("portolan-" + lab).exec()
                .forEach(n -> quietly(() -> docker().removeNetworkCmd(n.getId()).exec()));
    }

    /** Runs a removal that may find its target gone already (the app removed it meanwhile). */
    private static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException gone) {
            // removed meanwhile
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
