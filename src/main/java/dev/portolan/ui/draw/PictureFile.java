package dev.portolan.ui.draw;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javax.imageio.ImageIO;

/**
 * A picture written as PNG or SVG by the same painting code as the screen, at 100 % (a PNG
 * larger than 8,000 pixels is scaled down), so the file shows what the window shows.
 */
public final class PictureFile {

    private static final double MAX_PIXELS = 8000;

    private PictureFile() {}

    /** Paints {@code area} (diagram units) into {@code file} as "png" or "svg"; FX thread (a PNG is a canvas snapshot). */
    public static void write(Rect area, Consumer<Pen> paint, String format, Path file) throws IOException {
        if (format.equals("svg")) {
            SvgPen pen = new SvgPen(area);
            paint.accept(pen);
            Files.writeString(file, pen.finish());
            return;
        }
        double scale = Math.min(1, MAX_PIXELS / Math.max(area.w(), area.h()));
        Canvas canvas = new Canvas(Math.ceil(area.w() * scale), Math.ceil(area.h() * scale));
        var g = canvas.getGraphicsContext2D();
        g.setTransform(scale, 0, 0, scale, -area.x() * scale, -area.y() * scale);
        paint.accept(new CanvasPen(g));
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        writePng(canvas.snapshot(parameters, null), file);
    }

    /**
     * A picture made of controls (the Swarm's) as it is drawn on screen, at 100 %, on {@code
     * background}, as a PNG: the whole node, also what is scrolled out of view. FX thread.
     */
    public static void writePng(Node node, Paint background, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(background);
        writePng(node.snapshot(parameters, null), file);
    }

    private static void writePng(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[w];
        var reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        if (!ImageIO.write(out, "png", file.toFile())) throw new IOException("no PNG writer in this Java");
    }

    /** The format a file name asks for: "svg" for .svg, else "png". */
    public static String formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg") ? "svg" : "png";
    }
}
