package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;

/**
 * A container's state in a table: its {@link StateText} (whole in the tooltip, as every
 * table cell's text) and a colour. The icon and word carry the meaning, so the colour
 * (from a colour-blind-safe palette in CSS) only helps.
 */
final class StateCell extends dev.portolan.ui.Columns.TextCell<ContainerInfo, ContainerInfo> {

    StateCell() {
        super(StateText::of);
    }

    @Override
    protected void updateItem(ContainerInfo container, boolean empty) {
        super.updateItem(container, empty);
        getStyleClass().removeIf(s -> s.startsWith("state-"));
        if (!empty && container != null) getStyleClass().add("state-" + container.state().word());
    }
}
