package dev.portolan.host.simulated;

import static dev.portolan.app.Futures.join;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.app.Futures;
import dev.portolan.engine.DockerContexts;
import dev.portolan.host.Ownership;
import dev.portolan.host.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Taking simulated hosts down, and what they leave: their containers, docker contexts and
 * certificates, their data volumes when asked (never otherwise), the lab network with the
 * lab's last host, and a lab's CA once nothing of the lab is left.
 */
final class HostRemoval {

    private final DockerClient docker;
    private final Path configDir;
    private final DockerContexts contexts;

    HostRemoval(DockerClient docker, Path configDir, DockerContexts contexts) {
        this.docker = docker;
        this.configDir = configDir;
        this.contexts = contexts;
    }

    /**
     * Removes the host's container, context and certificates; its data volume only when
     * {@code keepData} is false. The lab network goes with the lab's last host, side by side
     * with its volume (the engine takes 150-300 ms to take a network down).
     */
    void remove(SimulatedHost host, boolean keepData) {
        removeContainer(host.containerId());
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> network = parallel.submit(() -> new LabNetworks(docker).removeIfUnused(host.lab()));
            forget(host, keepData);
            join(network);
        }
    }

    /**
     * Removes a lab's simulated hosts side by side; unless {@code keepData}, also their data
     * volumes, those an earlier destroy kept, and then the lab's folder on this computer (see
     * {@link #forgetLab}). The lab network goes as soon as the containers are gone, beside the
     * data's removal rather than after it.
     */
    void removeLab(String lab, List<SimulatedHost> hosts, boolean keepData, Progress progress) {
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> kept = parallel.submit(() -> {
                if (keepData) return;
                dataVolumes(lab).forEach((host, volume) -> {
                    if (hosts.stream().anyMatch(h -> h.name().equals(host))) return; // goes with its host
                    progress.step("remove the kept data volume " + volume);
                    removeDataVolume(volume);
                });
            });
            List<Future<?>> containers = new ArrayList<>();
            List<Future<?>> rest = new ArrayList<>();
            for (SimulatedHost host : hosts) {
                Future<?> container = parallel.submit(() -> {
                    progress.step(host.name() + ": remove simulated host" + (keepData ? " (its data volume is kept)" : " and its data"));
                    removeContainer(host.containerId());
                });
                containers.add(container);
                rest.add(parallel.submit(() -> {
                    join(container); // a volume still in use is not removed
                    forget(host, keepData);
                }));
            }
            containers.forEach(Futures::join);
            Future<?> network = parallel.submit(() -> new LabNetworks(docker).removeOnceGone(lab));
            rest.forEach(Futures::join);
            join(kept);
            if (!keepData) forgetLab(lab);
            join(network);
        }
    }

    /**
     * Removes the lab's folder on this computer (its CA, key included, and its hosts'
     * certificates) once nothing of the lab is left on the engine. A destroy that keeps the
     * data keeps it too.
     */
    private void forgetLab(String lab) {
        Path labs = configDir.resolve("labs");
        Path dir = labs.resolve(lab).normalize();
        if (!labs.equals(dir.getParent())) return; // a name that is not one folder's
        // every host of the lab, running, stopped, being made or removed with its data kept, has its data volume
        if (!dataVolumes(lab).isEmpty()) return;
        HostCertificates.delete(dir);
    }

    /**
     * Removes the data volume a destroy kept of a host whose container is gone, and the lab's
     * CA and certificates once nothing of the lab is left.
     */
    void removeKeptData(String lab, String host) {
        removeDataVolume(SimulatedHosts.volumeName(lab, host));
        forgetLab(lab);
    }

    /** What a host leaves behind once its container is gone: context, certificates, and its data unless kept. */
    private void forget(SimulatedHost host, boolean keepData) {
        if (!keepData) removeDataVolume(SimulatedHosts.volumeName(host.lab(), host.name()));
        contexts.remove(host.contextName());
        HostCertificates.delete(SimulatedHosts.hostDir(configDir, host.lab(), host.name()));
    }

    /**
     * The data volumes of a lab's hosts, by host name, whether or not their containers are
     * there: after a destroy that kept them, what a later `destroy --remove-volumes` still has to take.
     */
    Map<String, String> dataVolumes(String lab) {
        return dataVolumes(List.of(Ownership.LAB + "=" + lab, Ownership.ROLE + "=" + Ownership.HOST_DATA)).getOrDefault(lab, Map.of());
    }

    /** Every lab's hosts' data volumes: by lab, then by host name. */
    Map<String, Map<String, String>> dataVolumesByLab() {
        return dataVolumes(List.of(Ownership.ROLE + "=" + Ownership.HOST_DATA));
    }

    private Map<String, Map<String, String>> dataVolumes(List<String> labels) {
        var volumes = docker.listVolumesCmd().withFilter("label", labels).exec().getVolumes();
        Map<String, Map<String, String>> byLab = new java.util.TreeMap<>();
        for (var v : volumes == null ? List.<com.github.dockerjava.api.command.InspectVolumeResponse>of() : volumes) {
            Map<String, String> of = v.getLabels() == null ? Map.of() : v.getLabels();
            byLab.computeIfAbsent(of.getOrDefault(Ownership.LAB, ""), lab -> new java.util.TreeMap<>())
                    .put(of.getOrDefault(Ownership.HOST, v.getName()), v.getName());
        }
        return byLab;
    }

    /** Removes a host's data volume; one removed by hand meanwhile is gone already. */
    void removeDataVolume(String name) {
        try {
            docker.removeVolumeCmd(name).exec();
        } catch (NotFoundException gone) {
            // removed by hand meanwhile
        }
    }

    /** Removes a container, forced; one gone already is fine. */
    void removeContainer(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException gone) {
            // already gone
        }
    }
}
