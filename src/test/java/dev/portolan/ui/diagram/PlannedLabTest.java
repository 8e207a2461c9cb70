package dev.portolan.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan drawn over the live picture, without an engine: what apply makes is a ghost, what it replaces is marked. */
class PlannedLabTest {

    private static final LabSpec LAB = LabFile.parse("""
            name: demo
            hosts: [{name: web}, {name: data}]
            networks: [{name: backend, host: data}]
            containers:
              - {name: db, host: data, image: busybox, networks: [backend]}
              - {name: web, host: web, image: busybox}
            """, "demo.yaml");

    private static ContainerInfo running(String id, String name) {
        return new ContainerInfo(id, name, "busybox", "sha256:1", "sleep", ContainerInfo.State.RUNNING,
                ContainerInfo.Health.NONE, "", 0, 0, false, List.of(), List.of(), List.of(), Map.of(), null, null);
    }

    @Test
    void stepsBecomeGhostsOnTheirHostAndAHostToBeMadeComesLast() {
        LabSpec.Container db = LAB.containers().getFirst();
        LabSpec.Container web = LAB.containers().get(1);
        HostInventory data = new HostInventory(null, Map.of("old", running("old", "db")), Map.of(), Map.of(), Map.of());
        List<LabStep> steps = List.of(
                new LabStep.CreateNetwork("data", LAB.networks().getFirst()),
                new LabStep.CreateContainer("data", "db", db, "h2", "old"),
                new LabStep.CreateHost("web", LAB.hosts().getFirst()),
                new LabStep.CreateContainer("web", "web", web, "h1", null));

        List<HostSnapshot> drawn = new PlannedLab("demo", steps).over(List.of(new HostSnapshot("demo/data", "demo", "live", data)));

        assertEquals(List.of("demo/data", "demo/web"), drawn.stream().map(HostSnapshot::host).toList());
        HostInventory dataDrawn = drawn.getFirst().inventory();
        assertEquals(Map.of("old", Layout.Plan.REPLACE), drawn.getFirst().planned(), "the old db is marked, not duplicated");
        assertEquals(1, dataDrawn.containers().size());
        assertTrue(dataDrawn.networks().values().stream().anyMatch(n -> n.name().equals("backend")), "the network to be made");
        HostSnapshot webDrawn = drawn.get(1);
        assertTrue(webDrawn.status().startsWith("planned"), webDrawn.status());
        ContainerInfo ghost = webDrawn.inventory().containers().values().iterator().next();
        assertEquals(Layout.Plan.CREATE, webDrawn.planned().get(ghost.id()));
        assertEquals("web", ghost.name());
        // and the layout draws it as a ghost card
        Layout layout = new DiagramLayout().layout(drawn, DiagramFilter.NONE);
        assertTrue(layout.cardNamed("web").isGhost());
        assertEquals(Layout.Plan.REPLACE, layout.cardNamed("db").plan());
    }
}
