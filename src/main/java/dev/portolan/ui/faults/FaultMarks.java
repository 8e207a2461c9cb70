package dev.portolan.ui.faults;

import dev.portolan.host.faults.Fault;
import dev.portolan.host.faults.FaultSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the diagram writes on each thing a fault affects: "paused · 0:23", "cut ⇄ demo/node2",
 * "drops 30%", by host name or HOST/CONTAINER. No JavaFX: the diagram's controller keeps them.
 */
public final class FaultMarks {

    private FaultMarks() {}

    public static Map<String, String> of(List<Fault> faults, Instant now) {
        Map<String, String> marks = new LinkedHashMap<>();
        for (Fault fault : faults) {
            String left = fault.remaining(now).map(r -> " · " + clock(r)).orElse("");
            switch (fault.spec()) {
                case FaultSpec.HostFault h -> put(marks, h.host(), past(h.action().word()) + left);
                case FaultSpec.ContainerFault c -> put(marks, c.container().toString(),
                        (c.action() == FaultSpec.ContainerAction.DISCONNECT ? "off " + c.network() : past(c.action().word())) + left);
                case FaultSpec.Cut c -> {
                    put(marks, c.from().toString(), "cut " + (c.oneWay() ? "→ " : "⇄ ") + near(c.to(), c.from()) + left);
                    put(marks, c.to().toString(), "cut " + (c.oneWay() ? "← " : "⇄ ") + near(c.from(), c.to()) + left);
                }
                case FaultSpec.Drop d -> put(marks, d.target().toString(), "drops " + d.percent() + "%" + left);
                case FaultSpec.Delay d -> put(marks, d.target().toString(), "+" + d.latencyMillis() + " ms" + left);
            }
        }
        return marks;
    }

    /** 0:23, 12:05: a timer, as the Faults panel shows it too. */
    public static String clock(Duration left) {
        long s = Math.max(0, (left.toMillis() + 999) / 1000);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    /** The other end named as short as the tag allows: without the lab both share, without the host both share. */
    static String near(FaultSpec.Target other, FaultSpec.Target self) {
        if (other.host().equals(self.host()) && !other.isHost()) return other.container();
        int slash = other.host().indexOf('/');
        boolean sameLab = slash > 0 && self.host().startsWith(other.host().substring(0, slash + 1));
        return sameLab ? other.toString().substring(slash + 1) : other.toString();
    }

    private static String past(String verb) {
        return switch (verb) {
            case "stop" -> "stopped";
            case "pause" -> "paused";
            case "kill" -> "killed";
            default -> verb;
        };
    }

    private static void put(Map<String, String> marks, String target, String text) {
        marks.merge(target, text, (a, b) -> a + ", " + b);
    }
}
