package dev.portolan.ui.layers;

import dev.portolan.ui.draw.PictureCanvas;
import dev.portolan.ui.draw.PictureFile;
import dev.portolan.ui.draw.Rect;
import dev.portolan.ui.layers.ImageStack.Sheet;
import dev.portolan.ui.layers.StackLayout.Placed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.layout.Pane;

/** A stack of sheets on a canvas: click or ↑ ↓ select a sheet, Enter or a double click opens it. */
public final class StackView {

    private static final double MARGIN = 20;

    private final PictureCanvas picture;
    private final ObjectProperty<Placed> selected = new SimpleObjectProperty<>();
    private StackLayout layout = StackLayout.of(List.of());
    private Runnable opened = () -> {};
    private String query = "";
    private java.util.Set<Placed> found = java.util.Set.of();

    public StackView(String id) {
        picture = new PictureCanvas(id, (pen, style, visible, scale) -> new StackPainter(style).paint(layout, selected.get(),
                found, visible, pen), () -> layout.bounds());
        picture.canvas().getProperties().put(StackView.class, this);
        picture.onClick(at -> selected.set(layout.hit(at[0], at[1])));
        picture.onDoubleClick(at -> {
            selected.set(layout.hit(at[0], at[1]));
            if (selected.get() != null) opened.run();
        });
        selected.addListener((obs, old, now) -> {
            if (now != null) picture.keepInView(now.bounds());
            picture.repaint();
        });
        picture.canvas().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            int at = layout.sheets().indexOf(selected.get());
            switch (e.getCode()) {
                case UP -> select(at < 0 ? layout.sheets().size() - 1 : at + 1);
                case DOWN -> select(at < 0 ? 0 : at - 1);
                case ENTER -> {
                    if (selected.get() != null) opened.run();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void select(int index) {
        if (index >= 0 && index < layout.sheets().size()) selected.set(layout.sheets().get(index));
    }

    /** The view a canvas of it belongs to (tests and tours reach the picture's model from the scene). */
    public static StackView of(javafx.scene.Node canvas) {
        return (StackView) canvas.getProperties().get(StackView.class);
    }

    public Pane node() {
        return picture.surface();
    }

    public PictureCanvas picture() {
        return picture;
    }

    public ObjectProperty<Placed> selectedProperty() {
        return selected;
    }

    public void onOpen(Runnable opened) {
        this.opened = opened;
    }

    public StackLayout layout() {
        return layout;
    }

    /** Shows these sheets; the selected sheet (by its step) stays selected; the view fits when sheets were added. */
    public void show(List<Sheet> sheets) {
        int before = layout.sheets().size();
        Placed was = selected.get();
        layout = StackLayout.of(sheets);
        search(query);
        selected.set(was == null ? null : layout.sheets().stream()
                .filter(p -> p.sheet().index() == was.sheet().index() && p.sheet().container() == was.sheet().container())
                .findFirst().orElse(null));
        if (sheets.size() != before) picture.fitNextFrame();
        picture.repaint();
    }

    /** Outlines the sheets whose line or listed paths contain the words. */
    public void search(String text) {
        query = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        found = query.isEmpty() ? java.util.Set.of() : layout.sheets().stream().filter(p -> matches(p.sheet(), query))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        picture.repaint();
    }

    private static boolean matches(Sheet sheet, String words) {
        return sheet.line().toLowerCase(java.util.Locale.ROOT).contains(words)
                || sheet.entries().stream().anyMatch(e -> e.path().toLowerCase(java.util.Locale.ROOT).contains(words));
    }

    public java.util.Set<Placed> found() {
        return found;
    }

    /** Shows the sheets the search found. */
    public void zoomToFound() {
        found.stream().map(Placed::bounds).reduce(Rect::union).ifPresent(picture::show);
    }

    public void export(String format, Path file) throws IOException {
        Rect b = layout.bounds();
        Rect area = new Rect(b.x() - MARGIN, b.y() - MARGIN, b.w() + 2 * MARGIN, b.h() + 2 * MARGIN);
        PictureFile.write(area, pen -> new StackPainter(picture.style()).paint(layout, selected.get(), found, area, pen),
                format, file);
    }
}
