package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabFileTest {

    static String template(String name) {
        return LabTemplates.text(name);
    }

    private static LabProblem onlyProblem(String yaml) {
        var error = assertThrows(LabFileException.class, () -> LabFile.parse(yaml, "lab.yaml"));
        assertEquals(1, error.problems().size(), error.getMessage());
        return error.problems().getFirst();
    }

    @Test
    void theWebDbTemplateReads() throws IOException {
        LabSpec lab = LabFile.parse(template("web-db.yaml"), "web-db.yaml");
        assertEquals("web-db", lab.name());
        assertEquals(List.of("web", "data"), lab.hosts().stream().map(LabSpec.Host::name).toList());
        assertEquals(List.of("db"), lab.containers().get(1).dependsOn());
        assertEquals(3, lab.containers().get(2).healthcheck().retries());
    }

    @Test
    void anUnknownKeyIsNamedWithItsPlaceAndTheKeysThatExist() {
        LabProblem p = onlyProblem("name: demo\nhosts:\n  - name: node1\ncontainers:\n  - name: web\n    imagee: busybox\n");
        assertEquals(6, p.line());
        assertEquals(5, p.column());
        assertTrue(p.message().startsWith("unknown key 'imagee'"), p.message());
        assertTrue(p.message().contains("image") && p.message().contains("depends_on"), p.message());
        assertTrue(p.toString().startsWith("lab.yaml:6:5: "), p.toString());
    }

    @Test
    void aLabsNamedFaultsReadAsFaultsOnItsHostsAndContainersAndAMistakeIsFoundAtItsLine() {
        String lab = "name: demo\nhosts: [{name: n1}, {name: n2}]\ncontainers:\n  - name: db\n    host: n2\n    image: x\n"
                + "faults:\n  split:\n    - cut: [n1, n2/db]\n      one-way: true\n    - drop: n2\n      share: 25%\n"
                + "    - kill: n2/db\n      signal: TERM\n";
        LabSpec spec = LabFile.parse(lab, "lab.yaml");
        assertEquals(List.of(
                new dev.portolan.host.faults.FaultSpec.Cut(dev.portolan.host.faults.FaultSpec.Target.host("demo/n1"),
                        new dev.portolan.host.faults.FaultSpec.Target("demo/n2", "db"), true),
                new dev.portolan.host.faults.FaultSpec.Drop(dev.portolan.host.faults.FaultSpec.Target.host("demo/n2"), 25),
                new dev.portolan.host.faults.FaultSpec.ContainerFault(new dev.portolan.host.faults.FaultSpec.Target("demo/n2", "db"),
                        dev.portolan.host.faults.FaultSpec.ContainerAction.KILL, "TERM", null)),
                LabFaults.specs(spec, "split"));

        LabProblem unknownHost = onlyProblem(lab.replace("cut: [n1, n2/db]", "cut: [n1, n3]"));
        assertEquals(9, unknownHost.line());
        assertTrue(unknownHost.message().contains("faults split: 'n3': n3 is not a host of this lab (hosts: n1, n2)"),
                unknownHost.message());
        LabProblem two = onlyProblem(lab.replace("      share: 25%", "      share: 25%\n      pause: n1"));
        assertTrue(two.message().contains("one fault per entry, not pause and drop"), two.message());
        LabProblem share = onlyProblem(lab.replace("25%", "250%"));
        assertTrue(share.message().contains("'250%' is not a share of packets"), share.message());
    }

    @Test
    void aWrongTypeSaysWhatWasExpected() {
        LabProblem replicas = onlyProblem("name: demo\nhosts: [{name: n1}]\ncontainers:\n  - name: web\n    image: x\n    replicas: two\n");
        assertEquals(6, replicas.line());
        assertTrue(replicas.message().contains("'two' at containers[0].replicas is not a whole number"), replicas.message());
        LabProblem provider = onlyProblem("name: demo\nhosts:\n  - name: n1\n    provider: vmware\n");
        assertEquals(4, provider.line());
        assertTrue(provider.message().contains("one of simulated, docker-machine, existing"), provider.message());
        LabProblem list = onlyProblem("name: demo\nhosts: node1\n");
        assertTrue(list.message().contains("expected a list"), list.message());
    }

    @Test
    void referencesAndCyclesAreCheckedAndPointAtTheirLine() {
        var error = assertThrows(LabFileException.class, () -> LabFile.parse("""
                name: demo
                hosts:
                  - name: node1
                  - name: node2
                containers:
                  - name: a
                    host: node3
                    image: x
                    depends_on: [b]
                  - name: b
                    host: node1
                    image: x
                    volumes: ["missing:/data"]
                    depends_on: [a]
                """, "lab.yaml"));
        List<String> problems = error.problems().stream().map(LabProblem::toString).toList();
        assertTrue(problems.contains("lab.yaml:7:11: host node3 is not declared; the lab's hosts are node1, node2")
                || problems.stream().anyMatch(p -> p.startsWith("lab.yaml:7:") && p.contains("node3")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("lab.yaml:13:") && p.contains("volume missing is not declared")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("depends on itself through others")), problems.toString());
    }

    @Test
    void brokenYamlAndEmptyFilesAreProblemsToo() {
        LabProblem broken = onlyProblem("name: demo\nhosts:\n  - name: n1\n   provider: simulated\n");
        assertTrue(broken.message().startsWith("not valid YAML"), broken.message());
        assertTrue(broken.line() >= 3, broken.toString());
        LabProblem empty = onlyProblem("");
        assertTrue(empty.message().contains("empty"), empty.message());
    }

    /** Random mutations of every template: each reads, or is refused with file:line:column; nothing else escapes. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.FieldSource("dev.portolan.lab.LabTemplates#NAMES")
    void fuzzedTemplatesNeverEscapeAsAnythingButProblems(String template) throws IOException {
        String original = template(template);
        Random random = new Random(20261125L + template.hashCode());
        int accepted = 0, refused = 0;
        for (int round = 0; round < 3000; round++) {
            String mutated = YamlMutations.mutate(original, random);
            try {
                LabFile.parse(mutated, "fuzz.yaml");
                accepted++;
            } catch (LabFileException e) {
                refused++;
                for (LabProblem p : e.problems()) {
                    assertTrue(p.line() >= 1 && p.column() >= 1 && !p.message().isBlank(), p + "\n--- input:\n" + mutated);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " escaped as " + e + "\n--- input:\n" + mutated, e);
            }
        }
        System.out.printf("fuzz %s: %d accepted, %d refused with file:line:column%n", template, accepted, refused);
        assertTrue(refused > 1000, "the mutations do break the file");
    }

    @Test
    void aOneHostLabsFaultsNameItsContainersThoughTheyLeaveTheirHostOut() {
        LabSpec spec = LabFile.parse("name: demo\nhosts: [{name: n1}]\ncontainers:\n  - {name: app, image: x}\n"
                + "faults:\n  outage:\n    - stop: n1/app\n", "lab.yaml");
        assertEquals(List.of(new dev.portolan.host.faults.FaultSpec.ContainerFault(new dev.portolan.host.faults.FaultSpec.Target("demo/n1",
                "app"), dev.portolan.host.faults.FaultSpec.ContainerAction.STOP, null, null)), LabFaults.specs(spec, "outage"));
    }

    @Test
    void hostsAreSizedLikeProductionAndAWrongSizeIsSaidAtItsPlace() {
        LabSpec spec = LabFile.parse("name: demo\nhosts:\n  - {name: n1, cpus: 1.5, memory: 512MB, labels: {zone: a}}\n"
                + "  - {name: n2, provider: docker-machine, cpus: 2, memory: 2GiB, labels: {disk.type: ssd}}\n"
                + "swarm:\n  managers: [n1]\n  workers: [n2]\n  services:\n    - {name: web, image: x, constraints: [node.labels.zone==a]}\n",
                "lab.yaml");
        assertEquals(1.5, spec.hosts().getFirst().cpus());
        assertEquals(new dev.portolan.host.simulated.SimulatedHostSpec.Size(1.5, 512_000_000L, java.util.Map.of("zone", "a")),
                LabHosts.size(spec.hosts().getFirst()));
        assertEquals(List.of("--engine-label", "disk.type=ssd", "--virtualbox-cpu-count", "2", "--virtualbox-memory", "2048"),
                LabHosts.machineFlags(spec.hosts().get(1)));
        assertEquals(List.of("node.labels.zone==a"), spec.swarm().services().getFirst().constraints());

        LabProblem small = onlyProblem("name: demo\nhosts:\n  - {name: n1, memory: 64MB}\n");
        assertEquals("lab.yaml:3:16: memory: 64MB is below the 128 MB an engine needs to start", small.toString());
        LabProblem cpus = onlyProblem("name: demo\nhosts:\n  - {name: n1, cpus: 0}\n");
        assertTrue(cpus.message().startsWith("cpus: 0.0 is not between 0.1 and 64"), cpus.message());
        LabProblem existing = onlyProblem("name: demo\nhosts:\n  - {name: n1, provider: existing, endpoint: x, memory: 1GB}\n");
        assertTrue(existing.message().startsWith("cpus and memory size the hosts Portolan makes"), existing.message());
        LabProblem constraint = onlyProblem("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services:\n"
                + "    - {name: web, image: x, constraints: [zone=a]}\n");
        assertTrue(constraint.message().startsWith("constraint 'zone=a' should read like node.labels.zone==b"), constraint.message());
    }

    @Test
    void aServiceSaysHowItsUpdatesRollOutAndABadDurationIsSaidAtItsPlace() {
        LabSpec spec = LabFile.parse("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services:\n"
                + "    - {name: web, image: x, update: {parallelism: 2, delay: 5s, failure_action: pause, monitor: 1s}}\n", "lab.yaml");
        var update = LabSwarm.updatePolicy(spec.swarm().services().getFirst());
        assertEquals(new dev.portolan.engine.UpdatePolicy(2, java.time.Duration.ofSeconds(5), "pause", java.time.Duration.ofSeconds(1)),
                update);
        assertEquals(dev.portolan.engine.UpdatePolicy.DEFAULT, LabSwarm.updatePolicy(LabFile.parse(
                "name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services: [{name: web, image: x}]\n", "lab.yaml")
                .swarm().services().getFirst()), "no update: one at a time, rolled back on failure");
        LabProblem delay = onlyProblem("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services:\n"
                + "    - {name: web, image: x, update: {delay: soon}}\n");
        assertEquals("lab.yaml:6:38: update delay: 'soon' is not a duration: write it as 30s, 2m, 1m30s, 500ms or 1h.", delay.toString());
        LabProblem action = onlyProblem("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services:\n"
                + "    - {name: web, image: x, update: {failure_action: retry}}\n");
        assertTrue(action.toString().startsWith("lab.yaml:6:"), action.toString());
        LabProblem drain = onlyProblem("name: demo\nhosts: [{name: n1}, {name: n2}]\nswarm:\n  managers: [n1]\n  drain: [n2]\n");
        assertEquals("lab.yaml:5:11: drain: n2 is not a manager or worker of this swarm", drain.toString());
        LabProblem all = onlyProblem("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  drain: [n1]\n");
        assertTrue(all.message().startsWith("drain: every member drained"), all.message());
    }

    @Test
    void aServicesBadPortIsSaidAtItsPlaceBeforeAnythingRuns() {
        LabProblem letters = onlyProblem("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services:\n"
                + "    - {name: web, image: x, ports: ['8080:http']}\n");
        assertEquals("lab.yaml:6:37: port '8080:http' is not a port: write it as PUBLISHED:TARGET, such as 8080:80 (each 1 to 65535).",
                letters.toString());
        LabProblem range = onlyProblem("name: demo\nhosts: [{name: n1}]\nswarm:\n  managers: [n1]\n  services:\n"
                + "    - {name: web, image: x, ports: ['70000:80']}\n");
        assertTrue(range.message().startsWith("port '70000:80' is not a port"), range.message());
    }
}
