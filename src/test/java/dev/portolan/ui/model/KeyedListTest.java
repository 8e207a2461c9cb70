package dev.portolan.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** Rows change in place, told which keys changed: the others keep their row and their object. */
class KeyedListTest {

    record Row(String id, String state) {}

    private static Map<String, Row> rows(Row... rows) {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row r : rows) map.put(r.id(), r);
        return map;
    }

    @Test
    void onlyTheChangedKeysAreTouched() {
        KeyedList<Row> list = new KeyedList<>(Row::id);
        Row a = new Row("a", "running");
        Row b = new Row("b", "running");
        list.apply(rows(a, b, new Row("c", "running")), null);
        List<String> changes = new ArrayList<>();
        list.items().addListener((ListChangeListener<Row>) c -> {
            while (c.next()) changes.add(c.wasReplaced() ? "replaced" : c.wasAdded() ? "added" : "removed");
        });

        list.apply(rows(a, new Row("b", "exited"), new Row("d", "created")), Set.of("b", "c", "d"));

        assertEquals(List.of(a, new Row("b", "exited"), new Row("d", "created")), list.items());
        assertSame(a, list.items().getFirst(), "an unchanged row keeps its object");
        assertEquals(List.of("replaced", "removed", "added"), changes);

        // after a removal the rows are found again by key
        list.apply(rows(a, new Row("b", "running"), new Row("d", "created")), Set.of("b"));
        assertEquals(new Row("b", "running"), list.items().get(1));
    }

    @Test
    void withoutKeysEverythingIsCompared() {
        KeyedList<Row> list = new KeyedList<>(Row::id);
        list.apply(rows(new Row("a", "x"), new Row("b", "y")), null);
        list.apply(rows(new Row("b", "z")), null);
        assertEquals(List.of(new Row("b", "z")), list.items());
    }
}
