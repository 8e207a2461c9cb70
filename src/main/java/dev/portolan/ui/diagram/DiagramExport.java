package dev.portolan.ui.diagram;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/**
 * The whole diagram (not just what is in view) as a PNG or an SVG file, painted by the
 * same painter as the screen at 100 % (a PNG larger than 8,000 pixels is scaled down).
 */
public final class DiagramExport {

    private static final double MARGIN = 20;
    private static final double MAX_PIXELS = 8000;

    private DiagramExport() {}

    /** Writes {@code layout} as "png" or "svg" (FX thread: a PNG is a canvas snapshot). */
    static void write(Layout layout, Marks marks, DiagramStyle style, String format, Path file) throws IOException {
        Rect area = new Rect(layout.bounds().x() - MARGIN, layout.bounds().y() - MARGIN,
                Math.max(1, layout.bounds().w() + 2 * MARGIN), Math.max(1, layout.bounds().h() + 2 * MARGIN));
        DiagramPainter.Frame frame = new DiagramPainter.Frame(layout, Layout.Card::bounds, Map.of(), List.of(), Set.of(),
                Set.of(), marks, null, 1, area);
        if (format.equals("svg")) {
            SvgPen pen = new SvgPen(area);
            new DiagramPainter(style).paint(frame, pen);
            Files.writeString(file, pen.finish());
            return;
        }
        double scale = Math.min(1, MAX_PIXELS / Math.max(area.w(), area.h()));
        Canvas canvas = new Canvas(Math.ceil(area.w() * scale), Math.ceil(area.h() * scale));
        var g = canvas.getGraphicsContext2D();
        g.setTransform(scale, 0, 0, scale, -area.x() * scale, -area.y() * scale);
        new DiagramPainter(style).paint(frame, new CanvasPen(g));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        WritableImage image = canvas.snapshot(parameters, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        var reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        if (!ImageIO.write(out, "png", file.toFile())) throw new IOException("no PNG writer in this Java");
    }
}
