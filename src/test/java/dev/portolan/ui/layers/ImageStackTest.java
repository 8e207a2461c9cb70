package dev.portolan.ui.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.image.FileChange;
import dev.portolan.image.FileChange.Change;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.ui.layers.ImageStack.Entry;
import dev.portolan.ui.layers.ImageStack.Mark;
import dev.portolan.ui.layers.ImageStack.Sheet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The union filesystem drawn: what a later sheet hides is crossed through below; a container's own changes on top. */
class ImageStackTest {

    private static final List<ImageLayer> STEPS = List.of(
            new ImageLayer(0, "sha256:0", "/bin/sh -c #(nop) ADD file:x in / ", null, 300, null),
            new ImageLayer(1, "sha256:1", "/bin/sh -c echo new > /etc/motd", null, 100, null),
            new ImageLayer(2, null, "/bin/sh -c #(nop)  ENV A=1", null, 0, null),
            new ImageLayer(3, "sha256:3", "/bin/sh -c rm /bin/old", null, 0, null));

    private static final ImageContents CONTENTS = new ImageContents(STEPS, List.of(
            List.of(new FileChange("etc", 0, true, Change.ADDED, 0), new FileChange("etc/motd", 50, false, Change.ADDED, 0),
                    new FileChange("bin/old", 200, false, Change.ADDED, 0), new FileChange("bin/sh", 40, false, Change.ADDED, 0)),
            List.of(new FileChange("etc/motd", 100, false, Change.MODIFIED, 1)),
            List.of(),
            List.of(new FileChange("bin/old", 200, false, Change.REMOVED, 3))), List.of(), 390, 250);

    private static Mark markOf(Sheet sheet, String path) {
        return sheet.entries().stream().filter(e -> e.path().equals(path)).map(Entry::mark).findFirst().orElse(null);
    }

    @Test
    void aPathALaterSheetOverwritesOrRemovesIsCrossedThroughBelow() {
        List<Sheet> sheets = ImageStack.of(STEPS, CONTENTS, null, null);
        assertEquals(4, sheets.size());
        assertEquals(Mark.HIDDEN, markOf(sheets.get(0), "etc/motd"), "overwritten by #1");
        assertEquals(Mark.HIDDEN, markOf(sheets.get(0), "bin/old"), "removed by #3");
        assertEquals(Mark.ADDED, markOf(sheets.get(0), "bin/sh"));
        assertEquals(Mark.CHANGED, markOf(sheets.get(1), "etc/motd"));
        assertEquals(Mark.DELETED, markOf(sheets.get(3), "bin/old"));
        assertTrue(sheets.get(0).entries().stream().noneMatch(e -> e.path().equals("etc")), "folders are not listed");
        assertEquals("bin/old", sheets.get(0).entries().getFirst().path(), "the biggest first");
        assertEquals(dev.portolan.image.LayerGraph.Kind.METADATA, sheets.get(2).kind());
    }

    @Test
    void aContainersOwnChangesMakeTheTopSheetWithoutTheFoldersAboveThem() {
        List<FileChange> diff = List.of(new FileChange("etc", 0, false, Change.MODIFIED, -1),
                new FileChange("etc/motd", 0, false, Change.MODIFIED, -1), new FileChange("tmp", 0, false, Change.MODIFIED, -1),
                new FileChange("tmp/new.txt", 0, false, Change.ADDED, -1), new FileChange("bin/sh", 0, false, Change.REMOVED, -1));
        List<Sheet> sheets = ImageStack.of(STEPS, CONTENTS, "web-1", diff);
        Sheet top = sheets.getLast();
        assertTrue(top.container());
        assertEquals(List.of(new Entry("bin/sh", 0, Mark.DELETED), new Entry("etc/motd", 0, Mark.CHANGED),
                new Entry("tmp/new.txt", 0, Mark.ADDED)), top.entries());
        assertEquals(Mark.HIDDEN, markOf(sheets.get(0), "bin/sh"), "the container deleted it: its image's copy is hidden");
        assertEquals(Mark.HIDDEN, markOf(sheets.get(1), "etc/motd"), "the container changed it");
        assertEquals(3, top.entries().size() + top.more(), "three paths of its own, none more");
    }

    @Test
    void theSheetsStackFromTheBottomUp() {
        StackLayout layout = StackLayout.of(ImageStack.of(STEPS, CONTENTS, "c", List.of()));
        for (int i = 1; i < layout.sheets().size(); i++) {
            var below = layout.sheets().get(i - 1).bounds();
            var above = layout.sheets().get(i).bounds();
            assertTrue(above.y() + above.h() < below.y(), "sheet " + i + " above " + (i - 1));
        }
        var first = layout.sheets().getFirst();
        assertEquals(first, layout.hit(first.bounds().centerX(), first.bounds().centerY()));
    }
}
