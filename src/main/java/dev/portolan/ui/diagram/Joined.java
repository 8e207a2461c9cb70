package dev.portolan.ui.diagram;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * Lists read one after the other as one list, without copying them: a layout's cards are each
 * host's placed cards, kept from layout to layout while the host does not change, and copying
 * ten thousand of them for every event cost more than the rest of the layout.
 */
final class Joined<T> extends AbstractList<T> implements RandomAccess {

    private final List<List<T>> parts;
    /** Where each part starts in the whole; one more entry for the end. */
    private final int[] starts;

    private Joined(List<List<T>> parts) {
        this.parts = List.copyOf(parts);
        this.starts = new int[parts.size() + 1];
        for (int i = 0; i < parts.size(); i++) starts[i + 1] = starts[i] + parts.get(i).size();
    }

    static <T> List<T> of(List<List<T>> parts) {
        return new Joined<>(parts);
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException(index + " of " + size());
        // the last part that starts at or before index (parts may be empty: several can start there)
        int low = 0;
        int high = parts.size() - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= index) low = mid;
            else high = mid - 1;
        }
        return parts.get(low).get(index - starts[low]);
    }

    @Override
    public int size() {
        return starts[parts.size()];
    }

    /** Part after part, without looking each element up (the painter walks ten thousand cards a frame). */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int part;
            private Iterator<T> inPart = parts.isEmpty() ? java.util.Collections.emptyIterator() : parts.getFirst().iterator();

            @Override
            public boolean hasNext() {
                while (!inPart.hasNext() && part + 1 < parts.size()) inPart = parts.get(++part).iterator();
                return inPart.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return inPart.next();
            }
        };
    }
}
