package dev.portolan.cli;

import dev.portolan.app.Durations;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.operations.ConnectedHosts;
import dev.portolan.operations.SwarmOperations;
import dev.portolan.operations.SwarmProblems;
import dev.portolan.operations.SwarmProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `portolan swarm …`: a lab's Swarm (or one host's) from the command line — what runs where,
 * and the operations of the Swarm window: membership, node availability, services. A Swarm is
 * named by its lab ("demo"), a node by its host ("demo/node1"); tokens and addresses are found
 * for the user.
 */
@Command(name = "swarm", description = "A lab's Swarm: nodes, services and their tasks (ps); init, join, leave, promote, "
        + "demote, drain, activate; create, scale, update, rollback, rm services.",
        subcommands = {SwarmCommand.Ps.class, SwarmCommand.Init.class, SwarmCommand.Join.class, SwarmCommand.Leave.class,
                SwarmCommand.Promote.class, SwarmCommand.Demote.class, SwarmCommand.Drain.class, SwarmCommand.Activate.class,
                SwarmCommand.Create.class, SwarmCommand.Scale.class, SwarmCommand.Update.class, SwarmCommand.Rollback.class,
                SwarmCommand.Rm.class, SwarmCommand.CopyImage.class, SwarmCommand.Check.class})
final class SwarmCommand {

    /** Exit code of a --wait that did not end where it was asked to (an update rolled back, a timeout). */
    static final int NOT_CONVERGED = 3;

    abstract static class OnSwarm extends LabCommands.LabCommand {
        /** The lab or host naming the Swarm (a node's host names its lab's Swarm). */
        abstract String swarmName();

        <T> T withSwarm(Function<SwarmOperations, T> work) {
            return withEngine(local -> {
                try (ConnectedHosts hosts = new ConnectedHosts(local)) {
                    return work.apply(SwarmOperations.of(local, hosts, swarmName()));
                }
            });
        }

        /** Runs one operation and prints its sentence. */
        Integer say(Function<SwarmOperations, String> operation) throws Exception {
            String said = withSwarm(operation);
            print(Map.of("done", said), said);
            return 0;
        }
    }

    /** A command on one node: HOST as `portolan hosts` names it (demo/node1). */
    abstract static class OnNode extends OnSwarm {
        @Parameters(paramLabel = "NODE", description = "The node's host, LAB/HOST (or a host of no lab).")
        String node;

        @Override
        String swarmName() {
            return node;
        }
    }

    /** A command on one service of a lab's Swarm. */
    abstract static class OnService extends OnSwarm {
        @Parameters(index = "0", paramLabel = "LAB", description = "The lab (or host) whose Swarm runs it.")
        String swarm;

        @Parameters(index = "1", paramLabel = "SERVICE")
        String service;

        @Option(names = "--wait", description = "Wait until the service has its tasks running (or its update ends), "
                + "printing its progress; exit 3 when it does not get there (rolled back, paused, timed out).")
        boolean await;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "2m", description = "How long --wait waits (default 2m).")
        String timeout;

        @Override
        String swarmName() {
            return swarm;
        }

        /** Whether the command asks for a rollback (which then is where it should end). */
        boolean rollsBack() {
            return false;
        }

        Integer sayAndWait(Function<SwarmOperations, String> operation) throws Exception {
            return withSwarm(swarmOps -> {
                String said = operation.apply(swarmOps);
                out().println(said);
                out().flush();
                if (!await) return 0;
                SwarmProgress.Outcome outcome = SwarmProgress.await(swarmOps::read, service, rollsBack(), FaultCommand.parseDuration(timeout),
                        line -> {
                            out().println("  " + line);
                            out().flush();
                        });
                out().println(outcome.sentence());
                return outcome.converged() ? 0 : NOT_CONVERGED;
            });
        }
    }

    @Command(name = "ps", description = "The Swarm's nodes, services and the tasks each node runs, as its manager says.")
    static final class Ps extends OnSwarm {
        @Parameters(paramLabel = "LAB", description = "The lab (or host) whose Swarm to show.")
        String swarm;

        @Option(names = "--all", description = "Every task the Swarm remembers, stopped and failed ones too, not only those "
                + "it wants running.")
        boolean all;

        @Override
        String swarmName() {
            return swarm;
        }

        @Override
        public Integer call() throws Exception {
            SwarmSnapshot snapshot = withSwarm(SwarmOperations::read);
            print(snapshot, text(snapshot, all, Instant.now()));
            return 0;
        }

        static String text(SwarmSnapshot s, boolean all, Instant now) {
            StringBuilder out = new StringBuilder();
            out.append("Swarm ").append(s.clusterId(), 0, Math.min(12, s.clusterId().length())).append(", as ")
                    .append(s.manager()).append(" says it\n\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"NODE", "ROLE", "AVAILABILITY", "STATE", "TASKS", "LABELS"});
            for (var n : s.nodes()) {
                rows.add(new String[] {n.hostname(), n.role() + (n.leader() ? " (leader)" : ""), n.availability(), n.state(),
                        String.valueOf(s.currentTasksOn(n.id()).size()), String.join(",", new java.util.TreeMap<>(n.labels())
                                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())});
            }
            table(out, rows);
            rows.clear();
            rows.add(new String[] {"SERVICE", "IMAGE", "REPLICAS", "PORTS", "NETWORKS", "UPDATE"});
            for (var v : s.services()) {
                rows.add(new String[] {v.name(), v.image(), s.running(v) + "/" + s.wanted(v) + (v.replicas() == null ? " (global)" : ""),
                        String.join(",", v.ports().stream().map(Object::toString).toList()), String.join(",", v.networks()),
                        v.updateState()});
            }
            out.append('\n');
            table(out, rows);
            rows.clear();
            rows.add(new String[] {"TASK", "NODE", "DESIRED", "STATE", "SINCE", "ERROR"});
            List<SwarmSnapshot.Task> tasks = all ? s.tasks().stream().sorted(java.util.Comparator
                    .comparing((SwarmSnapshot.Task t) -> s.taskName(t)).thenComparing(SwarmSnapshot.Task::since, java.util.Comparator.reverseOrder()))
                    .toList() : s.currentTasks();
            for (var t : tasks) {
                rows.add(new String[] {s.taskName(t), s.nodeName(t.nodeId()), t.desiredState(), t.state(),
                        Durations.format(SwarmSnapshot.age(t, now)) + " ago", t.error()});
            }
            out.append('\n');
            table(out, rows);
            for (String problem : SwarmProblems.of(s)) out.append("\n! ").append(problem);
            return out.toString().stripTrailing();
        }

        private static void table(StringBuilder out, List<String[]> rows) {
            int[] widths = new int[rows.getFirst().length];
            rows.forEach(r -> {
                for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
            });
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) line.append(String.format("%-" + (widths[i] + 2) + "s", r[i]));
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
    }

    @Command(name = "check", description = "Probe the overlay: does a task reach a task on another node, and does the kernel "
            + "have IPVS (virtual IPs, the routing mesh)? Exit 3 when either does not hold.")
    static final class Check extends OnSwarm {
        @Parameters(paramLabel = "LAB", description = "The lab (or host) whose Swarm to check.")
        String swarm;

        @Override
        String swarmName() {
            return swarm;
        }

        @Override
        public Integer call() throws Exception {
            var result = withEngine(local -> {
                try (ConnectedHosts hosts = new ConnectedHosts(local)) {
                    SwarmOperations operations = SwarmOperations.of(local, hosts, swarm);
                    return dev.portolan.operations.OverlayCheck.run(local, hosts, operations, operations.read());
                }
            });
            print(result, result.sentence());
            return result.works() ? 0 : NOT_CONVERGED;
        }
    }

    @Command(name = "init", description = "Start a Swarm with HOST as its first manager (its lab network address advertised).")
    static final class Init extends OnNode {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.init(node));
        }
    }

    @Command(name = "join", description = "Join HOST to the Swarm its lab mates run (the join token is found for you).")
    static final class Join extends OnNode {
        @Option(names = "--manager", description = "Join as a manager (default: a worker).")
        boolean manager;

        @Override
        public Integer call() throws Exception {
            return say(s -> s.join(node, manager));
        }
    }

    @Command(name = "leave", description = "Take HOST out of its Swarm (a manager must be demoted first; the last one only "
            + "with --force, which ends the Swarm).")
    static final class Leave extends OnNode {
        @Option(names = "--force", description = "Leave even as a manager (the last manager ends the Swarm).")
        boolean force;

        @Override
        public Integer call() throws Exception {
            return say(s -> s.leave(node, force));
        }
    }

    @Command(name = "promote", description = "Make a worker node a manager.")
    static final class Promote extends OnNode {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.promote(node));
        }
    }

    @Command(name = "demote", description = "Make a manager node a worker (never the last manager).")
    static final class Demote extends OnNode {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.demote(node));
        }
    }

    @Command(name = "drain", description = "Drain a node: its tasks move to the others, nothing new lands on it.")
    static final class Drain extends OnNode {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.drain(node));
        }
    }

    @Command(name = "activate", description = "Make a drained or paused node active again.")
    static final class Activate extends OnNode {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.activate(node));
        }
    }

    @Command(name = "create", description = "Create a replicated service (its image must be on the nodes: copy-image sends it).")
    static final class Create extends OnService {
        @Option(names = "--image", required = true)
        String image;

        @Option(names = "--replicas", defaultValue = "1")
        String replicas;

        @Option(names = {"-p", "--publish"}, paramLabel = "PUBLISHED:TARGET", description = "A port through the routing mesh.")
        List<String> ports = new ArrayList<>();

        @Parameters(index = "2..*", paramLabel = "COMMAND", description = "The command, after --.")
        List<String> command = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            return sayAndWait(s -> s.create(service, image, SwarmOperations.replicas(replicas), command, ports));
        }
    }

    @Command(name = "scale", description = "Set a service's number of replicas.")
    static final class Scale extends OnService {
        @Parameters(index = "2", paramLabel = "REPLICAS")
        String replicas;

        @Override
        public Integer call() throws Exception {
            return sayAndWait(s -> s.scale(service, replicas));
        }
    }

    @Command(name = "update", description = "Roll a new image out to a service's tasks, a few at a time; a failing one rolls "
            + "back (or pauses) as --on-failure says.")
    static final class Update extends OnService {
        @Option(names = "--image", required = true)
        String image;

        @Option(names = "--parallelism", defaultValue = "1", description = "Tasks updated at a time, 0 for all (default 1).")
        int parallelism;

        @Option(names = "--delay", defaultValue = "0s", description = "Wait between batches (default 0s).")
        String delay;

        @Option(names = "--on-failure", defaultValue = "rollback", description = "rollback (default), pause or continue.")
        String onFailure;

        @Option(names = "--monitor", defaultValue = "5s", description = "How long a new task must run to count as updated (default 5s).")
        String monitor;

        @Parameters(index = "2..*", paramLabel = "COMMAND", description = "A new command, after --.")
        List<String> command = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            var policy = new dev.portolan.engine.UpdatePolicy(parallelism, FaultCommand.parseDuration(delay), onFailure,
                    FaultCommand.parseDuration(monitor));
            return sayAndWait(s -> s.update(service, image, command, policy));
        }
    }

    @Command(name = "rollback", description = "Put a service back on its previous spec.")
    static final class Rollback extends OnService {
        @Override
        boolean rollsBack() {
            return true;
        }

        @Override
        public Integer call() throws Exception {
            return sayAndWait(s -> s.rollback(service));
        }
    }

    @Command(name = "rm", description = "Remove a service; its tasks stop.")
    static final class Rm extends OnService {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.remove(service));
        }
    }

    @Command(name = "copy-image", description = "Copy a service's image to the nodes that lack it, from a host of the Swarm that has it.")
    static final class CopyImage extends OnService {
        @Override
        public Integer call() throws Exception {
            return say(s -> s.copyImage(service, dev.portolan.image.TransferProgress.NONE));
        }
    }
}
