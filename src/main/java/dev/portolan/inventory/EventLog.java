package dev.portolan.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The engine events of every host, newest last, the oldest forgotten past a bound (50,000
 * by default), so a storm never grows the heap without end. Written by each host's event
 * stream, read by the timeline: thread-safe, and a reader asks only for what it has not seen.
 */
public final class EventLog {

    public static final int DEFAULT_CAPACITY = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int capacity;
    private final ArrayDeque<EngineEvent> events;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long added;

    public EventLog() {
        this(DEFAULT_CAPACITY);
    }

    public EventLog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 4096));
    }

    /** What a reader gets: the events after the count it had, and whether some fell off the end before it read them. */
    public record Batch(List<EngineEvent> events, long upTo, boolean missed) {}

    public void add(EngineEvent event) {
        synchronized (events) {
            if (events.size() == capacity) events.removeFirst();
            events.addLast(event);
            added++;
        }
        for (Runnable listener : listeners) listener.run();
    }

    /** Called after each event is added, on the adding thread: keep it short (hand it on). */
    public void onAdded(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Every event added after the first {@code count}, as many as are still kept. */
    public Batch since(long count) {
        synchronized (events) {
            long first = added - events.size();
            long from = Math.max(count, first);
            List<EngineEvent> out = new ArrayList<>((int) (added - from));
            int skip = (int) (from - first);
            int i = 0;
            for (EngineEvent e : events) if (i++ >= skip) out.add(e);
            return new Batch(out, added, count < first);
        }
    }

    public List<EngineEvent> all() {
        return since(0).events();
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** One JSON object per line, oldest first: the kept events that {@code which} accepts. Returns how many were written. */
    public static int writeJsonLines(List<EngineEvent> events, Predicate<EngineEvent> which, Writer out) throws IOException {
        int written = 0;
        for (EngineEvent event : events) {
            if (!which.test(event)) continue;
            out.write(JSON.writeValueAsString(toJson(event)));
            out.write('\n');
            written++;
        }
        out.flush();
        return written;
    }

    /** The time as ISO-8601 text (to the nanosecond), so a line reads as it is and sorts as text. */
    static ObjectNode toJson(EngineEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("time", event.time().toString());
        node.put("host", event.host());
        node.put("type", event.type());
        node.put("action", event.action());
        node.put("id", event.id());
        node.put("name", event.name());
        ObjectNode attributes = node.putObject("attributes");
        event.attributes().forEach(attributes::put);
        return node;
    }

    public static EngineEvent fromJson(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
        node.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return new EngineEvent(node.path("host").asText(), java.time.Instant.parse(node.path("time").asText()),
                node.path("type").asText(), node.path("action").asText(), node.path("id").asText(),
                node.path("name").asText(), attributes);
    }
}
