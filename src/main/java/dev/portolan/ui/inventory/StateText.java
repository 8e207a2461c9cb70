package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;

/**
 * A container's state as an icon and a word, the same in tables, on the diagram and in
 * tooltips. Plain text: painters measure it without a screen.
 */
public final class StateText {

    private StateText() {}

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
    public static String of(ContainerInfo c) {
        String text = icon(c.state()) + " " + c.state().word();
        if (c.state() == State.EXITED) text += " (" + c.exitCode() + ")";
        if (c.health() != Health.NONE) text += " · " + c.health().name().toLowerCase(java.util.Locale.ROOT);
        return text;
    }
}
