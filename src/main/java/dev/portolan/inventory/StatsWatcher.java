package dev.portolan.inventory;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Statistics;
import dev.portolan.engine.EngineClients;
import java.io.Closeable;
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

    /** One container's stream: each sample turned into rates against the one before. */
    private final class Stream extends ResultCallback.Adapter<Statistics> {
        private final String id;
        private ContainerStats.Totals totals;
        private volatile boolean stopped;

        Stream(String id) {
            this.id = id;
        }

        void open(EngineClients connection) {
            try {
                connection.stats().statsCmd(id).exec(this);
            } catch (RuntimeException e) {
                streams.remove(id, this); // asked again at the next watch
            }
        }

        /** The stream is there: closed at once when it was stopped while it was being opened. */
        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            if (stopped) closeQuietly(stream);
        }

        @Override
        public void onNext(Statistics s) {
            if (stopped) return;
            ContainerStats.Sample sample = ContainerStats.of(s, totals);
            totals = sample.totals();
            ArrayDeque<ContainerStats> samples = history.computeIfAbsent(id, k -> new ArrayDeque<>(KEPT));
            synchronized (samples) {
                if (samples.size() == KEPT) samples.removeFirst();
                samples.addLast(sample.stats());
            }
        }

        @Override
        public void onError(Throwable error) {
            streams.remove(id, this);
        }

        @Override
        public void onComplete() {
            streams.remove(id, this);
        }

        void stop() {
            stopped = true;
            closeQuietly(this);
        }

        private static void closeQuietly(Closeable stream) {
            try {
                stream.close();
            } catch (java.io.IOException | RuntimeException ignored) {
                // a stream of a stopped container or a lost host is closed already
            }
        }
    }
}
