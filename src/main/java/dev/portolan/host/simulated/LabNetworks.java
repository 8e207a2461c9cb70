package dev.portolan.host.simulated;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
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

    /**
     * Removes the lab network when no container is attached to it any more: one inspect by
     * name. True when it is gone (or the network of that name is not the lab's), false while
     * a container is still attached or leaving it.
     */
    boolean removeIfUnused(String lab) {
        String name = SimulatedHosts.networkName(lab);
        try {
            return removeIfEmpty(name, lab);
        } catch (DockerException e) {
            if (!String.valueOf(e.getMessage()).contains("ambiguous")) throw e;
            // two of that name, made by hand: each looked at by its id
            boolean gone = true;
            for (var network : find(name)) gone &= removeIfEmpty(network.getId(), lab);
            return gone;
        }
    }

    /** One network, by name or id: removed when it is the lab's and empty; true when it is gone or not the lab's. */
    private boolean removeIfEmpty(String network, String lab) {
        try {
            var inspected = docker.inspectNetworkCmd().withNetworkId(network).exec();
            var labels = inspected.getLabels();
            if (labels == null || !lab.equals(labels.get(Ownership.LAB))) return true;
            if (inspected.getContainers() != null && !inspected.getContainers().isEmpty()) return false;
            docker.removeNetworkCmd(inspected.getId()).exec();
            return true;
        } catch (NotFoundException gone) {
            return true; // removed meanwhile (hosts of a lab are removed side by side)
        } catch (DockerException e) {
            // "has active endpoints": a host removed at the same moment is still leaving it
            if (String.valueOf(e.getMessage()).contains("active endpoints")) return false;
            throw e;
        }
    }

    private List<com.github.dockerjava.api.model.Network> find(String name) {
        return docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(n -> n.getName().equals(name) && n.getLabels() != null && n.getLabels().containsKey(Ownership.LAB))
                .toList();
    }

    /**
     * Removes a lab's network once its last host is gone. The engine may still list a
     * removed container's endpoint for a moment, so this looks again a few times.
     */
    void removeOnceGone(String lab) {
        for (int attempt = 0; attempt < 20 && !removeIfUnused(lab); attempt++) Futures.pause(100);
    }
}
