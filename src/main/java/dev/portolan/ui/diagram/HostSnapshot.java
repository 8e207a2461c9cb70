package dev.portolan.ui.diagram;

import dev.portolan.inventory.HostInventory;
import java.util.Map;

/**
 * One host as the diagram draws it: its name, its lab (for kept positions), what it runs
 * now (null while unknown), and what a lab's plan will do to its containers (by id).
 */
public record HostSnapshot(String host, String lab, String status, HostInventory inventory, Map<String, Layout.Plan> planned) {

    public HostSnapshot {
        planned = Map.copyOf(planned);
    }

    /** A live host, with no plan over it. */
    public HostSnapshot(String host, String lab, String status, HostInventory inventory) {
        this(host, lab, status, inventory, Map.of());
    }
}
