package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import javafx.scene.control.TableCell;

/**
 * A container's state as an icon, a word and a colour: the icon and word carry the
 * meaning, so the colour (from a colour-blind-safe palette in CSS) only helps.
 */
public final class StateCell extends TableCell<ContainerInfo, ContainerInfo> {

    @Override
    protected void updateItem(ContainerInfo container, boolean empty) {
        super.updateItem(container, empty);
        getStyleClass().removeIf(s -> s.startsWith("state-"));
        if (empty || container == null) {
            setText(null);
            return;
        }
        setText(text(container));
        getStyleClass().add("state-" + container.state().word());
    }

    public static String icon(State state) {
        return switch (state) {
            case RUNNING -> "▶";
            case PAUSED -> "⏸";
            case RESTARTING -> "↻";
            case CREATED -> "○";
            case EXITED -> "■";
            case DEAD -> "✖";
            case REMOVING -> "…";
            case UNKNOWN -> "?";
        };
    }

    /** "▶ running", "■ exited (137)", "▶ running · unhealthy" */
    public static String text(ContainerInfo c) {
        String text = icon(c.state()) + " " + c.state().word();
        if (c.state() == State.EXITED) text += " (" + c.exitCode() + ")";
        if (c.health() != Health.NONE) text += " · " + c.health().name().toLowerCase(java.util.Locale.ROOT);
        return text;
    }
}
