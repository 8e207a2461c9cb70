package dev.portolan.ui.layers;

import dev.portolan.image.BuildStep;
import dev.portolan.image.FileChange;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.image.LayerGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image as the union filesystem stacks it: one sheet per step, bottom first, each
 * with the biggest paths it changed; a path a later sheet overwrites or removes is
 * crossed through where it lies below, as the container would never see it. A
 * container's own changes (its writable layer) make the top sheet.
 */
public final class ImageStack {

    /** How a path is drawn on its sheet. */
    public enum Mark {
        ADDED("+"), CHANGED("~"), DELETED("−"), HIDDEN("");

        public final String sign;

        Mark(String sign) {
            this.sign = sign;
        }
    }

    public record Entry(String path, long bytes, Mark mark) {}

    /**
     * One sheet: its Dockerfile line (or the container's name), its bytes (-1 unknown),
     * what it did, the paths shown and how many more it changed; {@code index} is the step
     * in the image's history (-1 for the container).
     */
    public record Sheet(int index, String line, long bytes, LayerGraph.Kind kind, boolean container, List<Entry> entries,
            int more) {}

    /** Paths shown per sheet: the biggest first. */
    static final int SHOWN = 5;

    private ImageStack() {}

    /**
     * @param contents  the files per layer, or null while the archive is still being read
     * @param container the container's own changes (the engine's diff), or null for none
     */
    public static List<Sheet> of(List<ImageLayer> steps, ImageContents contents, String containerName,
            List<FileChange> container) {
        Set<String> changedAbove = new HashSet<>();
        if (container != null) for (FileChange c : container) changedAbove.add(c.path());
        Map<String, Integer> visibleFrom = new HashMap<>();
        if (contents != null && !steps.isEmpty()) {
            for (FileChange f : contents.mergedUpTo(contents.layers().size() - 1)) visibleFrom.put(f.path(), f.layer());
        }
        List<Sheet> sheets = new ArrayList<>(steps.size() + 1);
        for (ImageLayer step : steps) {
            List<FileChange> changes = contents == null || step.index() >= contents.layers().size() ? List.of()
                    : contents.changesOf(step.index());
            List<Entry> entries = changes.stream().filter(c -> !c.directory() || c.change() == FileChange.Change.REMOVED)
                    .sorted(Comparator.comparingLong(FileChange::sizeBytes).reversed().thenComparing(FileChange::path))
                    .limit(SHOWN).map(c -> new Entry(c.path(), c.sizeBytes(), markOf(c, step.index(), visibleFrom, changedAbove)))
                    .toList();
            long files = changes.stream().filter(c -> !c.directory() || c.change() == FileChange.Change.REMOVED).count();
            sheets.add(new Sheet(step.index(), step.instruction(), step.isEmpty() ? 0 : step.sizeBytes(), LayerGraph.Kind.of(step), false,
                    entries, (int) Math.max(0, files - entries.size())));
        }
        if (container != null) {
            List<FileChange> own = ownChanges(container);
            List<Entry> entries = own.stream().limit(SHOWN * 2L)
                    .map(c -> new Entry(c.path(), 0, switch (c.change()) {
                        case ADDED -> Mark.ADDED;
                        case MODIFIED -> Mark.CHANGED;
                        case REMOVED -> Mark.DELETED;
                    })).toList();
            sheets.add(new Sheet(-1, "container " + containerName + " — its own writable layer", -1, LayerGraph.Kind.OTHER,
                    true, entries, own.size() - entries.size()));
        }
        return sheets;
    }

    private static Mark markOf(FileChange change, int layer, Map<String, Integer> visibleFrom, Set<String> changedAbove) {
        if (change.change() == FileChange.Change.REMOVED) return Mark.DELETED;
        Integer from = visibleFrom.get(change.path());
        if (from == null || from != layer || changedAbove.contains(change.path())) return Mark.HIDDEN;
        return change.change() == FileChange.Change.ADDED ? Mark.ADDED : Mark.CHANGED;
    }

    /** A build so far: a sheet per finished step, in order, before their sizes are known. */
    public static List<Sheet> ofBuild(List<BuildStep> steps) {
        return steps.stream().map(step -> new Sheet(step.number() - 1, step.instruction() + (step.cached() ? "   (from the cache)"
                : ""), -1, step.isFrom() ? LayerGraph.Kind.OTHER : LayerGraph.Kind.ofLine(step.instruction()), false, List.of(), 0))
                .toList();
    }

    /**
     * The engine's diff lists every folder above a change as changed too: those are left
     * out, so what the container itself wrote, changed and deleted is what shows.
     */
    static List<FileChange> ownChanges(List<FileChange> diff) {
        Set<String> parents = new HashSet<>();
        for (FileChange c : diff) {
            String p = c.path();
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) parents.add(p.substring(0, slash));
        }
        return diff.stream().filter(c -> !(c.change() == FileChange.Change.MODIFIED && parents.contains(c.path())))
                .sorted(Comparator.comparing(FileChange::path)).toList();
    }
}
