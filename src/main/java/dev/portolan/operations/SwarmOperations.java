package dev.portolan.operations;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceReplicatedModeOptions;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.TaskSpec;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.ServicePorts;
import dev.portolan.engine.SwarmNodes;
import dev.portolan.engine.UpdatePolicy;
import dev.portolan.inventory.SwarmReader;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.inventory.SwarmWatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a person does to a Swarm, whoever asks (the Swarm window, `portolan swarm`, a lab):
 * start one, join and leave it, promote and demote, drain and activate nodes, create, scale,
 * update, roll back and remove services. Each refuses what would leave the Swarm broken
 * (demoting its last manager, draining its last active node, joining a host that is in
 * another Swarm) with a sentence that says what to do instead, before anything is changed.
 * Blocking; off the FX thread.
 */
public final class SwarmOperations {

    public static final int SWARM_PORT = 2377;

    private final HostsByName hosts;
    private final List<String> members;
    private final Function<String, Optional<String>> addressOf;

    /**
     * @param members   the hosts that are or may become its nodes, as `portolan hosts` names them (a lab's hosts)
     * @param addressOf where the other members reach a host, when Portolan knows it (a simulated host's lab network
     *                  address); otherwise the engine chooses
     */
    public SwarmOperations(HostsByName hosts, List<String> members, Function<String, Optional<String>> addressOf) {
        this.hosts = hosts;
        this.members = List.copyOf(members);
        this.addressOf = addressOf;
    }

    /**
     * The Swarm of a lab (its hosts, named LAB/HOST) or of one host, as a person names it on the command line:
     * "demo", "demo/node1" (its lab's Swarm) or a host of no lab; a sentence when there is no such lab or host.
     */
    public static SwarmOperations of(LocalEngine local, HostsByName hosts, String labOrHost) {
        return new SwarmOperations(hosts, membersOf(local.registry().names(local), labOrHost), local::labAddressOf);
    }

    /** The hosts of the lab {@code name} names (or whose host it names), else the host itself. */
    public static List<String> membersOf(List<String> known, String name) {
        String lab = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        List<String> ofLab = known.stream().filter(h -> h.startsWith(lab + "/")).sorted().toList();
        if (!ofLab.isEmpty()) return ofLab;
        if (known.contains(name)) return List.of(name);
        throw new InvalidInputException("There is no lab or host named " + name + ". Labs and hosts: " + String.join(", ",
                known.stream().map(h -> h.contains("/") ? h.substring(0, h.indexOf('/')) : h).distinct().toList()) + ".");
    }

    public List<String> members() {
        return members;
    }

    /**
     * Watches the Swarm live: a watcher that asks the members connected at each read (managers answer) and that
     * the caller nudges with the members' events ({@link SwarmWatcher#concerns}).
     */
    public SwarmWatcher watch(String name, SwarmWatcher.Listener listener) {
        return new SwarmWatcher(name, () -> {
            List<DockerClient> connected = new ArrayList<>();
            for (String member : members) {
                try {
                    HostOperations host = hosts.operations(member);
                    if (host.isConnected()) connected.add(host.requests());
                } catch (RuntimeException notNow) {
                    // a host lost or gone: the others answer
                }
            }
            return connected;
        }, listener);
    }

    /** The Swarm as the first member that manages it says it. */
    public SwarmSnapshot read() {
        return SwarmReader.read(manager());
    }

    private DockerClient engine(String host) {
        return hosts.operations(host).requests();
    }

    DockerClient manager() {
        return managerHost().requests();
    }

    /** The first member that is a manager of an active Swarm; a sentence when none is. */
    private HostOperations managerHost() {
        List<String> unreachable = new ArrayList<>();
        for (String member : members) {
            try {
                HostOperations host = hosts.operations(member);
                if (SwarmReader.isManager(host.requests())) return host;
            } catch (RuntimeException e) {
                unreachable.add(member);
            }
        }
        throw new InvalidInputException("None of " + String.join(", ", members) + " manages a Swarm"
                + (unreachable.isEmpty() ? "" : " (" + String.join(", ", unreachable) + " did not answer)")
                + ". Start one: portolan swarm init HOST, or make the lab with a swarm: section.");
    }

    // --- membership

    /** Starts a Swarm with {@code host} as its first manager. */
    public String init(String host) {
        DockerClient engine = engine(host);
        var state = engine.infoCmd().exec().getSwarm();
        if (state != null && state.getLocalNodeState() != null && !state.getLocalNodeState().getValue().equals("inactive")) {
            String cluster = clusterOf(engine, state);
            throw new InvalidInputException(host + " is already in a Swarm" + (cluster.isEmpty() ? "" : " (cluster " + shortId(cluster)
                    + ")") + ": make it leave first (portolan swarm leave "
                    + host + "), or add nodes to that Swarm.");
        }
        var init = engine.initializeSwarmCmd(new SwarmSpec()).withListenAddr("0.0.0.0:" + SWARM_PORT);
        addressOf.apply(host).ifPresent(init::withAdvertiseAddr);
        run("Starting a Swarm on " + host, init::exec);
        return "Started a Swarm with " + host + " as its manager.";
    }

    /** Joins {@code host} to the Swarm its members manage, with the token for the role (handled here, never shown). */
    public String join(String host, boolean asManager) {
        DockerClient engine = engine(host);
        DockerClient manager = manager();
        var mine = manager.inspectSwarmCmd().exec();
        var state = engine.infoCmd().exec().getSwarm();
        String local = state == null || state.getLocalNodeState() == null ? "inactive" : state.getLocalNodeState().getValue();
        if (!local.equals("inactive")) {
            // a worker knows no cluster id: its node id in the manager's list says it is one of ours
            String cluster = clusterOf(engine, state);
            boolean ours = mine.getId().equals(cluster) || !manager.listSwarmNodesCmd().withIdFilter(List.of(state.getNodeID()))
                    .exec().isEmpty();
            if (ours) return host + " is already in this Swarm.";
            throw new InvalidInputException(host + " is in another Swarm" + (cluster == null || cluster.isEmpty() ? "" : " (cluster "
                    + shortId(cluster) + ")") + ": a host is in one Swarm at a time. Make it leave that one first (portolan swarm "
                    + "leave " + host + " --force), then join it here.");
        }
        String managerAddress = managerAddress(manager);
        var join = engine.joinSwarmCmd().withRemoteAddrs(List.of(managerAddress))
                .withJoinToken(asManager ? mine.getJoinTokens().getManager() : mine.getJoinTokens().getWorker())
                .withListenAddr("0.0.0.0:" + SWARM_PORT);
        addressOf.apply(host).ifPresent(join::withAdvertiseAddr);
        run(host + " joining the Swarm", join::exec);
        return host + " joined the Swarm as a " + (asManager ? "manager." : "worker.");
    }

    private static String managerAddress(DockerClient manager) {
        var info = manager.infoCmd().exec().getSwarm();
        var remote = info.getRemoteManagers();
        String self = info.getNodeID();
        if (remote != null) {
            for (var m : remote) if (self.equals(m.getNodeID())) return m.getAddr();
            if (!remote.isEmpty()) return remote.getFirst().getAddr();
        }
        return info.getNodeAddr() + ":" + SWARM_PORT;
    }

    /** Takes {@code host} out of its Swarm; the last manager only with force (the Swarm ends with it). */
    public String leave(String host, boolean force) {
        DockerClient engine = engine(host);
        var state = engine.infoCmd().exec().getSwarm();
        if (state == null || state.getLocalNodeState() == null || state.getLocalNodeState().getValue().equals("inactive")) {
            return host + " is not in a Swarm.";
        }
        if (Boolean.TRUE.equals(state.getControlAvailable()) && !force) {
            SwarmSnapshot swarm = SwarmReader.read(engine);
            long managers = swarm.nodes().stream().filter(SwarmSnapshot.Node::isManager).count();
            if (managers == 1) {
                throw new InvalidInputException(host + " is the Swarm's last manager: if it leaves, the Swarm ends and its "
                        + swarm.services().size() + " service(s) with it. Promote another node first, or leave with --force "
                        + "to end the Swarm.");
            }
            throw new InvalidInputException(host + " is a manager: demote it first (portolan swarm demote " + host
                    + "), so the other managers keep a majority, then make it leave.");
        }
        String node = state.getNodeID();
        run(host + " leaving the Swarm", () -> engine.leaveSwarmCmd().withForceEnabled(force).exec());
        // the managers would keep it listed as down for good: take it off their list, as `docker node rm` does
        try {
            manager().removeSwarmNodeCmd(node).withForce(true).exec();
        } catch (RuntimeException noManagerLeft) {
            // the last manager left: there is no list to keep
        }
        return host + " left the Swarm.";
    }

    public String promote(String node) {
        return setRole(node, SwarmNodeRole.MANAGER);
    }

    public String demote(String node) {
        return setRole(node, SwarmNodeRole.WORKER);
    }

    private String setRole(String node, SwarmNodeRole role) {
        DockerClient manager = manager();
        SwarmSnapshot swarm = SwarmReader.read(manager);
        SwarmSnapshot.Node found = node(swarm, node);
        boolean toManager = role == SwarmNodeRole.MANAGER;
        if (found.isManager() == toManager) return found.hostname() + " is already a " + (toManager ? "manager." : "worker.");
        if (!toManager && swarm.nodes().stream().filter(SwarmSnapshot.Node::isManager).count() == 1) {
            throw new InvalidInputException(found.hostname() + " is the Swarm's last manager: demoted, no node could run the "
                    + "Swarm. Promote another node first (portolan swarm promote NODE).");
        }
        updateNode(manager, found, spec -> spec.withRole(role));
        return found.hostname() + (toManager ? " is now a manager." : " is now a worker.");
    }

    /** Drains a node: its tasks move to the others and nothing new lands on it. */
    public String drain(String node) {
        DockerClient manager = manager();
        SwarmSnapshot swarm = SwarmReader.read(manager);
        SwarmSnapshot.Node found = node(swarm, node);
        if (found.availability().equals("drain")) return found.hostname() + " is already drained.";
        boolean othersActive = swarm.nodes().stream().anyMatch(n -> !n.id().equals(found.id()) && n.isActive() && n.isReady());
        if (!othersActive) {
            throw new InvalidInputException(found.hostname() + " is the Swarm's last active node" + (found.isManager() ? " (and a "
                    + "manager)" : "") + ": drained, its tasks would have nowhere to go. Activate or add another node first.");
        }
        updateNode(manager, found, spec -> spec.withAvailability(SwarmNodeAvailability.DRAIN));
        int tasks = swarm.currentTasksOn(found.id()).size();
        return found.hostname() + " is draining: " + (tasks == 0 ? "it runs no task; nothing new lands on it."
                : tasks == 1 ? "its task moves to another node." : "its " + tasks + " tasks move to the other nodes.");
    }

    public String activate(String node) {
        DockerClient manager = manager();
        SwarmSnapshot.Node found = node(SwarmReader.read(manager), node);
        if (found.isActive()) return found.hostname() + " is already active.";
        updateNode(manager, found, spec -> spec.withAvailability(SwarmNodeAvailability.ACTIVE));
        return found.hostname() + " is active: new tasks may land on it (running ones are not moved back).";
    }

    private static void updateNode(DockerClient manager, SwarmSnapshot.Node node,
            java.util.function.UnaryOperator<com.github.dockerjava.api.model.SwarmNodeSpec> change) {
        run("Updating node " + node.hostname(), () -> SwarmNodes.update(manager, node.id(), change));
    }

    private static SwarmSnapshot.Node node(SwarmSnapshot swarm, String name) {
        return swarm.nodeNamed(name).orElseThrow(() -> new InvalidInputException("No node " + name + " in this Swarm; its nodes: "
                + String.join(", ", swarm.nodes().stream().map(SwarmSnapshot.Node::hostname).toList()) + "."));
    }

    // --- services

    /** A new replicated service; images must be on the nodes (there is no registry to pull from). */
    public String create(String name, String image, int replicas, List<String> command, List<String> ports) {
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new InvalidInputException("'" + name + "' cannot name a service: letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit.");
        }
        DockerClient manager = manager();
        if (SwarmReader.read(manager).service(name).isPresent()) {
            throw new InvalidInputException("The Swarm already has a service " + name + ": scale or update it instead.");
        }
        ContainerSpec container = new ContainerSpec().withImage(image);
        if (!command.isEmpty()) container.withCommand(command);
        ServiceSpec spec = new ServiceSpec().withName(name)
                .withTaskTemplate(new TaskSpec().withContainerSpec(container))
                .withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)))
                .withUpdateConfig(UpdatePolicy.DEFAULT.config())
                .withEndpointSpec(new EndpointSpec().withPorts(ports.stream().map(ServicePorts::parse).toList()));
        run("Creating service " + name, () -> manager.createServiceCmd(spec).exec());
        return "Created service " + name + " (" + replicas + " replica" + (replicas == 1 ? "" : "s") + ").";
    }

    /** Replicas as a person types them: a whole number, 0 or more. */
    public static int replicas(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) return n;
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw new InvalidInputException("Replicas is a whole number of tasks, 0 or more, not '" + text.strip() + "'.");
    }

    public String scale(String service, String replicasText) {
        int replicas = replicas(replicasText);
        return changeService(service, "Scaling", spec -> {
            if (spec.getMode() == null || spec.getMode().getReplicated() == null) {
                throw new InvalidInputException(service + " is a global service (one task per node): it cannot be scaled.");
            }
            return spec.withMode(new ServiceModeConfig().withReplicated(new ServiceReplicatedModeOptions().withReplicas(replicas)));
        }) + " scaled to " + replicas + ".";
    }

    /** Rolls out a new image (and command, when given), a few tasks at a time as the policy says. */
    public String update(String service, String image, List<String> command, UpdatePolicy policy) {
        if (image == null || image.isBlank()) throw new InvalidInputException("Say which image " + service + " should run.");
        return changeService(service, "Updating", spec -> {
            ContainerSpec container = spec.getTaskTemplate().getContainerSpec().withImage(image.strip());
            if (command != null && !command.isEmpty()) container.withCommand(command);
            return spec.withUpdateConfig(policy.config());
        }) + " is rolling out " + image.strip() + " (" + (policy.parallelism() == 0 ? "all" : policy.parallelism())
                + " at a time; on failure: " + policy.failureAction() + ").";
    }

    /** Goes back to the service's previous spec, as `docker service rollback` does (the engine keeps it). */
    public String rollback(String service) {
        HostOperations manager = managerHost();
        var found = service(manager.requests(), service);
        try {
            manager.rollbackService(found.getId(), found.getVersion().getIndex());
        } catch (DockerException e) {
            if (String.valueOf(e.getMessage()).contains("does not have a previous spec")) {
                throw new InvalidInputException(service + " has no previous spec to go back to: it has not been updated since it "
                        + "was made, or it was just rolled back.");
            }
            throw new InvalidInputException(EngineErrors.action("Rolling back " + service, e));
        }
        return service + " is rolling back to its previous spec.";
    }

    public String remove(String service) {
        DockerClient manager = manager();
        var found = service(manager, service);
        run("Removing service " + service, () -> manager.removeServiceCmd(found.getId()).exec());
        return "Removed service " + service + "; its tasks stop.";
    }

    private String changeService(String service, String what, java.util.function.UnaryOperator<ServiceSpec> change) {
        DockerClient manager = manager();
        var found = service(manager, service);
        ServiceSpec next = change.apply(found.getSpec());
        run(what + " " + service, () -> manager.updateServiceCmd(found.getId(), next).withVersion(found.getVersion().getIndex()).exec());
        return service;
    }

    private static com.github.dockerjava.api.model.Service service(DockerClient manager, String name) {
        var all = manager.listServicesCmd().exec();
        return all.stream().filter(s -> s.getSpec().getName().equals(name) || s.getId().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("No service " + name + " in this Swarm" + (all.isEmpty() ? " (it has none)."
                        : "; it has: " + String.join(", ", all.stream().map(s -> s.getSpec().getName()).sorted().toList()) + ".")));
    }

    /** The member host a node is (its hostname is the lab's name for it), for what is done to the host itself. */
    public Optional<String> hostOfNode(SwarmSnapshot.Node node) {
        return hostNamed(node.hostname());
    }

    /** The member host whose node has this hostname (demo/node1 for node1). */
    public Optional<String> hostNamed(String hostname) {
        return members.stream().filter(m -> m.equals(hostname) || m.endsWith("/" + hostname)).findFirst();
    }

    /** Copies a service's image from a member that has it to each node whose task was refused for want of it. */
    public String copyImage(String service, dev.portolan.image.TransferProgress progress) {
        SwarmSnapshot swarm = read();
        var found = swarm.service(service).orElseThrow(() -> new InvalidInputException("No service " + service + " in this Swarm."));
        String image = found.image();
        List<String> missing = new ArrayList<>();
        for (var node : swarm.nodes()) {
            hostOfNode(node).filter(h -> !hosts.operations(h).hasImage(image)).ifPresent(missing::add);
        }
        if (missing.isEmpty()) return "Every node has " + image + ".";
        String source = members.stream().filter(m -> !missing.contains(m)).filter(m -> {
            try {
                return hosts.operations(m).hasImage(image);
            } catch (RuntimeException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new InvalidInputException("No host of this Swarm has " + image + ": build or load it on one "
                + "first, then copy it."));
        for (String target : missing) hosts.operations(source).copyImageTo(hosts.operations(target), image, progress);
        return "Copied " + image + " from " + source + " to " + String.join(", ", missing) + "; the Swarm places the tasks again.";
    }

    private static void run(String what, Runnable call) {
        try {
            call.run();
        } catch (DockerException e) {
            throw new InvalidInputException(EngineErrors.action(what, e));
        }
    }

    /** The id of the Swarm an engine is in: a manager can say it; a worker knows only its own node. */
    private static String clusterOf(DockerClient engine, com.github.dockerjava.api.model.SwarmInfo state) {
        if (state.getClusterInfo() != null && state.getClusterInfo().getId() != null) return state.getClusterInfo().getId();
        if (!Boolean.TRUE.equals(state.getControlAvailable())) return "";
        try {
            return java.util.Objects.toString(engine.inspectSwarmCmd().exec().getId(), "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String shortId(String id) {
        return id == null ? "?" : id.substring(0, Math.min(12, id.length()));
    }
}
