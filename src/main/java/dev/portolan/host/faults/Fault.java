package dev.portolan.host.faults;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A fault in force, as Portolan made it: what, since when, until when (null: until healed),
 * and what healing needs that only the moment of injection knew (a container's id, its
 * aliases on the network it was cut from).
 */
public record Fault(String id, FaultSpec spec, long startedMillis, Long healsAtMillis, Map<String, String> undo) {

    public Fault {
        undo = undo == null ? Map.of() : Map.copyOf(undo);
    }

    @JsonIgnore
    public Instant started() {
        return Instant.ofEpochMilli(startedMillis);
    }

    /** When it heals itself, if it was given a duration. */
    @JsonIgnore
    public java.util.Optional<Instant> healsAt() {
        return java.util.Optional.ofNullable(healsAtMillis).map(Instant::ofEpochMilli);
    }

    /** What is left of its duration at {@code now}; empty for a fault that lasts until healed. */
    public java.util.Optional<Duration> remaining(Instant now) {
        return healsAt().map(at -> Duration.between(now, at).isNegative() ? Duration.ZERO : Duration.between(now, at));
    }

    public boolean isOverdue(Instant now) {
        return healsAtMillis != null && !now.isBefore(Instant.ofEpochMilli(healsAtMillis));
    }

    /** The comment that marks its iptables rules: how heal finds them, and never touches others. */
    @JsonIgnore
    public String mark() {
        return NetworkRules.MARK_PREFIX + id;
    }
}
