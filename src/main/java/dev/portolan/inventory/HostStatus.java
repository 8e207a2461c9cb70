package dev.portolan.inventory;

import java.time.Instant;

/** Where a host's connection stands: connecting, live, or lost (with why, since when, next try). */
public sealed interface HostStatus {

    Instant since();

    record Connecting(Instant since, int attempt) implements HostStatus {}

    record Live(Instant since) implements HostStatus {}

    /** The host cannot be reached; {@code nextTry} is when the watcher tries again. */
    record Lost(Instant since, String reason, Instant nextTry) implements HostStatus {}

    /** The user stopped watching the host (or the host was stopped on purpose). */
    record Offline(Instant since, String reason) implements HostStatus {}
}
