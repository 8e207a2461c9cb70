package dev.portolan.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.portolan.engine.EngineClients;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Live stats of the containers of one host that someone looks at: one engine stream per
 * container (a sample a second), opened when asked for and closed when no longer asked for —
 * so the cost follows what shows, not what runs. Keeps the last minute of each. A stream that
 * ends (the container stopped, the host was lost) is opened again at the next ask, if still
 * wanted and the host connected. Thread-safe; opening and closing never block the caller.
 */
public final class StatsWatcher implements AutoCloseable {

    /** Samples kept per container: a minute at one a second. */
    public static final int KEPT = 60;
    private static final JsonFactory JSON = new JsonFactory();

    private final Supplier<EngineClients> clients;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Map<String, ArrayDeque<ContainerStats>> history = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param clients the host's connection of the moment (null while there is none) */
    public StatsWatcher(Supplier<EngineClients> clients) {
        this.clients = clients;
    }

    /** Streams exactly these containers from now on: opens the missing, closes the others (their history goes too). */
    public void watch(Set<String> ids) {
        if (closed) return;
        for (String id : List.copyOf(streams.keySet())) {
            if (!ids.contains(id)) {
                Stream gone = streams.remove(id);
                if (gone != null) gone.stop();
                history.remove(id);
            }
        }
        EngineClients connection = clients.get();
        if (connection == null) return;
        for (String id : ids) {
            if (streams.containsKey(id)) continue;
            Stream stream = new Stream(id);
            if (streams.putIfAbsent(id, stream) != null) continue;
            Thread.ofVirtual().name("stats-" + id.substring(0, Math.min(12, id.length()))).start(() -> stream.open(connection));
        }
    }

    /** How many streams are open or opening. */
    public int streaming() {
        return streams.size();
    }

    /** The last minute of a container's samples, oldest first; empty when it is not streamed or has no sample yet. */
    public List<ContainerStats> history(String id) {
        ArrayDeque<ContainerStats> samples = history.get(id);
        if (samples == null) return List.of();
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    public Optional<ContainerStats> latest(String id) {
        ArrayDeque<ContainerStats> samples = history.get(id);
        if (samples == null) return Optional.empty();
        synchronized (samples) {
            return Optional.ofNullable(samples.peekLast());
        }
    }

    @Override
    public void close() {
        closed = true;
        streams.values().forEach(Stream::stop);
        streams.clear();
        history.clear();
    }

    /** One container's stream, read on its own virtual thread: each object turned into a sample against the one before. */
    private final class Stream {
        private final String id;
        private volatile DockerHttpClient.Response response;
        private volatile boolean stopped;

        Stream(String id) {
            this.id = id;
        }

        void open(EngineClients connection) {
            ContainerStats.Totals totals = null;
            try (DockerHttpClient.Response opened = connection.openStream("/containers/" + id + "/stats");
                    JsonParser parser = JSON.createParser(opened.getBody())) {
                response = opened;
                if (stopped) return;
                while (!stopped && parser.nextToken() == JsonToken.START_OBJECT) {
                    ContainerStats.Sample sample = ContainerStats.of(ContainerStats.Reading.of(parser), totals);
                    totals = sample.totals();
                    if (stopped) break; // no history for a container no longer asked for
                    ArrayDeque<ContainerStats> samples = history.computeIfAbsent(id, k -> new ArrayDeque<>(KEPT));
                    synchronized (samples) {
                        if (samples.size() == KEPT) samples.removeFirst();
                        samples.addLast(sample.stats());
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // stopped, the container gone, or the host lost: asked again at the next watch if still wanted
            } finally {
                streams.remove(id, this);
            }
        }

        void stop() {
            stopped = true;
            DockerHttpClient.Response open = response;
            if (open != null) open.close(); // the blocked read ends with an exception
        }
    }
}
