package dev.portolan.inventory;

import java.time.Instant;

/** Where a host's connection stands: connecting, live, or lost (with why, since when, next try). */
public sealed interface HostStatus {

    Instant since();

    record Connecting(Instant since, int attempt) implements HostStatus {}

    record Live(Instant since) implements HostStatus {}

    /** The host cannot be reached; {@code nextTry} is when the watcher tries again. */
    record Lost(Instant since, String reason, Instant nextTry) implements HostStatus {}

    /** The host is not watched: stopped on purpose, or not started yet. */
    record Offline(Instant since, String reason) implements HostStatus {}

    /** A provider is making or starting the host; {@code step} says what it does now. */
    record Creating(Instant since, String step) implements HostStatus {}

    /** A provider failed with the host; {@code reason} says why and what to do. */
    record Failed(Instant since, String reason) implements HostStatus {}
}
