package dev.portolan.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostInventory;
import dev.portolan.testing.SyntheticCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diagram's selection, search, collapse and undo, driven without a toolkit. */
class DiagramControllerTest {

    private static final List<HostInventory> CLUSTER = SyntheticCluster.of(2, 12, 2, 3, 3);

    private static List<HostSnapshot> live() {
        List<HostSnapshot> list = new ArrayList<>();
        for (int i = 0; i < CLUSTER.size(); i++) list.add(new HostSnapshot("node" + i, "lab", "live", CLUSTER.get(i)));
        return list;
    }

    private static DiagramController laidOut() {
        DiagramController controller = new DiagramController(Map.of());
        assertTrue(controller.takeChanged(), "a first layout is due");
        controller.relayout(live());
        assertFalse(controller.takeChanged());
        return controller;
    }

    @Test
    void aClickSelectsOneThingAndShiftAddsTheDetailsGetItsResource() {
        DiagramController controller = laidOut();
        Layout.Card first = controller.layout().cards().getFirst();
        Layout.Card second = controller.layout().cards().get(1);
        controller.click(first, false);
        assertEquals(new DiagramController.Chosen(first.host(), first.container()), controller.chosen().orElseThrow());
        controller.click(second, true);
        assertEquals(List.of(first, second), controller.selectedCards());
        assertTrue(controller.chosen().isEmpty(), "two things selected: the details show none");
        controller.click(second, true);
        assertEquals(List.of(first), controller.selectedCards(), "a second Shift-click takes it out again");
        controller.click(null, false);
        assertTrue(controller.selected().isEmpty(), "a click on nothing clears");
    }

    @Test
    void aSearchFindsCardsAndNarrowsWithFilters() {
        DiagramController controller = laidOut();
        ContainerInfo target = controller.layout().cards().get(3).container();
        controller.search(target.name());
        assertTrue(controller.takeChanged());
        controller.relayout(live());
        assertTrue(controller.found().contains("node0/" + target.id()) || controller.found().contains("node1/" + target.id()));
        assertTrue(controller.counts().endsWith("found"), controller.counts());
        controller.search("host:node1");
        controller.relayout(live());
        assertTrue(controller.layout().hosts().stream().allMatch(h -> h.host().equals("node1")));
    }

    @Test
    void arrowsMoveTheSelectionAndWhatLeavesThePictureIsNoLongerSelected() {
        DiagramController controller = laidOut();
        Layout.Card start = controller.move(LayoutChanges.Direction.RIGHT);
        assertSame(controller.layout().cards().getFirst(), start, "with nothing selected an arrow picks the first card");
        Layout.Card next = controller.move(LayoutChanges.Direction.RIGHT);
        assertNotEquals(start, next);
        assertTrue(next.bounds().centerX() > start.bounds().centerX());

        controller.toggleCollapsed(next.host());
        assertTrue(controller.takeChanged());
        controller.relayout(live());
        assertTrue(controller.selected().isEmpty(), "its host collapsed: the card is gone, and so is the selection");
    }

    @Test
    void undoRunsTheWayBackOnce() {
        DiagramController controller = laidOut();
        int[] undone = {0};
        controller.setUndo(() -> undone[0]++);
        assertTrue(controller.undo());
        assertFalse(controller.undo());
        assertEquals(1, undone[0]);
    }
}
