package dev.portolan.ui.logs;

import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The logs of several containers, on several hosts, as one list ordered by the engines'
 * timestamps. Each container's log streams on its own (follow, with its last lines first);
 * lines are put in place once per frame, so a late line of one container lands among the
 * others' lines of its moment. Ends and broken streams show as notices among the lines.
 */
final class MergedLog implements AutoCloseable {

    static final int MAX_LINES = 20_000;
    static final int TAIL = 500;

    /** One line of the merged log: which source (its index), when, what; a notice is Portolan's own words. */
    record Entry(Instant time, int source, String text, boolean notice) {}

    private static final Comparator<Entry> BY_TIME = Comparator.comparing(Entry::time);

    private final List<MergedLogsWindow.Container> sources;
    private final ObservableList<Entry> lines = FXCollections.observableArrayList();
    private final ConcurrentLinkedQueue<Entry> incoming = new ConcurrentLinkedQueue<>();
    private final List<AutoCloseable> streams = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    MergedLog(List<MergedLogsWindow.Container> sources) {
        this.sources = List.copyOf(sources);
    }

    List<MergedLogsWindow.Container> sources() {
        return sources;
    }

    ObservableList<Entry> lines() {
        return lines;
    }

    /** Opens every source's stream, each on its own virtual thread: a host that does not answer holds up no other. */
    void start() {
        for (int i = 0; i < sources.size(); i++) {
            int index = i;
            MergedLogsWindow.Container source = sources.get(i);
            if (source.operations() == null) {
                notice(index, source.host() + " is not connected: " + source.name() + "'s log is not shown.");
                continue;
            }
            Thread.ofVirtual().name("merged-log-" + source.name()).start(() -> {
                try {
                    AutoCloseable stream = source.operations().logs(source.id(), TAIL,
                            line -> {
                                LogLine parsed = LogLine.parse(line);
                                add(new Entry(parsed.time(), index, parsed.text(), false));
                            },
                            ended -> {
                                if (closed) return;
                                notice(index, ended == null ? source.name() + "'s log ended: it is not running."
                                        : source.name() + "'s log broke off: " + EngineErrors.firstLine(String.valueOf(ended.getMessage())));
                            });
                    streams.add(stream);
                    if (closed) close(stream);
                } catch (RuntimeException e) {
                    notice(index, EngineErrors.action("Reading the log of " + source.name(), e));
                }
            });
        }
    }

    private void notice(int source, String text) {
        add(new Entry(Instant.now(), source, text, true));
    }

    /** A line arrived (any thread); it shows at the next {@link #drain}. */
    void add(Entry entry) {
        incoming.add(entry);
    }

    /**
     * Puts what arrived since the last call in place (FX thread); returns whether anything did.
     * Most lines are newer than all before them and are appended; a late one is inserted.
     */
    boolean drain() {
        if (incoming.isEmpty()) return false;
        List<Entry> batch = new ArrayList<>();
        for (Entry e; (e = incoming.poll()) != null; ) batch.add(e);
        batch.sort(BY_TIME);
        Entry last = lines.isEmpty() ? null : lines.getLast();
        if (last == null || !batch.getFirst().time().isBefore(last.time())) {
            lines.addAll(batch);
        } else {
            List<Entry> merged = new ArrayList<>(lines.size() + batch.size());
            int i = 0;
            int j = 0;
            while (i < lines.size() || j < batch.size()) {
                // equal times: what was shown first stays first
                if (j == batch.size() || i < lines.size() && !batch.get(j).time().isBefore(lines.get(i).time())) merged.add(lines.get(i++));
                else merged.add(batch.get(j++));
            }
            lines.setAll(merged);
        }
        if (lines.size() > MAX_LINES) lines.remove(0, lines.size() - MAX_LINES);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable stream : streams) close(stream);
        streams.clear();
    }

    private static void close(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception ignored) {
            // a stream of a lost host or a removed container is closed already
        }
    }
}
