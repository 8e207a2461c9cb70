package dev.portolan.ui.diagram;

import dev.portolan.ui.draw.DiagramStyle;
import dev.portolan.ui.draw.PictureFile;
import dev.portolan.ui.draw.Rect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole diagram (not just what is in view) as a PNG or an SVG file, painted by the same painter as the screen. */
public final class DiagramExport {

    private static final double MARGIN = 20;

    private DiagramExport() {}

    /** Writes {@code layout} as "png" or "svg" (FX thread: a PNG is a canvas snapshot). */
    static void write(Layout layout, Marks marks, DiagramStyle style, String format, Path file) throws IOException {
        Rect area = new Rect(layout.bounds().x() - MARGIN, layout.bounds().y() - MARGIN,
                Math.max(1, layout.bounds().w() + 2 * MARGIN), Math.max(1, layout.bounds().h() + 2 * MARGIN));
        DiagramPainter.Frame frame = new DiagramPainter.Frame(layout, Layout.Card::bounds, Map.of(), List.of(), Set.of(),
                Set.of(), marks, null, 1, area, key -> false);
        PictureFile.write(area, pen -> new DiagramPainter(style).paint(frame, pen), format, file);
    }
}
