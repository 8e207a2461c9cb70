package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the plan asks of one host, given what it holds, without an engine. */
class LabPlanTest {

    private static final LabSpec LAB = LabFile.parse("""
            name: demo
            hosts: [{name: data}]
            volumes: [{name: db-data}]
            networks: [{name: backend}]
            containers:
              - {name: db, image: busybox, volumes: ["db-data:/data"], networks: [backend], restart: unless-stopped}
              - {name: backup, image: busybox, command: ["tar", "-cf", "/tmp/b.tar", "/data"], depends_on: [db]}
              - {name: web, image: busybox, replicas: 2, restart: always}
            """, "demo.yaml");
    private static final LabImages.Builds NO_BUILDS = new LabImages.Builds(List.of(), Map.of(), Map.of());

    private static List<String> plan(HostState state) {
        List<LabStep> steps = new ArrayList<>();
        Labs.planHost(LAB, "data", state, steps, NO_BUILDS);
        return steps.stream().map(LabStep::describe).toList();
    }

    /** The host as the first apply leaves it: every container made from its spec, in the given states. */
    private static HostState applied(Map<String, String> states) {
        Map<String, HostState.Existing> containers = new java.util.HashMap<>();
        List<LabStep> steps = new ArrayList<>();
        Labs.planHost(LAB, "data", HostState.EMPTY, steps, NO_BUILDS);
        for (LabStep step : steps) {
            if (step instanceof LabStep.CreateContainer c) {
                containers.put(c.name(), new HostState.Existing("id-" + c.name(), c.specHash(), states.getOrDefault(c.name(), "running")));
            }
        }
        return new HostState(Map.of("busybox:latest", "sha256:b"), Set.of("db-data"), Set.of("backend"), containers);
    }

    @Test
    void anEmptyHostGetsEverythingInDependencyOrder() {
        assertEquals(List.of("copy image busybox to data", "create volume db-data", "create network backend",
                "create container db", "create container backup", "create container web-1", "create container web-2"),
                plan(HostState.EMPTY));
    }

    @Test
    void anAppliedHostNeedsNothingAndAFinishedOneShotIsLeftAlone() {
        assertEquals(List.of(), plan(applied(Map.of("backup", "exited"))));
    }

    @Test
    void aStoppedServiceIsStartedAndAGoneOrForeignContainerIsSaidSo() {
        HostState state = applied(Map.of("db", "exited", "web-2", "created"));
        Map<String, HostState.Existing> containers = new java.util.HashMap<>(state.containers());
        containers.remove("web-1");
        containers.put("old", new HostState.Existing("id-old", "x", "running"));
        assertEquals(List.of("start container db (exited)", "create container web-1", "start container web-2 (created)",
                "remove container old (no longer in the lab file)"),
                plan(new HostState(state.images(), state.volumes(), state.networks(), containers)));
    }

    @Test
    void aChangedSpecIsReplaced() {
        HostState state = applied(Map.of());
        Map<String, HostState.Existing> containers = new java.util.HashMap<>(state.containers());
        containers.put("db", new HostState.Existing("id-db", "an older spec", "running"));
        assertEquals(List.of("replace container db"), plan(new HostState(state.images(), state.volumes(), state.networks(), containers)));
    }
}
