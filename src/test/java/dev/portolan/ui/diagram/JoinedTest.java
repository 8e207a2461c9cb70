package dev.portolan.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinedTest {

    @Test
    void readsThePartsOneAfterTheOtherEmptyOnesIncluded() {
        List<List<String>> parts = List.of(List.of(), List.of("a", "b"), List.of(), List.of(), List.of("c"), List.of());
        List<String> joined = Joined.of(parts);
        assertEquals(List.of("a", "b", "c"), joined);
        assertEquals(3, joined.size());
        assertEquals("c", joined.get(2));
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(joined), "iterated");
        List<String> walked = new ArrayList<>();
        for (String s : joined) walked.add(s);
        assertEquals(List.of("a", "b", "c"), walked, "walked part after part");
        assertThrows(java.util.NoSuchElementException.class, () -> {
            var it = joined.iterator();
            for (int i = 0; i < 4; i++) it.next();
        });
        assertThrows(IndexOutOfBoundsException.class, () -> joined.get(3));
        assertEquals(List.of(), Joined.of(List.of()));
        assertEquals(List.of(), Joined.of(List.of(List.of(), List.of())));
    }
}
