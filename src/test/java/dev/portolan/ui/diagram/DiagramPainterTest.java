package dev.portolan.ui.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.SyntheticCluster;
import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.Pen;
import dev.portolan.ui.draw.Rect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** What the painter writes where, with a pen that records its text (no screen needed). */
class DiagramPainterTest {

    /** Writes nothing; remembers each text and where it starts; its font is wider than the estimate. */
    private static final class RecordingPen implements Pen {
        record Written(String text, double x) {}

        final List<Written> texts = new ArrayList<>();

        @Override
        public double measure(String text, double size, boolean bold) {
            return text.length() * size * 0.8;
        }

        @Override
        public void text(String text, double x, double y, double size, boolean bold, Color color, double maxWidth) {
            texts.add(new Written(text, x));
        }

        @Override
        public void fill(Rect r, double arc, Color color) {}

        @Override
        public void stroke(Rect r, double arc, Color color, double width, boolean dashed) {}

        @Override
        public void line(double x1, double y1, double x2, double y2, Color color, double width, boolean dashed) {}

        @Override
        public void curve(double x1, double y1, double x2, double y2, Color color, double width) {}

        @Override
        public void cylinder(Rect r, Color fill, Color stroke, double width) {}

        @Override
        public void alpha(double alpha) {}
    }

    @Test
    void aHostsFactsStartAfterItsNameAsThePenMeasuresIt() {
        var inventory = SyntheticCluster.of(1, 3, 1, 1, 7).getFirst();
        Layout layout = new DiagramLayout().layout(List.of(new HostSnapshot("demo/node1", "demo", "live", inventory, Map.of())),
                dev.portolan.ui.diagram.DiagramFilter.NONE);
        RecordingPen pen = new RecordingPen();
        // the host's title row only: cards (their icons need a screen) lie below it and are skipped
        Rect host = layout.hosts().getFirst().bounds();
        Rect titleRow = new Rect(host.x(), host.y(), host.w(), 30);
        new DiagramPainter(DiagramStyle.defaults()).paint(new DiagramPainter.Frame(layout, Layout.Card::bounds, Map.of(),
                List.of(), Set.of(), Set.of(), Marks.NONE, null, 1, titleRow, key -> false), pen);

        int title = indexOf(pen, "demo/node1");
        RecordingPen.Written name = pen.texts.get(title);
        RecordingPen.Written facts = pen.texts.get(title + 1);
        assertTrue(facts.text().startsWith("3 containers"), facts.text());
        assertEquals(name.x() + pen.measure("demo/node1", 15, true) + 12, facts.x(), 0.01,
                "a gap after the name as drawn, not after an estimate of it (\"demo/node10 containers\" before)");
    }

    @Test
    void aCardsStatsGiveWayToItsStateWhereBothDoNotFit() {
        var inventory = SyntheticCluster.of(1, 1, 1, 1, 7).getFirst();
        Layout layout = new DiagramLayout().layout(List.of(new HostSnapshot("demo/node1", "demo", "live", inventory, Map.of())),
                dev.portolan.ui.diagram.DiagramFilter.NONE);
        Layout.Card plain = layout.cards().getFirst();
        var c = plain.container();
        var healthy = new dev.portolan.inventory.ContainerInfo(c.id(), c.name(), c.image(), c.imageId(), c.command(),
                dev.portolan.inventory.ContainerInfo.State.RUNNING, dev.portolan.inventory.ContainerInfo.Health.HEALTHY, "",
                0, 0, false, c.ports(), c.networks(), c.mounts(), c.labels(), c.created(), c.startedAt());
        Layout.Card card = plain.showing(healthy);
        Rect r = card.bounds();
        String state = dev.portolan.ui.inventory.StateText.of(healthy);

        for (String stats : List.of("0.0% · 688 KB", "12.5% · 1.2 GB", "0.0% · 1 KB")) {
            Marks marks = new Marks(Map.of(), Map.of(), Map.of(card.key(), new Marks.CardStats(new double[0], stats)), Map.of(), null);
            RecordingPen pen = new RecordingPen();
            new MarksPainter(DiagramStyle.defaults()).card(card, r, new DiagramPainter.Frame(layout, Layout.Card::bounds, Map.of(),
                    List.of(), Set.of(), Set.of(), marks, null, 1, r, key -> false), pen);
            double stateEnds = r.x() + DiagramPainter.CARD_TEXT_LEFT + pen.measure(state, 11, false);
            assertTrue(pen.texts.size() <= 1, "one line of numbers at most: " + pen.texts);
            for (RecordingPen.Written written : pen.texts) {
                assertTrue(written.x() > stateEnds, "\"" + written.text() + "\" starts at " + written.x() + ", after \"" + state
                        + "\", which ends at " + stateEnds + " (they ran into each other before)");
                assertTrue(stats.startsWith(written.text()), "the whole, or the cpu alone: " + written.text());
            }
        }
        // a short state leaves room: the numbers are there
        Marks marks = new Marks(Map.of(), Map.of(), Map.of(plain.key(), new Marks.CardStats(new double[0], "1% · 2 MB")), Map.of(), null);
        RecordingPen pen = new RecordingPen();
        new MarksPainter(DiagramStyle.defaults()).card(plain, r, new DiagramPainter.Frame(layout, Layout.Card::bounds, Map.of(),
                List.of(), Set.of(), Set.of(), marks, null, 1, r, key -> false), pen);
        assertEquals(List.of("1% · 2 MB"), pen.texts.stream().map(RecordingPen.Written::text).toList(),
                "beside " + dev.portolan.ui.inventory.StateText.of(c));
    }

    @Test
    void aSimulatedHostsDataVolumeIsNamedAfterItsHostAndSaysWhenItIsKept() {
        var inventory = SyntheticCluster.of(1, 1, 1, 1, 7).getFirst();
        Map<String, String> labels = Map.of(dev.portolan.host.Ownership.ROLE, dev.portolan.host.Ownership.HOST_DATA,
                dev.portolan.host.Ownership.LAB, "web-db", dev.portolan.host.Ownership.HOST, "data");
        var disk = new dev.portolan.inventory.VolumeInfo("portolan-web-db-data-docker", "local", "/v", labels, null);
        var other = new dev.portolan.inventory.VolumeInfo("portolan-web-db-web-cache", "local", "/v", Map.of(), null);
        inventory = inventory.withVolumes(Map.of(disk.name(), disk, other.name(), other));
        Layout layout = new DiagramLayout().layout(List.of(new HostSnapshot("local", "", "live", inventory, Map.of())),
                dev.portolan.ui.diagram.DiagramFilter.NONE);
        List<String> written = new ArrayList<>();
        for (Layout.VolumeBox volume : layout.volumes()) {
            RecordingPen pen = new RecordingPen();
            Rect r = volume.bounds();
            new DiagramPainter(DiagramStyle.defaults()).paint(new DiagramPainter.Frame(layout, Layout.Card::bounds, Map.of(),
                    List.of(), Set.of(), Set.of(), Marks.NONE, null, 1, new Rect(r.x(), r.y(), r.w(), r.h() + 20), key -> false), pen);
            pen.texts.forEach(t -> written.add(t.text()));
        }
        assertTrue(written.containsAll(List.of("web-db/data", "kept, host removed")), "its host, and kept: " + written);
        assertTrue(written.containsAll(List.of("portolan-web-db-web-cache", "unused")), "another volume as before: " + written);
        assertTrue(!written.contains("portolan-web-db-data-docker"), written.toString());
    }

    private static int indexOf(RecordingPen pen, String text) {
        for (int i = 0; i < pen.texts.size(); i++) if (pen.texts.get(i).text().equals(text)) return i;
        throw new AssertionError(text + " is not written; written: " + pen.texts);
    }
}
