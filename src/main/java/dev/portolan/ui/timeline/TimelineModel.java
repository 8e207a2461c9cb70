package dev.portolan.ui.timeline;

import dev.portolan.inventory.EngineEvent;
import dev.portolan.inventory.EventFilter;
import dev.portolan.inventory.EventLog;
import dev.portolan.ui.model.LatestOnFx;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The timeline's rows on the FX thread: the event log's events, read in one batch per pulse
 * however fast they come, as many as the log keeps; the filter's view of them; and the hosts,
 * labs, types and actions seen so far, for the filter's choices.
 */
final class TimelineModel implements AutoCloseable {

    private final EventLog log;
    private final ObservableList<EngineEvent> all = FXCollections.observableArrayList();
    private final FilteredList<EngineEvent> shown = new FilteredList<>(all, EventFilter.ANY);
    private final ObjectProperty<EventFilter> filter = new SimpleObjectProperty<>(EventFilter.ANY);
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObservableList<String> labs = FXCollections.observableArrayList();
    private final ObservableList<String> types = FXCollections.observableArrayList();
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final LatestOnFx<Boolean> pull = new LatestOnFx<>(x -> pull());
    private final Runnable added = () -> pull.offer(Boolean.TRUE);
    private long read;

    TimelineModel(EventLog log) {
        this.log = log;
        filter.addListener((obs, old, now) -> shown.setPredicate(now));
        pull();
        log.onAdded(added);
    }

    /** Reads what the log has gained since the last pull (FX thread). */
    void pull() {
        EventLog.Batch batch = log.since(read);
        read = batch.upTo();
        if (batch.events().isEmpty()) return;
        int overflow = all.size() + batch.events().size() - log.capacity();
        if (batch.missed() || overflow >= all.size()) all.clear();
        else if (overflow > 0) all.remove(0, overflow);
        List<EngineEvent> fresh = batch.events(); // never more than the log keeps
        all.addAll(fresh);
        for (EngineEvent e : fresh) {
            addSorted(hosts, e.host());
            if (!e.lab().isEmpty()) addSorted(labs, e.lab());
            addSorted(types, e.type());
            addSorted(actions, e.verb());
        }
    }

    private static void addSorted(ObservableList<String> list, String value) {
        if (value.isBlank() || list.contains(value)) return;
        TreeSet<String> sorted = new TreeSet<>(list);
        sorted.add(value);
        list.setAll(sorted);
    }

    ObservableList<EngineEvent> all() {
        return all;
    }

    FilteredList<EngineEvent> shown() {
        return shown;
    }

    ObjectProperty<EventFilter> filter() {
        return filter;
    }

    ObservableList<String> hosts() {
        return hosts;
    }

    ObservableList<String> labs() {
        return labs;
    }

    ObservableList<String> types() {
        return types;
    }

    ObservableList<String> actions() {
        return actions;
    }

    int capacity() {
        return log.capacity();
    }

    @Override
    public void close() {
        log.removeListener(added);
    }
}
