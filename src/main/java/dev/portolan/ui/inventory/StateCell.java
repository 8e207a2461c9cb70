package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import javafx.scene.control.TableCell;

/**
 * A container's state in a table: its {@link StateText} and a colour. The icon and word
 * carry the meaning, so the colour (from a colour-blind-safe palette in CSS) only helps.
 */
public final class StateCell extends TableCell<ContainerInfo, ContainerInfo> {

    private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

    @Override
    protected void updateItem(ContainerInfo container, boolean empty) {
        super.updateItem(container, empty);
        getStyleClass().removeIf(s -> s.startsWith("state-"));
        if (empty || container == null) {
            setText(null);
            setTooltip(null);
            return;
        }
        setText(StateText.of(container));
        whole.setText(getText()); // "running · healthy" is cut to "running · …" in a narrow column
        setTooltip(whole);
        getStyleClass().add("state-" + container.state().word());
    }
}
