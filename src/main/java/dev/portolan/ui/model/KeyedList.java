package dev.portolan.ui.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An observable list kept equal to a map of records, changed in place: an unchanged
 * record keeps its row (and selection), a changed one is replaced where it stands.
 */
public final class KeyedList<T> {

    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final Function<T, String> key;
    private Map<String, T> current = Map.of();

    public KeyedList(Function<T, String> key) {
        this.key = key;
    }

    public ObservableList<T> items() {
        return items;
    }

    public void update(Map<String, T> next) {
        if (next == current) return;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) index.put(key.apply(items.get(i)), i);
        // replace changed rows in place
        next.forEach((k, value) -> {
            Integer at = index.get(k);
            if (at != null && !items.get(at).equals(value)) items.set(at, value);
        });
        items.removeIf(item -> !next.containsKey(key.apply(item)));
        // add new rows, in one change
        java.util.List<T> added = new java.util.ArrayList<>();
        next.forEach((k, value) -> {
            if (!index.containsKey(k)) added.add(value);
        });
        if (!added.isEmpty()) items.addAll(added);
        current = next;
    }
}
