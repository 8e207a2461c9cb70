package dev.portolan.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.image.FileChange.Change;
import dev.portolan.image.LayerReplay.Entry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** overlayfs rules without an engine: later files hide earlier ones, whiteouts and opaque folders remove. */
class LayerReplayTest {

    private static Entry file(String path, long size) {
        return new Entry(path, size, false);
    }

    private static Entry dir(String path) {
        return new Entry(path, 0, true);
    }

    private static Map<String, Long> visible(LayerReplay replay) {
        return replay.visible().stream().collect(Collectors.toMap(FileChange::path, FileChange::sizeBytes));
    }

    @Test
    void aLaterFileHidesTheEarlierOneAndItsBytesAreWasted() {
        LayerReplay replay = new LayerReplay();
        replay.apply(0, List.of(dir("etc"), file("etc/hello.txt", 6)));
        List<FileChange> changes = replay.apply(1, List.of(file("etc/hello.txt", 12)));
        assertEquals(List.of(new FileChange("etc/hello.txt", 12, false, Change.MODIFIED, 1)), changes);
        assertEquals(Map.of("etc", 0L, "etc/hello.txt", 12L), visible(replay));
        assertEquals(List.of(new Waste("etc/hello.txt", 6, 1)), replay.waste());
    }

    @Test
    void aWhiteoutRemovesAFileAndAWholeFolder() {
        LayerReplay replay = new LayerReplay();
        replay.apply(0, List.of(dir("data"), file("data/big", 65536), file("data/small", 10), file("keep", 1)));
        List<FileChange> changes = replay.apply(1, List.of(file(".wh.data", 0)));
        assertEquals(List.of(new FileChange("data", 65546, true, Change.REMOVED, 1)), changes);
        assertEquals(Map.of("keep", 1L), visible(replay));
        assertEquals(65546, replay.waste().stream().mapToLong(Waste::bytes).sum());
    }

    @Test
    void anOpaqueFolderHidesWhatLowerLayersHadInItButNotWhatItAddsItself() {
        LayerReplay replay = new LayerReplay();
        replay.apply(0, List.of(dir("app"), file("app/old.js", 100), file("app/lib.js", 50)));
        replay.apply(1, List.of(dir("app"), file("app/.wh..wh..opq", 0), file("app/new.js", 7)));
        assertEquals(Map.of("app", 0L, "app/new.js", 7L), visible(replay));
        assertEquals(150, replay.waste().stream().mapToLong(Waste::bytes).sum());
    }

    @Test
    void replayingRecordedChangesGivesTheSameMergedTree() {
        LayerReplay first = new LayerReplay();
        List<FileChange> zero = first.apply(0, List.of(dir("a"), file("a/x", 1), file("a/y", 2)));
        List<FileChange> one = first.apply(1, List.of(file("a/.wh.x", 0), file("a/z", 3)));
        LayerReplay again = new LayerReplay();
        again.replay(zero);
        again.replay(one);
        assertEquals(visible(first), visible(again));
    }
}
