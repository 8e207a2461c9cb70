package dev.portolan.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.UpdatePolicy;
import dev.portolan.host.Progress;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabStep;
import dev.portolan.lab.Labs;
import dev.portolan.testing.DockerCli;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.TestEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Swarm operations (#20) on a real three-node Swarm of simulated hosts, made once for the
 * class: a service of six spread over the nodes; scaled to nine and back; a rolling update of a
 * failing command stopped and rolled back; a node drained and its tasks moved; a placement
 * constraint on a node label; an image missing on a node named with the node, and copied;
 * plan and apply updating a service in place; a stopped node's tasks placed elsewhere. After
 * each step the picture ({@link SwarmSnapshot}) matches `docker service ps`.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwarmIT extends EngineTest {

    private static final String SLEEPER = "[sh, -c, \"trap 'exit 0' TERM; sleep 3600 & wait\"]";
    private static final Duration SETTLES = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    private static String name;
    private static LabSpec lab;
    private static SimulatedHosts simulated;
    private static Labs labs;
    private static final Map<String, HostOperations> open = new HashMap<>();
    private static SwarmOperations swarm;
    private static DockerCli docker;
    private static LocalEngine local;

    @BeforeAll
    static void makeTheSwarm() throws Exception {
        name = "swit" + UUID.randomUUID().toString().substring(0, 5);
        lab = LabFile.parse(labText(6, SLEEPER), "lab.yaml", dir);
        simulated = new SimulatedHosts(engine.docker(), dev.portolan.app.UserDirectories.forThisUser().config(),
                new DockerContexts(dir.resolve("docker")));
        labs = new Labs(engine.docker(), simulated, TestEngine.DIND);
        long start = System.nanoTime();
        labs.apply(lab, Progress.NONE);
        System.out.printf("a three-node Swarm with two services applied in %.1f s%n", (System.nanoTime() - start) / 1e9);
        local = new LocalEngine("local engine", engine.endpoint(), engine::clients,
                dev.portolan.app.UserDirectories.forThisUser().config(), new DockerContexts(dir.resolve("docker")));
        swarm = new SwarmOperations(SwarmIT::host, List.of(name + "/manager", name + "/worker1", name + "/worker2"), local::labAddressOf);
        docker = new DockerCli(dir.resolve("docker"));
    }

    private static String labText(int replicas, String command) {
        return labText(replicas, command, "[manager]", "[worker1, worker2]", "[]");
    }

    private static String labText(int replicas, String command, String managers, String workers, String drain) {
        return """
                name: %s
                hosts:
                  - {name: manager}
                  - {name: worker1, labels: {zone: a}}
                  - {name: worker2, labels: {zone: b}}
                networks:
                  - {name: appnet, driver: overlay}
                swarm:
                  managers: %s
                  workers: %s
                  drain: %s
                  services:
                    - name: web
                      image: %s
                      replicas: %d
                      command: %s
                      update: {parallelism: 3, monitor: 1s}
                      networks: [appnet]
                    - name: pinned
                      image: %s
                      replicas: 2
                      command: %s
                      constraints: [node.labels.zone==b]
                      endpoint_mode: dnsrr
                      networks: [appnet]
                """.formatted(name, managers, workers, drain, TestEngine.BUSYBOX, replicas, command, TestEngine.BUSYBOX, SLEEPER);
    }

    private static synchronized HostOperations host(String host) {
        return open.computeIfAbsent(host, h -> HostOperations.connect(simulated.find(name, h.substring(h.indexOf('/') + 1))
                .orElseThrow().endpoint()));
    }

    @AfterAll
    static void destroy() {
        open.values().forEach(HostOperations::close);
        if (labs != null) labs.destroy(lab, true, Progress.NONE);
    }

    // --- what the picture says, and what the docker CLI says

    /** The tasks the Swarm wants running, as `NAME NODE` lines, from the picture. */
    private static Set<String> pictured(SwarmSnapshot s, String service) {
        return s.currentTasks().stream().filter(t -> s.serviceName(t.serviceId()).equals(service))
                .map(t -> s.taskName(t) + " " + s.nodeName(t.nodeId())).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The same from `docker service ps` on the manager. */
    private static Set<String> servicePs(String service) throws Exception {
        var result = docker.run("--context", simulated.find(name, "manager").orElseThrow().contextName(), "service", "ps", service,
                "--filter", "desired-state=running", "--format", "{{.Name}} {{.Node}}");
        assertEquals(0, result.exit(), result.output());
        return result.output().lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Waits for a condition; when it does not come, says what the Swarm's tasks were doing. */
    private static void within(String what, java.util.function.BooleanSupplier holds) throws Exception {
        try {
            Eventually.within(SETTLES, what, holds);
        } catch (AssertionError e) {
            var ps = docker.run("--context", simulated.find(name, "manager").orElseThrow().contextName(), "service", "ps",
                    "web", "pinned", "--format", "{{.Name}} {{.Node}} {{.DesiredState}} {{.CurrentState}} {{.Error}}");
            throw new AssertionError(e.getMessage() + "\n" + ps.output(), e);
        }
    }

    private static SwarmProgress.Outcome await(String service) {
        List<String> lines = new ArrayList<>();
        var outcome = SwarmProgress.await(swarm::read, service, false, SETTLES, lines::add);
        System.out.println(String.join("\n", lines) + "\n" + outcome.sentence());
        return outcome;
    }

    private static Map<String, Long> perNode(SwarmSnapshot s, String service) {
        return s.currentTasks().stream().filter(t -> s.serviceName(t.serviceId()).equals(service))
                .collect(Collectors.groupingBy(t -> s.nodeName(t.nodeId()), java.util.TreeMap::new, Collectors.counting()));
    }

    @Test
    @Order(1)
    void sixReplicasSpreadOverTheThreeNodesAndAConstraintHolds() throws Exception {
        SwarmSnapshot s = swarm.read();
        assertEquals(List.of("manager", "worker1", "worker2"), s.nodes().stream().map(SwarmSnapshot.Node::hostname).toList());
        assertTrue(s.nodes().getFirst().leader() && s.nodes().getFirst().isManager(), "the manager leads");
        assertEquals(Map.of("zone", "b"), s.nodeNamed("worker2").orElseThrow().labels(), "the host's label on its node");
        assertEquals(Map.of("manager", 2L, "worker1", 2L, "worker2", 2L), perNode(s, "web"), "six spread evenly");
        assertEquals(Map.of("worker2", 2L), perNode(s, "pinned"), "node.labels.zone==b: only worker2");
        assertEquals(servicePs("web"), pictured(s, "web"), "the picture is what docker service ps says");
        assertEquals(servicePs("pinned"), pictured(s, "pinned"));
        assertTrue(s.isSettled());
        assertEquals("dnsrr", s.service("pinned").orElseThrow().endpointMode());

        // one probe across the overlay: a task reaches a task on another node; whether the kernel has IPVS is said
        var overlay = OverlayCheck.run(local, SwarmIT::host, swarm, s);
        System.out.println("the overlay: " + overlay.sentence());
        assertEquals(Boolean.TRUE, overlay.acrossHosts(), overlay.sentence());
        assertTrue(overlay.sentence().startsWith("Tasks reach each other across hosts over appnet ("), overlay.sentence());
        assertEquals(!overlay.ipvs(), overlay.sentence().contains("this computer's kernel has no IPVS"), overlay.sentence());
    }

    @Test
    @Order(2)
    void scaledToNineAndBackToSix() throws Exception {
        var bad = assertThrows(InvalidInputException.class, () -> swarm.scale("web", "nine"));
        assertEquals("Replicas is a whole number of tasks, 0 or more, not 'nine'.", bad.getMessage());
        var none = assertThrows(InvalidInputException.class, () -> swarm.scale("wbe", "9"));
        assertEquals("No service wbe in this Swarm; it has: pinned, web.", none.getMessage());

        assertEquals("web scaled to 9.", swarm.scale("web", "9"));
        assertTrue(await("web").converged());
        SwarmSnapshot nine = swarm.read();
        assertEquals(9, nine.running(nine.service("web").orElseThrow()));
        assertEquals(servicePs("web"), pictured(nine, "web"));
        assertEquals(Map.of("manager", 3L, "worker1", 3L, "worker2", 3L), perNode(nine, "web"), "spread evenly again");

        swarm.scale("web", "6");
        assertTrue(await("web").converged());
        SwarmSnapshot six = swarm.read();
        assertEquals(6, six.currentTasks().stream().filter(t -> six.serviceName(t.serviceId()).equals("web")).count());
        assertEquals(servicePs("web"), pictured(six, "web"));
    }

    @Test
    @Order(3)
    void aFailingUpdateStopsAndRollsBackAndARollbackGoesBack() throws Exception {
        var failing = new UpdatePolicy(2, Duration.ZERO, "rollback", Duration.ofSeconds(2));
        swarm.update("web", TestEngine.BUSYBOX, List.of("sh", "-c", "sleep 0.5; exit 3"), failing);
        var outcome = await("web");
        assertFalse(outcome.converged(), "a failing update does not end where it was asked to");
        assertTrue(outcome.sentence().startsWith("web was rolled back to " + TestEngine.BUSYBOX), outcome.sentence());
        assertTrue(outcome.sentence().contains("exit 3") || outcome.sentence().contains("(3)"), outcome.sentence());
        SwarmSnapshot after = swarm.read();
        var web = after.service("web").orElseThrow();
        assertEquals("rollback_completed", web.updateState());
        assertEquals(6, after.running(web), "six run the old command again");
        assertEquals(servicePs("web"), pictured(after, "web"));
        var command = host(name + "/manager").requests().inspectServiceCmd(web.id()).exec().getSpec().getTaskTemplate()
                .getContainerSpec().getCommand();
        assertEquals("trap 'exit 0' TERM; sleep 3600 & wait", command.getLast(), "the spec is the one before the update");

        // an update that works, then a rollback asked for: back on the spec before it
        swarm.update("web", TestEngine.BUSYBOX, List.of("sh", "-c", "trap 'exit 0' TERM; sleep 3601 & wait"),
                new UpdatePolicy(0, Duration.ZERO, "rollback", Duration.ofSeconds(1)));
        assertTrue(await("web").converged());
        assertEquals("web is rolling back to its previous spec.", swarm.rollback("web"));
        var back = SwarmProgress.await(swarm::read, "web", true, SETTLES, line -> { });
        assertTrue(back.converged(), back.sentence());
        assertEquals("trap 'exit 0' TERM; sleep 3600 & wait", host(name + "/manager").requests().inspectServiceCmd(web.id()).exec()
                .getSpec().getTaskTemplate().getContainerSpec().getCommand().getLast());
    }

    @Test
    @Order(4)
    void drainMovesEveryTaskOffTheNodeAndTheLastActiveNodeIsKept() throws Exception {
        String said = swarm.drain(name + "/worker1");
        assertTrue(said.matches("worker1 is draining: its (task moves to another node|\\d tasks move to the other nodes)\\."), said);
        within("worker1 runs nothing and web has its six", () -> {
            SwarmSnapshot s = swarm.read();
            var node = s.nodeNamed("worker1").orElseThrow();
            return s.currentTasksOn(node.id()).isEmpty() && SwarmProgress.isConverged(s, s.service("web").orElseThrow());
        });
        SwarmSnapshot drained = swarm.read();
        assertEquals("drain", drained.nodeNamed("worker1").orElseThrow().availability());
        assertEquals(servicePs("web"), pictured(drained, "web"));
        assertFalse(perNode(drained, "web").containsKey("worker1"));

        swarm.drain("worker2");
        var last = assertThrows(InvalidInputException.class, () -> swarm.drain("manager"));
        assertEquals("manager is the Swarm's last active node (and a manager): drained, its tasks would have nowhere to go. "
                + "Activate or add another node first.", last.getMessage());
        var demote = assertThrows(InvalidInputException.class, () -> swarm.demote("manager"));
        assertTrue(demote.getMessage().startsWith("manager is the Swarm's last manager"), demote.getMessage());
        assertTrue(swarm.activate("worker1").startsWith("worker1 is active"));
        swarm.activate("worker2");
        within("pinned runs on worker2 again", () -> {
            SwarmSnapshot s = swarm.read();
            return SwarmProgress.isConverged(s, s.service("pinned").orElseThrow());
        });
    }

    @Test
    @Order(5)
    void aHostInAnotherSwarmIsNotJoinedAndAMemberIsNotStartedAgain() throws Exception {
        var again = assertThrows(InvalidInputException.class, () -> swarm.init(name + "/worker1"));
        assertTrue(again.getMessage().startsWith(name + "/worker1 is already in a Swarm"), again.getMessage());
        assertEquals(name + "/worker2 is already in this Swarm.", swarm.join(name + "/worker2", false));

        LabSpec other = LabFile.parse("""
                name: %s
                hosts: [{name: solo}]
                swarm: {managers: [solo]}
                """.formatted(name + "x"), "other.yaml", dir);
        labs.apply(other, Progress.NONE);
        try (HostOperations solo = HostOperations.connect(simulated.find(name + "x", "solo").orElseThrow().endpoint())) {
            var both = new SwarmOperations(h -> h.endsWith("/solo") ? solo : host(h),
                    List.of(name + "/manager", name + "x/solo"), h -> java.util.Optional.empty());
            var refused = assertThrows(InvalidInputException.class, () -> both.join(name + "x/solo", false));
            assertTrue(refused.getMessage().startsWith(name + "x/solo is in another Swarm (cluster "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("Make it leave that one first (portolan swarm leave " + name + "x/solo --force), "
                    + "then join it here."), refused.getMessage());
            assertEquals(3, swarm.read().nodes().size(), "nothing half-done: no node added");
        } finally {
            labs.destroy(other, true, Progress.NONE);
        }
    }

    @Test
    @Order(6)
    void anImageMissingOnNodesIsNamedWithTheNodeAndCopiedThere() throws Exception {
        var manager = host(name + "/manager").requests();
        manager.tagImageCmd(TestEngine.BUSYBOX, "portolan-test/only-on-manager", "1").exec();
        swarm.create("lonely", "portolan-test/only-on-manager:1", 3, List.of("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"),
                List.of());
        within("a sentence names a node without the image", () ->
                SwarmProblems.of(swarm.read()).stream().anyMatch(p -> p.startsWith("lonely: worker")));
        String problem = SwarmProblems.of(swarm.read()).stream().filter(p -> p.startsWith("lonely:")).findFirst().orElseThrow();
        assertTrue(problem.contains(" has no image portolan-test/only-on-manager:1 and cannot pull it (no registry). Copy it there: "
                + "portolan swarm copy-image lonely."), problem);
        String copied = swarm.copyImage("lonely", dev.portolan.image.TransferProgress.NONE);
        assertTrue(copied.startsWith("Copied portolan-test/only-on-manager:1 from " + name + "/manager to "), copied);
        within("lonely runs its three", () -> {
            SwarmSnapshot s = swarm.read();
            return s.running(s.service("lonely").orElseThrow()) == 3;
        });
        assertEquals(List.of(), SwarmProblems.of(swarm.read()).stream().filter(p -> p.startsWith("lonely")).toList(),
                "the problem is gone once the tasks run");
        assertTrue(swarm.remove("lonely").startsWith("Removed service lonely"));
    }

    @Test
    @Order(7)
    void planShowsTheServiceChangeAndApplyRollsItOutInPlace() throws Exception {
        String before = swarm.read().service("web").orElseThrow().id();
        // worker1 promoted and drained in the file (two managers: stopping worker2 later keeps their quorum)
        LabSpec changed = LabFile.parse(labText(4, "[sh, -c, \"trap 'exit 0' TERM; sleep 3602 & wait\"]", "[manager, worker1]",
                "[worker2]", "[worker1]"), "lab.yaml", dir);
        List<String> plan = labs.plan(changed).stream().map(step -> step.host() + ": " + step.describe()).toList();
        assertEquals(List.of("worker1: promote its swarm node to manager, drain its swarm node",
                "manager: update service web: replicas 6 → 4, command sh -c trap 'exit 0' TERM; sleep 3600 & wait → sh -c trap 'exit 0' "
                + "TERM; sleep 3602 & wait"), plan);
        labs.apply(changed, Progress.NONE);
        SwarmSnapshot s = swarm.read();
        var web = s.service("web").orElseThrow();
        assertEquals(before, web.id(), "updated, not removed and made again");
        assertEquals(4, s.running(web));
        assertTrue(SwarmProgress.isConverged(s, web));
        assertEquals(List.of(), labs.plan(changed), "nothing left to do");
        var worker1 = s.nodeNamed("worker1").orElseThrow();
        assertTrue(worker1.isManager() && worker1.availability().equals("drain"), worker1.toString());
        assertEquals(List.of(), s.currentTasksOn(worker1.id()), "a drained node runs nothing");
        lab = changed;
    }

    @Test
    @Order(8)
    void aStoppedNodesTasksArePlacedElsewhereAfterTheSwarmNoticesAndAConstraintNoNodeMeetsIsSaid() throws Exception {
        var worker2 = simulated.find(name, "worker2").orElseThrow();
        long stopped = System.nanoTime();
        simulated.stop(worker2);
        within("the Swarm sees worker2 down", () -> swarm.read().nodeNamed("worker2").orElseThrow().state().equals("down"));
        double seen = (System.nanoTime() - stopped) / 1e9;
        within("web runs its four on the other nodes", () -> {
            SwarmSnapshot s = swarm.read();
            return SwarmProgress.isConverged(s, s.service("web").orElseThrow());
        });
        double moved = (System.nanoTime() - stopped) / 1e9;
        System.out.printf("worker2 stopped: seen down after %.1f s, web's tasks running elsewhere after %.1f s%n", seen, moved);
        SwarmSnapshot s = swarm.read();
        assertFalse(perNode(s, "web").containsKey("worker2"), perNode(s, "web").toString());
        assertEquals(servicePs("web"), pictured(s, "web"));
        within("pinned, which only worker2 may run, is said to have no node", () ->
                SwarmProblems.of(swarm.read()).stream().anyMatch(p -> p.startsWith("pinned: no node meets its placement constraints")));
        assertNotNull(simulated.start(worker2, Progress.NONE));
    }

    @Test
    @Order(9)
    void aHostTakenOutOfTheSwarmSectionIsPlannedToLeaveAndLeaves() throws Exception {
        // worker1, a drained manager since order 7, is no longer named by the swarm section
        LabSpec without = LabFile.parse(labText(4, "[sh, -c, \"trap 'exit 0' TERM; sleep 3602 & wait\"]", "[manager]",
                "[worker2]", "[]"), "lab.yaml", dir);
        List<String> plan = labs.plan(without).stream().map(step -> step.host() + ": " + step.describe()).toList();
        assertEquals(List.of("worker1: leave the swarm (the swarm section no longer names it; its tasks move to the other nodes)"),
                plan);
        labs.apply(without, Progress.NONE);
        assertTrue(swarm.read().nodeNamed("worker1").isEmpty(), "off the managers' list, not listed down");
        assertEquals(name + "/worker1 is not in a Swarm.", swarm.leave(name + "/worker1", false), "its engine says so");
        assertEquals(List.of(), labs.plan(without), "nothing left to do");
        lab = without;
    }
}
