package dev.portolan.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Swarm as one of its managers knows it at one moment: its nodes, services, tasks (with
 * their history: the Swarm keeps the last few of each slot) and overlay networks. Plain data,
 * read by {@link SwarmReader}; equal snapshots mean nothing to show.
 *
 * @param manager the node that answered, by hostname
 */
public record SwarmSnapshot(String clusterId, String manager, List<Node> nodes, List<Service> services, List<Task> tasks,
        List<Overlay> networks) {

    /** Task states of a task that is on its way to running (docker's own order). */
    private static final List<String> ORDER = List.of("new", "allocated", "pending", "assigned", "accepted", "preparing",
            "ready", "starting", "running", "complete", "shutdown", "failed", "rejected", "remove", "orphaned");
    private static final Set<String> FAILED = Set.of("failed", "rejected", "orphaned");

    public SwarmSnapshot {
        nodes = List.copyOf(nodes);
        services = List.copyOf(services);
        tasks = List.copyOf(tasks);
        networks = List.copyOf(networks);
    }

    /**
     * @param role         manager or worker
     * @param availability active, pause or drain
     * @param state        ready, down, unknown or disconnected
     * @param nanoCpus     what the node's engine has (its host's size), 0 when unknown
     */
    public record Node(String id, String hostname, String role, String availability, String state, boolean leader,
            String address, Map<String, String> labels, long nanoCpus, long memoryBytes) {
        public Node {
            labels = Map.copyOf(labels);
        }

        public boolean isManager() {
            return role.equals("manager");
        }

        public boolean isActive() {
            return availability.equals("active");
        }

        public boolean isReady() {
            return state.equals("ready");
        }
    }

    /**
     * @param replicas     wanted, null for a global service (one task per node)
     * @param spec         a digest of what its tasks run (image, command, env...), to tell tasks of an older spec
     * @param endpointMode vip (a virtual IP, the routing mesh) or dnsrr (its name resolves to its tasks)
     * @param updateState  empty, or updating, paused, completed, rollback_started, rollback_paused, rollback_completed
     */
    public record Service(String id, String name, String image, Integer replicas, List<Port> ports, List<String> networks,
            String updateState, String updateMessage, Map<String, String> labels, int spec, String endpointMode) {
        public Service {
            ports = List.copyOf(ports);
            networks = List.copyOf(networks);
            labels = Map.copyOf(labels);
        }

        public boolean hasVirtualIp() {
            return !endpointMode.equals("dnsrr");
        }

        public boolean isUpdating() {
            return updateState.equals("updating") || updateState.equals("rollback_started");
        }
    }

    public record Port(int published, int target, String protocol) {
        @Override
        public String toString() {
            return published + "→" + target + (protocol.equals("tcp") ? "" : "/" + protocol);
        }
    }

    /**
     * One task: a slot of a service on a node.
     *
     * @param nodeId       empty while the scheduler has not placed it
     * @param desiredState what the Swarm wants of it: running, shutdown, ...
     * @param state        where it is: pending, preparing, running, failed, rejected, shutdown, ...
     * @param error        why it failed, as the engine says it; empty when it did not
     * @param since        when it entered its state
     * @param spec         a digest of what it runs (image, command, env...): equal to its service's when made from its spec of now
     */
    public record Task(String id, String serviceId, int slot, String nodeId, String desiredState, String state,
            String message, String error, Instant since, String containerId, String image, Integer exitCode, int spec) {

        /** Wanted running: the tasks a node column shows. */
        public boolean isCurrent() {
            return desiredState.equals("running") || desiredState.equals("ready") || desiredState.equals("accepted");
        }

        public boolean isRunning() {
            return state.equals("running");
        }

        public boolean hasFailed() {
            return FAILED.contains(state);
        }

        /** On its way: wanted running but not there yet, or wanted stopped and still running. */
        public boolean isMoving() {
            return isCurrent() ? !isRunning() && !hasFailed() : ORDER.indexOf(state) <= ORDER.indexOf("running");
        }
    }

    public record Overlay(String id, String name, boolean ingress) {}

    /**
     * The same picture with some tasks' states as their containers' events stated them (started:
     * running; died: failed or complete), before a manager says so; tasks not in it are left.
     */
    public SwarmSnapshot withTaskStates(Map<String, String> states) {
        List<Task> next = tasks.stream().map(t -> {
            String state = states.get(t.id());
            if (state == null || state.equals(t.state())) return t;
            // its time stays the manager's: a picture made twice from the same events is the same picture
            return new Task(t.id(), t.serviceId(), t.slot(), t.nodeId(), t.desiredState(), state, t.message(), t.error(),
                    t.since(), t.containerId(), t.image(), t.exitCode(), t.spec());
        }).toList();
        return new SwarmSnapshot(clusterId, manager, nodes, services, next, networks);
    }

    /** Whether task state {@code a} comes before {@code b} in a task's life (starting before running before failed). */
    public static boolean isBefore(String a, String b) {
        return ORDER.indexOf(a) < ORDER.indexOf(b);
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** A node by its id, its hostname, or the host name Portolan gives it (demo/node1 for node1). */
    public Optional<Node> nodeNamed(String name) {
        String bare = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        return nodes.stream().filter(n -> n.id().equals(name) || n.hostname().equals(name) || n.hostname().equals(bare))
                .findFirst();
    }

    public Optional<Service> service(String nameOrId) {
        return services.stream().filter(s -> s.name().equals(nameOrId) || s.id().equals(nameOrId)).findFirst();
    }

    public String nodeName(String nodeId) {
        return node(nodeId).map(Node::hostname).orElse(nodeId.isEmpty() ? "(not placed)" : nodeId);
    }

    public String serviceName(String serviceId) {
        return services.stream().filter(s -> s.id().equals(serviceId)).map(Service::name).findFirst().orElse(serviceId);
    }

    /** The tasks the Swarm wants running, by service then slot. */
    public List<Task> currentTasks() {
        return tasks.stream().filter(Task::isCurrent)
                .sorted(Comparator.comparing((Task t) -> serviceName(t.serviceId())).thenComparingInt(Task::slot)).toList();
    }

    public List<Task> currentTasksOn(String nodeId) {
        return currentTasks().stream().filter(t -> t.nodeId().equals(nodeId)).toList();
    }

    public long running(Service service) {
        return tasks.stream().filter(t -> t.serviceId().equals(service.id()) && t.isCurrent() && t.isRunning()).count();
    }

    /** A global service wants one task per node that can run it; a replicated one its count. */
    public long wanted(Service service) {
        return service.replicas() != null ? service.replicas()
                : tasks.stream().filter(t -> t.serviceId().equals(service.id()) && t.isCurrent()).count();
    }

    /** Every task of a slot, newest first: where it ran before, and why it stopped there. */
    public List<Task> history(Task task) {
        return tasks.stream().filter(t -> t.serviceId().equals(task.serviceId()) && t.slot() == task.slot()
                        && (task.slot() != 0 || t.nodeId().equals(task.nodeId())))
                .sorted(Comparator.comparing(Task::since).reversed()).toList();
    }

    /** Whether something is on its way (tasks starting or stopping, an update rolling): worth asking again soon. */
    public boolean isSettled() {
        return tasks.stream().noneMatch(Task::isMoving) && services.stream().noneMatch(Service::isUpdating);
    }

    /** The name docker service ps gives a task: web.3 (a global service's: web.NODEID). */
    public String taskName(Task task) {
        return serviceName(task.serviceId()) + "." + (task.slot() != 0 ? String.valueOf(task.slot()) : task.nodeId());
    }

    /** How long a task has been in its state, from {@code now}. */
    public static Duration age(Task task, Instant now) {
        return Duration.between(task.since(), now).isNegative() ? Duration.ZERO : Duration.between(task.since(), now);
    }

    /** The number of current tasks on each node, by node id (0 for nodes with none). */
    public Map<String, Long> load() {
        Map<String, Long> load = new java.util.LinkedHashMap<>();
        nodes.forEach(n -> load.put(n.id(), 0L));
        currentTasks().forEach(t -> load.computeIfPresent(t.nodeId(), (k, v) -> v + 1));
        return load;
    }
}
