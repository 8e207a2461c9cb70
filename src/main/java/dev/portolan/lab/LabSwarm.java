package dev.portolan.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointResolutionMode;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.TaskSpec;
import dev.portolan.app.Durations;
import dev.portolan.app.Futures;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.ServicePorts;
import dev.portolan.engine.SwarmNodes;
import dev.portolan.engine.UpdatePolicy;
import dev.portolan.host.Ownership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A lab's Swarm: the first manager starts it, the other members join it (over the lab
 * network, where the hosts reach each other), overlay networks and services are made on
 * the manager; services carry the lab's label and a hash of their spec, like containers.
 * Images go to every member first: there is no registry to pull them from.
 */
final class LabSwarm {

    private static final int SWARM_PORT = 2377;

    private LabSwarm() {}

    /** What the swarm section asks for that is not there yet; {@code clientOf} is null for hosts still to be made. */
    static void plan(LabSpec lab, Function<String, DockerClient> clientOf, Function<String, HostState> stateOf,
            List<LabStep> steps) {
        LabSpec.Swarm swarm = lab.swarm();
        if (swarm == null || swarm.managers().isEmpty()) return;
        String first = swarm.managers().getFirst();
        DockerClient manager = clientOf.apply(first);
        boolean active = manager != null && isActive(manager);
        if (!active) steps.add(new LabStep.InitSwarm(first));
        List<String> members = new ArrayList<>(swarm.managers());
        members.addAll(swarm.workers());
        for (String member : members) {
            if (member.equals(first)) continue;
            DockerClient client = clientOf.apply(member);
            if (client == null || !isActive(client)) {
                steps.add(new LabStep.JoinSwarm(member, first, swarm.managers().contains(member)));
            }
        }
        // labels: each member's node carries its host's labels, before any service is placed by them
        for (String member : members) {
            Map<String, String> wanted = lab.hosts().stream().filter(h -> h.name().equals(member)).findFirst()
                    .map(LabSpec.Host::labels).orElse(Map.of());
            if (wanted.isEmpty()) continue;
            DockerClient client = clientOf.apply(member);
            if (active && client != null && isActive(client)) {
                var node = SwarmNodes.node(manager, nodeId(client));
                Map<String, String> has = node.getSpec() == null || node.getSpec().getLabels() == null ? Map.of() : node.getSpec().getLabels();
                if (has.entrySet().containsAll(wanted.entrySet())) continue;
            }
            steps.add(new LabStep.LabelNode(member, first, wanted));
        }
        // roles and availability: a member promoted or demoted, drained or made active in the file
        if (active) {
            for (String member : members) {
                DockerClient client = clientOf.apply(member);
                if (client == null || !isActive(client)) continue; // it joins with its role; drained after, at the next apply
                var node = SwarmNodes.node(manager, nodeId(client));
                String role = swarm.managers().contains(member) ? "manager" : "worker";
                String availability = swarm.drain().contains(member) ? "drain" : "active";
                String hasRole = node.getSpec() == null || node.getSpec().getRole() == null ? "worker"
                        : node.getSpec().getRole().name().toLowerCase(java.util.Locale.ROOT);
                String hasAvailability = node.getSpec() == null || node.getSpec().getAvailability() == null ? "active"
                        : node.getSpec().getAvailability().name().toLowerCase(java.util.Locale.ROOT);
                if (!role.equals(hasRole) || !availability.equals(hasAvailability)) {
                    steps.add(new LabStep.SetNode(member, first, role.equals(hasRole) ? null : role,
                            availability.equals(hasAvailability) ? null : availability));
                }
            }
        }
        // a lab host in this Swarm that the file no longer names leaves it (a host of another Swarm is not this lab's to move)
        if (active) {
            Set<String> nodes = new HashSet<>();
            manager.listSwarmNodesCmd().exec().forEach(n -> nodes.add(n.getId()));
            for (LabSpec.Host host : lab.hosts()) {
                if (members.contains(host.name())) continue;
                DockerClient client = clientOf.apply(host.name());
                if (client != null && isActive(client) && nodes.contains(nodeId(client))) {
                    steps.add(new LabStep.LeaveSwarm(host.name(), first));
                }
            }
        }
        // images: every member runs tasks, and none can pull
        Set<String> images = new HashSet<>();
        swarm.services().forEach(s -> images.add(s.image()));
        for (String member : members) {
            HostState state = stateOf.apply(member);
            Set<String> planned = new HashSet<>();
            steps.stream().filter(s -> s instanceof LabStep.CopyImage c && c.host().equals(member))
                    .forEach(s -> planned.add(((LabStep.CopyImage) s).image()));
            images.stream().sorted().filter(i -> !planned.contains(i) && !state.hasImage(i))
                    .forEach(i -> steps.add(new LabStep.CopyImage(member, i)));
        }
        Set<String> networks = new HashSet<>();
        Map<String, com.github.dockerjava.api.model.Service> services = new HashMap<>();
        if (active) {
            manager.listNetworksCmd().exec().forEach(n -> networks.add(n.getName()));
            for (var service : manager.listServicesCmd().withLabelFilter(Map.of(Ownership.LAB, lab.name())).exec()) {
                services.put(service.getSpec().getName(), service);
            }
        }
        lab.networks().stream().filter(n -> n.host() == null && !networks.contains(n.name()))
                .forEach(n -> steps.add(new LabStep.CreateOverlayNetwork(first, n)));
        Set<String> wanted = new HashSet<>();
        Map<String, String> networkNames = active ? networkNames(manager) : Map.of();
        for (LabSpec.Service service : swarm.services()) {
            wanted.add(service.name());
            String hash = Labs.hash(service);
            var existing = services.get(service.name());
            if (existing == null) {
                steps.add(new LabStep.CreateService(first, service, hash));
            } else {
                // what the file says against what runs, so a service scaled or updated by hand comes back to the file
                List<String> changes = ServiceChanges.between(existing.getSpec(), spec(lab, service, hash), networkNames,
                        service.update() != null);
                if (!changes.isEmpty() || !hash.equals(existing.getSpec().getLabels().get(Labs.SPEC))) {
                    steps.add(new LabStep.UpdateService(first, service, hash, existing.getId(), changes));
                }
            }
        }
        services.forEach((name, existing) -> {
            if (!wanted.contains(name)) steps.add(new LabStep.RemoveService(first, name, existing.getId()));
        });
    }

    private static Map<String, String> networkNames(DockerClient manager) {
        Map<String, String> names = new HashMap<>();
        manager.listNetworksCmd().exec().forEach(n -> names.put(n.getId(), n.getName()));
        return names;
    }

    /**
     * A member leaves: a manager is demoted first and waited for (a manager leaving without
     * --force is refused, and with it the others could lose their majority); then the managers
     * take its node off their list, as `docker node rm` does, rather than keep it listed down.
     */
    private static void leave(DockerClient manager, DockerClient host, String name) {
        String id = nodeId(host);
        if (Boolean.TRUE.equals(host.infoCmd().exec().getSwarm().getControlAvailable())) {
            SwarmNodes.update(manager, id, spec -> spec.withRole(com.github.dockerjava.api.model.SwarmNodeRole.WORKER));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Boolean.TRUE.equals(host.infoCmd().exec().getSwarm().getControlAvailable())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " was demoted to leave the swarm, but still manages it after 20 s");
                }
                Futures.pause(100);
            }
        }
        host.leaveSwarmCmd().exec();
        manager.removeSwarmNodeCmd(id).withForce(true).exec();
    }

    /** The Swarm node this engine is. */
    private static String nodeId(DockerClient engine) {
        return engine.infoCmd().exec().getSwarm().getNodeID();
    }

    static boolean isActive(DockerClient engine) {
        var swarm = engine.infoCmd().exec().getSwarm();
        return swarm != null && swarm.getLocalNodeState() != null
                && swarm.getLocalNodeState().name().equalsIgnoreCase("active");
    }

    /** The service's update settings over the defaults (one at a time, rolled back on failure, watched 5 s). */
    static UpdatePolicy updatePolicy(LabSpec.Service s) {
        UpdatePolicy d = UpdatePolicy.DEFAULT;
        LabSpec.Update u = s.update();
        if (u == null) return d;
        return new UpdatePolicy(u.parallelism() == null ? d.parallelism() : u.parallelism(),
                u.delay() == null ? d.delay() : Durations.parse(u.delay()),
                u.failureAction() == null ? d.failureAction() : u.failureAction(),
                u.monitor() == null ? d.monitor() : Durations.parse(u.monitor()));
    }

    /** Runs one swarm step; {@code clientOf} gives a host's engine, {@code addressOf} its address on the lab network. */
    static void run(LabSpec lab, LabStep step, Function<String, DockerClient> clientOf, Function<String, String> addressOf) {
        Map<String, String> owned = Map.of(Ownership.LAB, lab.name());
        switch (step) {
            case LabStep.InitSwarm init -> clientOf.apply(init.host()).initializeSwarmCmd(new SwarmSpec())
                    .withListenAddr("0.0.0.0:" + SWARM_PORT).withAdvertiseAddr(addressOf.apply(init.host())).exec();
            case LabStep.JoinSwarm join -> {
                var tokens = clientOf.apply(join.manager()).inspectSwarmCmd().exec().getJoinTokens();
                clientOf.apply(join.host()).joinSwarmCmd()
                        .withRemoteAddrs(List.of(addressOf.apply(join.manager()) + ":" + SWARM_PORT))
                        .withJoinToken(join.asManager() ? tokens.getManager() : tokens.getWorker())
                        .withListenAddr("0.0.0.0:" + SWARM_PORT).withAdvertiseAddr(addressOf.apply(join.host())).exec();
            }
            case LabStep.LabelNode label -> {
                SwarmNodes.update(clientOf.apply(label.manager()), nodeId(clientOf.apply(label.host())), spec -> {
                    Map<String, String> labels = new HashMap<>(spec.getLabels() == null ? Map.of() : spec.getLabels());
                    labels.putAll(label.labels());
                    return spec.withLabels(labels);
                });
            }
            case LabStep.SetNode set -> {
                SwarmNodes.update(clientOf.apply(set.manager()), nodeId(clientOf.apply(set.host())), spec -> {
                    if (set.role() != null) {
                        spec = spec.withRole(com.github.dockerjava.api.model.SwarmNodeRole.valueOf(set.role().toUpperCase(java.util.Locale.ROOT)));
                    }
                    if (set.availability() != null) {
                        spec = spec.withAvailability(com.github.dockerjava.api.model.SwarmNodeAvailability.valueOf(
                                set.availability().toUpperCase(java.util.Locale.ROOT)));
                    }
                    return spec;
                });
            }
            case LabStep.LeaveSwarm leave -> leave(clientOf.apply(leave.manager()), clientOf.apply(leave.host()), leave.host());
            case LabStep.CreateOverlayNetwork network -> clientOf.apply(network.host()).createNetworkCmd()
                    .withName(network.spec().name()).withDriver("overlay").withAttachable(true).withLabels(owned).exec();
            case LabStep.CreateService create -> clientOf.apply(create.host()).createServiceCmd(
                    spec(lab, create.spec(), create.specHash())).exec();
            case LabStep.UpdateService update -> {
                // an update, as `docker service update` makes it: tasks replaced a few at a time, rolled back on failure
                DockerClient manager = clientOf.apply(update.host());
                long version = manager.inspectServiceCmd(update.id()).exec().getVersion().getIndex();
                manager.updateServiceCmd(update.id(), spec(lab, update.spec(), update.specHash())).withVersion(version).exec();
            }
            case LabStep.RemoveService remove -> clientOf.apply(remove.host()).removeServiceCmd(remove.id()).exec();
            default -> throw new IllegalStateException("not a swarm step: " + step);
        }
    }

    static ServiceSpec spec(LabSpec lab, LabSpec.Service s, String specHash) {
        // the service carries the lab's label; its tasks are the Swarm's to make and remove, not the plan's
        ContainerSpec container = new ContainerSpec().withImage(s.image());
        if (!s.command().isEmpty()) container.withCommand(s.command());
        boolean dnsrr = "dnsrr".equals(s.endpointMode());
        List<PortConfig> ports = new ArrayList<>();
        for (String port : s.ports()) {
            PortConfig read;
            try {
                read = ServicePorts.parse(port);
            } catch (InvalidInputException bad) {
                throw new InvalidInputException("service " + s.name() + ": " + bad.getMessage());
            }
            // no virtual IP, no routing mesh: a dnsrr service's ports open on the nodes that run its tasks
            ports.add(read.withPublishMode(dnsrr ? PortConfig.PublishMode.host : PortConfig.PublishMode.ingress));
        }
        return new ServiceSpec().withName(s.name())
                .withLabels(Map.of(Ownership.LAB, lab.name(), Labs.SPEC, specHash))
                .withUpdateConfig(updatePolicy(s).config())
                .withTaskTemplate(new TaskSpec().withContainerSpec(container)
                        .withPlacement(new com.github.dockerjava.api.model.ServicePlacement().withConstraints(s.constraints())))
                .withNetworks(s.networks().stream().map(n -> new NetworkAttachmentConfig().withTarget(n)).toList())
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(s.replicas())))
                .withEndpointSpec(new EndpointSpec().withPorts(ports)
                        .withMode(dnsrr ? EndpointResolutionMode.DNSRR : EndpointResolutionMode.VIP));
    }
}
