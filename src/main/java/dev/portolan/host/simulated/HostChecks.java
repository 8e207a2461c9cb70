package dev.portolan.host.simulated;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.portolan.engine.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** What is checked before a host is made, each failure a sentence that says what to do. */
final class HostChecks {

    private final DockerClient docker;

    HostChecks(DockerClient docker) {
        this.docker = docker;
    }

    /** The image's own entrypoint (dockerd where it has none), read where it is checked to be on the local engine. */
    List<String> entrypointOf(String image) {
        try {
            String[] own = docker.inspectImageCmd(image).exec().getConfig().getEntrypoint();
            return own == null || own.length == 0 ? List.of("dockerd") : List.of(own);
        } catch (NotFoundException e) {
            throw new InvalidInputException("The image " + image + " is not on the local engine. Pull it "
                    + "(docker pull " + image + "), or choose another Docker-in-Docker image that is there.");
        }
    }

    void nameIsFree(SimulatedHostSpec spec) {
        boolean taken = !docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("^/" + spec.containerName() + "$")).exec().isEmpty();
        if (taken) {
            throw new InvalidInputException("A host named " + spec.name() + " already exists in lab " + spec.lab()
                    + " (container " + spec.containerName() + "). Choose another name, or remove that host first.");
        }
    }

    static void portsAreFree(SimulatedHostSpec spec) {
        for (var mapping : spec.ports()) {
            try (ServerSocket probe = new ServerSocket(mapping.laptopPort(), 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new InvalidInputException("Port " + mapping.laptopPort() + " on 127.0.0.1 is already in use "
                        + "by another program. Choose another port for " + mapping.text() + ".");
            }
        }
    }
}
