package dev.portolan.image;

import dev.portolan.image.FileChange.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stacks layers the way overlayfs does: a later file hides an earlier one, a whiteout
 * ({@code .wh.NAME}) removes NAME, an opaque marker ({@code .wh..wh..opq}) hides all that
 * lower layers had in its folder. Keeps what is visible, and the bytes hidden per path.
 */
final class LayerReplay {

    /** A layer's tar entry: path without "./" or a trailing slash. */
    record Entry(String path, long size, boolean directory) {}

    private record Version(long size, boolean directory, int layer) {}

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final TreeMap<String, Version> visible = new TreeMap<>();
    private final Map<String, long[]> waste = new HashMap<>();

    /** Lays one layer's tar entries over what is visible; returns what it changed. */
    List<FileChange> apply(int layer, List<Entry> entries) {
        List<FileChange> changes = new ArrayList<>();
        for (Entry entry : entries) {
            int slash = entry.path().lastIndexOf('/');
            String parent = slash < 0 ? "" : entry.path().substring(0, slash);
            String name = entry.path().substring(slash + 1);
            if (name.equals(OPAQUE)) {
                for (String path : List.copyOf(under(parent).keySet())) {
                    Version hidden = visible.get(path);
                    if (hidden == null || hidden.layer() >= layer) continue;
                    changes.add(new FileChange(path, removeTree(path, layer), hidden.directory(), Change.REMOVED, layer));
                }
            } else if (name.startsWith(WHITEOUT)) {
                String target = join(parent, name.substring(WHITEOUT.length()));
                Version hidden = visible.get(target);
                changes.add(new FileChange(target, removeTree(target, layer), hidden != null && hidden.directory(),
                        Change.REMOVED, layer));
            } else {
                Version old = visible.get(entry.path());
                if (old != null && old.directory() != entry.directory()) removeTree(entry.path(), layer + 1);
                else if (old != null && !old.directory()) wasted(entry.path(), old.size());
                visible.put(entry.path(), new Version(entry.size(), entry.directory(), layer));
                changes.add(new FileChange(entry.path(), entry.size(), entry.directory(),
                        old == null ? Change.ADDED : Change.MODIFIED, layer));
            }
        }
        return changes;
    }

    /** Lays changes recorded by {@link #apply} over what is visible again (for merged trees). */
    void replay(List<FileChange> changes) {
        for (FileChange change : changes) {
            if (change.change() == Change.REMOVED) {
                removeTree(change.path(), change.layer());
            } else {
                Version old = visible.get(change.path());
                if (old != null && old.directory() != change.directory()) removeTree(change.path(), change.layer() + 1);
                visible.put(change.path(), new Version(change.sizeBytes(), change.directory(), change.layer()));
            }
        }
    }

    /** What a container of this image would see: each path once, with the layer it came from. */
    List<FileChange> visible() {
        List<FileChange> files = new ArrayList<>(visible.size());
        visible.forEach((path, v) -> files.add(new FileChange(path, v.size(), v.directory(), null, v.layer())));
        return files;
    }

    /** Paths with hidden bytes, the most first. */
    List<Waste> waste() {
        List<Waste> list = new ArrayList<>(waste.size());
        waste.forEach((path, w) -> list.add(new Waste(path, w[0], (int) w[1])));
        list.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return list;
    }

    /** Removes {@code path} and all under it that came from layers below {@code beforeLayer}; returns their bytes. */
    private long removeTree(String path, int beforeLayer) {
        long bytes = 0;
        List<String> doomed = new ArrayList<>();
        Version self = visible.get(path);
        if (self != null && self.layer() < beforeLayer) doomed.add(path);
        under(path).forEach((p, v) -> {
            if (v.layer() < beforeLayer) doomed.add(p);
        });
        for (String p : doomed) {
            Version v = visible.remove(p);
            if (!v.directory()) {
                wasted(p, v.size());
                bytes += v.size();
            }
        }
        return bytes;
    }

    private Map<String, Version> under(String folder) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        return visible.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
    }

    private void wasted(String path, long bytes) {
        long[] w = waste.computeIfAbsent(path, p -> new long[2]);
        w[0] += bytes;
        w[1]++;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
