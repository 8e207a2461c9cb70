package dev.portolan.inventory;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which events the timeline shows: by host, lab, container (a part of its name or id), type
 * and action (the verb: "die", "health_status"), only the problems, or all but the health
 * checks' probes (their verdicts, health_status, stay). Null or blank means any.
 */
public record EventFilter(String host, String lab, String container, String type, String action, boolean problemsOnly,
        boolean hideHealthChecks) implements Predicate<EngineEvent> {

    public static final EventFilter ANY = new EventFilter(null, null, null, null, null, false, false);

    @Override
    public boolean test(EngineEvent e) {
        if (problemsOnly && !e.isProblem()) return false;
        if (hideHealthChecks && e.isHealthCheck()) return false;
        if (given(host) && !e.host().equals(host)) return false;
        if (given(lab) && !e.lab().equals(lab)) return false;
        if (given(type) && !e.type().equals(type)) return false;
        if (given(action) && !e.verb().equals(action)) return false;
        if (given(container)) {
            // a network's event names the container it connected in its attributes
            String wanted = container.strip().toLowerCase(Locale.ROOT);
            String of = e.isContainer() ? e.name() + " " + e.id() : e.attributes().getOrDefault("container", "");
            if (!of.toLowerCase(Locale.ROOT).contains(wanted)) return false;
        }
        return true;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
