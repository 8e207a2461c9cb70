package dev.portolan.inventory;

import com.github.dockerjava.api.model.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One engine event as the timeline keeps it: which host, when (to the nanosecond the
 * engine gives), what kind of thing, what happened, to what. Only the attributes that
 * say something about the event are kept: a container's event carries all its labels,
 * and 50,000 of those would cost tens of megabytes.
 *
 * @param type   container, image, volume, network, daemon, ...
 * @param action as the engine says it: "die", "oom", "health_status: unhealthy", "exec_start: sh"
 * @param id     the thing's id (a volume's or an image's name for those)
 * @param name   the container's, network's or volume's name, when the event gives one
 */
public record EngineEvent(String host, Instant time, String type, String action, String id, String name,
        Map<String, String> attributes) {

    /** The label of a Swarm task's container naming its service: the Swarm view listens for those. */
    public static final String SWARM_SERVICE = "com.docker.swarm.service.name";
    /** The label of a Swarm task's container naming its task: what its start or death says of the task at once. */
    public static final String SWARM_TASK = "com.docker.swarm.task.id";
    /** Portolan's own attribute on the exec events of a health check's probe (see {@link HealthCheckExecs}). */
    public static final String HEALTH_CHECK = "healthCheck";
    private static final Set<String> KEPT = Set.of("exitCode", "signal", "image", "container", "driver", "type",
            "execID", "destination", SWARM_SERVICE, SWARM_TASK);

    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }

    public static EngineEvent of(String host, Event event) {
        Instant time = event.getTimeNano() != null && event.getTimeNano() > 0
                ? Instant.ofEpochSecond(0, event.getTimeNano())
                : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
        String type = event.getType() == null ? "" : event.getType().getValue();
        Map<String, String> all = event.getActor() == null || event.getActor().getAttributes() == null ? Map.of()
                : event.getActor().getAttributes();
        String id = idOf(event);
        Map<String, String> kept = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (KEPT.contains(key) && value != null) kept.put(key, value);
        });
        return new EngineEvent(host, time, type, actionOf(event), id == null ? "" : id, all.getOrDefault("name", ""), kept);
    }

    /** What an engine event is about: its actor's id (older engines put it in the event's own id). */
    static String idOf(Event event) {
        if (event.getActor() != null && event.getActor().getId() != null) return event.getActor().getId();
        return event.getId();
    }

    /** What happened, as the engine says it ("die"); older engines put it in the status. Never null. */
    static String actionOf(Event event) {
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        return action == null ? "" : action;
    }

    /** The same event of a host named otherwise (the window's name for it). */
    public EngineEvent withHost(String name) {
        return name.equals(host) ? this : new EngineEvent(name, time, type, action, id, this.name, attributes);
    }

    /** The action without its argument: "health_status", "exec_start", "die". */
    public String verb() {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).strip();
    }

    /** The same event marked as one of a health check's probe (its exec's creation, start or end). */
    public EngineEvent asHealthCheck() {
        Map<String, String> marked = new LinkedHashMap<>(attributes);
        marked.put(HEALTH_CHECK, "true");
        return new EngineEvent(host, time, type, action, id, name, marked);
    }

    /** One of the three events a health check's probe makes each interval: exec_create, exec_start, exec_die. */
    public boolean isHealthCheck() {
        return "true".equals(attributes.get(HEALTH_CHECK));
    }

    public boolean isContainer() {
        return type.equals("container");
    }

    /** The lab of the host ("demo" for "demo/node1"), or empty for hosts outside a lab. */
    public String lab() {
        int slash = host.indexOf('/');
        return slash < 0 ? "" : host.substring(0, slash);
    }

    public Optional<Integer> exitCode() {
        try {
            return Optional.ofNullable(attributes.get("exitCode")).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Something a person troubleshooting wants to see: a death other than a clean exit, an OOM kill, a failed health check. */
    public boolean isProblem() {
        if (!isContainer()) return false;
        return switch (verb()) {
            case "die" -> exitCode().orElse(0) != 0;
            case "oom" -> true;
            case "health_status" -> action.endsWith("unhealthy");
            default -> false;
        };
    }

    /** What happened in a few words: "died · exit 137", "health: unhealthy", "oom", "start", "exec ended · exit 1". */
    public String text() {
        String verb = verb();
        return switch (verb) {
            case "die" -> "died · exit " + exitCode().map(String::valueOf).orElse("?");
            case "exec_die" -> "exec ended · exit " + exitCode().map(String::valueOf).orElse("?");
            case "kill" -> "kill · signal " + attributes.getOrDefault("signal", "?");
            case "health_status" -> "health: " + action.substring(action.indexOf(':') + 1).strip();
            case "oom" -> "out of memory (a process was killed)";
            case "connect", "disconnect" -> attributes.containsKey("container")
                    ? verb + " · " + attributes.get("container").substring(0, Math.min(12, attributes.get("container").length())) : verb;
            default -> action.toLowerCase(Locale.ROOT);
        };
    }

    /** What it happened to: a name when the event gives one, else a short id. */
    public String subject() {
        if (!name.isBlank()) return name;
        return id.startsWith("sha256:") || id.length() == 64 ? id.replaceFirst("^sha256:", "").substring(0, 12) : id;
    }
}
