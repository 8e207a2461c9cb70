package dev.portolan.host.simulated;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.app.Futures;
import dev.portolan.host.Ownership;
import java.util.List;
import java.util.Map;

/**
 * One bridge network per lab on the local engine, so a lab's hosts reach each other by
 * name. The engine allows two networks of one name, so creation is serialised per lab.
 */
final class LabNetworks {

    private final DockerClient docker;

    LabNetworks(DockerClient docker) {
        this.docker = docker;
    }

    /** Makes the lab network when missing; true when made now. */
    boolean ensure(String lab, Object labLock) {
        String name = SimulatedHosts.networkName(lab);
        synchronized (labLock) {
            if (!find(name).isEmpty()) return false;
            docker.createNetworkCmd().withName(name).withDriver("bridge").withAttachable(true)
                    .withLabels(Map.of(Ownership.LAB, lab, Ownership.ROLE, "lab-network")).exec();
            return true;
        }
    }

    /** Removes the lab network when no container is attached to it any more. */
    void removeIfUnused(String lab) {
        for (var network : find(SimulatedHosts.networkName(lab))) {
            try {
                var inspected = docker.inspectNetworkCmd().withNetworkId(network.getId()).exec();
                if (inspected.getContainers() == null || inspected.getContainers().isEmpty()) {
                    docker.removeNetworkCmd(network.getId()).exec();
                }
            } catch (NotFoundException gone) {
                // removed meanwhile (hosts of a lab are removed side by side)
            } catch (com.github.dockerjava.api.exception.DockerException stillUsed) {
                // "has active endpoints": a host removed at the same moment is still leaving it; that host's
                // removal, or removeOnceGone, takes it
                if (!String.valueOf(stillUsed.getMessage()).contains("active endpoints")) throw stillUsed;
            }
        }
    }

    private List<com.github.dockerjava.api.model.Network> find(String name) {
        return docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name) && n.getLabels() != null && n.getLabels().containsKey(Ownership.LAB))
                .toList();
    }

    /**
     * Removes a lab's network once its last host is gone. The engine may still list a
     * removed container's endpoint for a moment, so this looks again a few times. One
     * inspect by name a look: this is the end of a lab's destroy.
     */
    void removeOnceGone(String lab) {
        String name = SimulatedHosts.networkName(lab);
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                var network = docker.inspectNetworkCmd().withNetworkId(name).exec();
                var labels = network.getLabels();
                if (labels == null || !lab.equals(labels.get(Ownership.LAB))) return; // a network of that name, not the lab's
                if (network.getContainers() == null || network.getContainers().isEmpty()) {
                    docker.removeNetworkCmd(network.getId()).exec();
                    return;
                }
            } catch (NotFoundException gone) {
                return;
            } catch (com.github.dockerjava.api.exception.DockerException e) {
                String message = String.valueOf(e.getMessage());
                if (message.contains("ambiguous")) { // two of that name, made by hand: each looked at by its id
                    removeIfUnused(lab);
                } else if (!message.contains("active endpoints")) {
                    throw e;
                }
            }
            Futures.pause(100);
        }
    }
}
