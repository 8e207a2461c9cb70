package dev.portolan.ui;

import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.HostStatus;
import java.time.Duration;
import java.time.Instant;

/** The words the window uses for a host's state and contents. */
public final class StatusText {

    private StatusText() {}

    /** "live", "connecting…", "lost — retrying in 4 s" */
    public static String status(HostStatus status, Instant now) {
        return switch (status) {
            case HostStatus.Connecting c -> c.attempt() > 1 ? "connecting… (try " + c.attempt() + ")" : "connecting…";
            case HostStatus.Live l -> "live";
            case HostStatus.Lost lost -> "lost — " + retryText(lost, now);
            case HostStatus.Offline off -> off.reason();
            case HostStatus.Creating c -> c.step();
            case HostStatus.Failed f -> "error — " + f.reason();
        };
    }

    /**
     * Why a host cannot do what was asked of it now, and what to do: "web-db/web is stopped:
     * start it first (right-click it in Hosts ▸ Start)."
     */
    public static String unavailable(String host, HostStatus status) {
        String retry = ": wait until it shows as live, or press Retry now on its page.";
        return switch (status) {
            case HostStatus.Offline off when off.reason().equals("removed") -> host + " was removed.";
            case HostStatus.Offline off when off.reason().equals("not watched") -> host + " is not connected" + retry;
            case HostStatus.Offline off -> host + " is " + off.reason() + ": start it first (right-click it in Hosts ▸ Start).";
            case HostStatus.Lost lost -> host + " is not connected" + retry;
            case HostStatus.Failed f -> host + " failed: " + f.reason();
            case HostStatus.Connecting c -> host + " is still connecting: wait until it shows as live.";
            case HostStatus.Creating c -> host + " is still being made: wait until it shows as live.";
            case HostStatus.Live l -> host + " is connecting: wait a moment and try again.";
        };
    }

    public static String retryText(HostStatus.Lost lost, Instant now) {
        long seconds = (Duration.between(now, lost.nextTry()).toMillis() + 999) / 1000; // rounded up
        return lost.nextTry().isAfter(now) ? "retrying in " + seconds + " s" : "retrying now";
    }

    /** "3 containers (1 running) · 2 images · 1 volume · 3 networks" */
    public static String counts(HostInventory inventory) {
        return plural(inventory.containers().size(), "container") + " (" + inventory.runningCount() + " running) · "
                + plural(inventory.images().size(), "image") + " · "
                + plural(inventory.volumes().size(), "volume") + " · "
                + plural(inventory.networks().size(), "network");
    }

    public static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** 1536 → "1.5 KB" */
    public static String bytes(long bytes) {
        return dev.portolan.app.Sizes.text(bytes);
    }
}
