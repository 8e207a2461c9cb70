package dev.portolan.ui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An observable list kept equal to a map of records, changed in place: an unchanged
 * record keeps its row (and selection), a changed one is replaced where it stands, new
 * ones are added in one change. It is told which keys changed (the watcher knows), so it
 * touches only those rows.
 */
public final class KeyedList<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final Function<T, String> key;
    private Map<String, T> current = Map.of();
    /** Row of each key; null after rows were removed (made again when next needed). */
    private Map<String, Integer> rows = new HashMap<>();

    public KeyedList(Function<T, String> key) {
        this.key = key;
    }

    public ObservableList<T> items() {
        return items;
    }

    /**
     * Makes the list equal to {@code next}.
     *
     * @param changed the keys that changed since the last call, or null when not known (all are compared)
     */
    public void apply(Map<String, T> next, Set<String> changed) {
        if (next == current) return;
        Set<String> keys = changed;
        if (keys == null) {
            keys = new HashSet<>(next.keySet());
            keys.addAll(current.keySet());
        }
        Set<String> removed = new HashSet<>();
        List<T> added = new ArrayList<>();
        for (String k : keys) {
            T value = next.get(k);
            T old = current.get(k);
            if (value == null) {
                if (old != null) removed.add(k);
            } else if (old == null) {
                added.add(value);
            } else if (!old.equals(value)) {
                items.set(rows().get(k), value);
            }
        }
        if (!removed.isEmpty()) {
            items.removeIf(item -> removed.contains(key.apply(item)));
            rows = null;
        }
        if (!added.isEmpty()) {
            if (rows != null) for (int i = 0; i < added.size(); i++) rows.put(key.apply(added.get(i)), items.size() + i);
            items.addAll(added);
        }
        current = next;
    }

    private Map<String, Integer> rows() {
        if (rows == null) {
            rows = new HashMap<>(items.size() * 2);
            for (int i = 0; i < items.size(); i++) rows.put(key.apply(items.get(i)), i);
        }
        return rows;
    }
}
