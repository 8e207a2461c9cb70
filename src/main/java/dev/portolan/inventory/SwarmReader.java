package dev.portolan.inventory;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.Task;
import dev.portolan.engine.Rfc3339;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Swarm from one of its managers: four list calls (nodes, services, tasks, overlay
 * networks), about 10 ms on a three-node lab. Blocking; off the FX thread.
 */
public final class SwarmReader {

    private SwarmReader() {}

    /** Whether this engine is a manager of an active Swarm (only managers can say what the Swarm is). */
    public static boolean isManager(DockerClient engine) {
        var swarm = engine.infoCmd().exec().getSwarm();
        return swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable());
    }

    public static SwarmSnapshot read(DockerClient manager) {
        String clusterId = manager.inspectSwarmCmd().exec().getId();
        List<SwarmSnapshot.Node> nodes = manager.listSwarmNodesCmd().exec().stream().map(SwarmReader::node)
                .sorted(java.util.Comparator.comparing(SwarmSnapshot.Node::hostname)).toList();
        List<SwarmSnapshot.Overlay> networks = manager.listNetworksCmd().withFilter("driver", List.of("overlay")).exec()
                .stream().map(n -> new SwarmSnapshot.Overlay(n.getId(), n.getName(), n.getName().equals("ingress")))
                .sorted(java.util.Comparator.comparing(SwarmSnapshot.Overlay::name)).toList();
        Map<String, String> networkNames = new HashMap<>();
        networks.forEach(n -> networkNames.put(n.id(), n.name()));
        List<SwarmSnapshot.Service> services = manager.listServicesCmd().exec().stream()
                .map(s -> service(s, networkNames)).sorted(java.util.Comparator.comparing(SwarmSnapshot.Service::name)).toList();
        List<SwarmSnapshot.Task> tasks = manager.listTasksCmd().exec().stream().map(SwarmReader::task).toList();
        String self = manager.infoCmd().exec().getSwarm().getNodeID();
        String answered = nodes.stream().filter(n -> n.id().equals(self)).map(SwarmSnapshot.Node::hostname).findFirst().orElse(self);
        return new SwarmSnapshot(clusterId, answered, nodes, services, tasks, networks);
    }

    private static SwarmSnapshot.Node node(SwarmNode n) {
        var spec = n.getSpec();
        var description = n.getDescription();
        var resources = description == null ? null : description.getResources();
        boolean leader = n.getManagerStatus() != null && n.getManagerStatus().isLeader();
        return new SwarmSnapshot.Node(n.getId(),
                description == null || description.getHostname() == null ? n.getId() : description.getHostname(),
                spec == null || spec.getRole() == null ? "worker" : lower(spec.getRole().name()),
                spec == null || spec.getAvailability() == null ? "active" : lower(spec.getAvailability().name()),
                n.getStatus() == null || n.getStatus().getState() == null ? "unknown" : lower(n.getStatus().getState().name()),
                leader, n.getStatus() == null ? "" : Objects.toString(n.getStatus().getAddress(), ""),
                spec == null || spec.getLabels() == null ? Map.of() : spec.getLabels(),
                resources == null || resources.getNanoCPUs() == null ? 0 : resources.getNanoCPUs(),
                resources == null || resources.getMemoryBytes() == null ? 0 : resources.getMemoryBytes());
    }

    private static SwarmSnapshot.Service service(com.github.dockerjava.api.model.Service s, Map<String, String> networkNames) {
        var spec = s.getSpec();
        var template = spec.getTaskTemplate();
        String image = template == null || template.getContainerSpec() == null ? "" : withoutDigest(template.getContainerSpec().getImage());
        Integer replicas = spec.getMode() != null && spec.getMode().getReplicated() != null
                ? (int) spec.getMode().getReplicated().getReplicas() : spec.getMode() != null && spec.getMode().getGlobal() != null ? null : 1;
        List<SwarmSnapshot.Port> ports = new ArrayList<>();
        PortConfig[] published = s.getEndpoint() == null ? null : s.getEndpoint().getPorts();
        if (published != null) {
            for (PortConfig p : published) {
                ports.add(new SwarmSnapshot.Port(p.getPublishedPort(), p.getTargetPort(),
                        p.getProtocol() == null ? "tcp" : lower(p.getProtocol().name())));
            }
        }
        List<NetworkAttachmentConfig> attached = template != null && template.getNetworks() != null && !template.getNetworks().isEmpty()
                ? template.getNetworks() : Optional.ofNullable(spec.getNetworks()).orElse(List.of());
        List<String> networks = attached.stream().map(a -> networkNames.getOrDefault(a.getTarget(), a.getTarget())).toList();
        var update = s.getUpdateStatus();
        return new SwarmSnapshot.Service(s.getId(), spec.getName(), image, replicas, ports, networks,
                update == null || update.getState() == null ? "" : lower(update.getState().name()),
                update == null ? "" : Objects.toString(update.getMessage(), ""),
                spec.getLabels() == null ? Map.of() : spec.getLabels(),
                template == null ? 0 : Objects.hashCode(template.getContainerSpec()),
                spec.getEndpointSpec() == null || spec.getEndpointSpec().getMode() == null ? "vip"
                        : lower(spec.getEndpointSpec().getMode().name()));
    }

    private static SwarmSnapshot.Task task(Task t) {
        var status = t.getStatus();
        var container = status == null ? null : status.getContainerStatus();
        Instant since = status == null || status.getTimestamp() == null ? Instant.EPOCH : Rfc3339.parse(status.getTimestamp());
        String image = t.getSpec() == null || t.getSpec().getContainerSpec() == null ? ""
                : withoutDigest(t.getSpec().getContainerSpec().getImage());
        return new SwarmSnapshot.Task(t.getId(), Objects.toString(t.getServiceId(), ""), t.getSlot() == null ? 0 : t.getSlot(),
                Objects.toString(t.getNodeId(), ""),
                t.getDesiredState() == null ? "" : t.getDesiredState().getValue(),
                status == null || status.getState() == null ? "" : status.getState().getValue(),
                status == null ? "" : Objects.toString(status.getMessage(), ""),
                status == null ? "" : Objects.toString(status.getErr(), ""), since,
                container == null ? "" : Objects.toString(container.getContainerID(), ""), image,
                container == null || container.getExitCode() == null ? null : container.getExitCode(),
                t.getSpec() == null ? 0 : Objects.hashCode(t.getSpec().getContainerSpec()));
    }

    /** busybox:1.36 for busybox:1.36@sha256:…, as a person wrote it. */
    static String withoutDigest(String image) {
        if (image == null) return "";
        int at = image.indexOf('@');
        return at < 0 ? image : image.substring(0, at);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
