package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import dev.portolan.host.Ownership;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What of a lab already runs on one of its hosts: images, and the lab's volumes, networks and containers. */
record HostState(Map<String, String> images, Set<String> volumes, Set<String> networks, Map<String, Existing> containers) {

    static final HostState EMPTY = new HostState(Map.of(), Set.of(), Set.of(), Map.of());

    /** A lab container found on the host, with the hash of the spec it was made from and its state ("running", "exited"). */
    record Existing(String id, String specHash, String state) {
        boolean isRunning() {
            return "running".equals(state) || "restarting".equals(state);
        }
    }

    boolean hasImage(String image) {
        return images.containsKey(image) || images.containsKey(image + ":latest");
    }

    /** The id of the image with this tag on the host, or null. */
    String imageId(String image) {
        return images.containsKey(image) ? images.get(image) : images.get(image + ":latest");
    }

    static HostState read(DockerClient docker, String lab) {
        Map<String, String> owned = Map.of(Ownership.LAB, lab);
        Map<String, String> images = new HashMap<>();
        for (var image : docker.listImagesCmd().exec()) {
            if (image.getRepoTags() != null) for (String tag : image.getRepoTags()) images.put(tag, image.getId());
        }
        var listed = docker.listVolumesCmd().withFilter("label", List.of(Ownership.LAB + "=" + lab)).exec().getVolumes();
        Set<String> volumes = listed == null ? Set.of()
                : listed.stream().map(v -> v.getName()).collect(Collectors.toSet());
        Set<String> networks = docker.listNetworksCmd().exec().stream()
                .filter(n -> n.getLabels() != null && lab.equals(n.getLabels().get(Ownership.LAB)))
                .map(n -> n.getName()).collect(Collectors.toSet());
        Map<String, Existing> containers = new HashMap<>();
        for (var c : docker.listContainersCmd().withShowAll(true).withLabelFilter(owned).exec()) {
            containers.put(c.getNames()[0].replaceFirst("^/", ""), new Existing(c.getId(), c.getLabels().get(Labs.SPEC), c.getState()));
        }
        return new HostState(images, volumes, networks, containers);
    }
}
