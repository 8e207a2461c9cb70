package dev.portolan.ui.diagram;

import dev.portolan.inventory.HostInventory;

/** One host as the diagram draws it: its name, its lab (for kept positions), what it runs now (null while unknown). */
public record HostSnapshot(String host, String lab, String status, HostInventory inventory) {}
