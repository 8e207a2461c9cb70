package dev.portolan.inventory;

import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.EngineErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The last log lines of each container of one host, read the moment it died: a container
 * started again (or removed, with --rm) loses them from view, and "why did it die" is
 * asked after the fact. Each capture runs on its own virtual thread; the newest 500
 * containers' are kept.
 */
public final class LastWords {

    public static final int LINES = 20;
    private static final int KEPT = 500;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** What a container printed last before it died; {@code error} says why there are no lines when reading failed. */
    public record Words(String containerId, String name, Instant diedAt, int exitCode, List<String> lines, String error) {
        public Words {
            lines = List.copyOf(lines);
        }
    }

    private final Consumer<Words> captured;
    private final Map<String, Words> byContainer = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Words> eldest) {
            return size() > KEPT;
        }
    };

    /** @param captured told of each capture, on the capture's thread */
    public LastWords(Consumer<Words> captured) {
        this.captured = captured;
    }

    /**
     * On a container's die event: reads its last lines in the background over {@code connection}
     * (the host's of the moment; null when it has none). Other events are ignored.
     */
    public void record(EngineEvent event, EngineClients connection) {
        if (!event.isContainer() || !event.verb().equals("die")) return;
        Thread.ofVirtual().name("last-words-" + event.subject()).start(() -> capture(event, connection));
    }

    private void capture(EngineEvent died, EngineClients connection) {
        List<String> lines = List.of();
        String error = null;
        if (connection == null) {
            error = "the host was not connected when it died";
        } else {
            try {
                lines = new ContainerOps(connection).lastLines(died.id(), LINES, READ_TIMEOUT).stream()
                        .map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line).toList();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                error = EngineErrors.firstLine(String.valueOf(e.getMessage()));
            }
        }
        Words words = new Words(died.id(), died.name(), died.time(), died.exitCode().orElse(0), lines, error);
        synchronized (byContainer) {
            byContainer.remove(died.id());
            byContainer.put(died.id(), words);
        }
        captured.accept(words);
    }

    public Optional<Words> of(String containerId) {
        synchronized (byContainer) {
            return Optional.ofNullable(byContainer.get(containerId));
        }
    }
}
