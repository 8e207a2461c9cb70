package dev.portolan.ui.draw;

import dev.portolan.ui.Buttons;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A picture's toolbar: search, Fit, zoom, the counts, Export; ids start with the picture's prefix ("diagram-search"). */
public final class PictureToolbar {

    private final TextField search = new TextField();
    private final Label counts = new Label();
    private final ToolBar bar;

    /**
     * @param searched gets the search text as it is typed
     * @param found    Enter in the search box: zoom to what it found
     * @param fit      Fit: everything in view
     * @param zoom     + and −: zoom by this factor about the middle
     * @param exported "png" or "svg"
     */
    public PictureToolbar(String prefix, String prompt, String help, Consumer<String> searched, Runnable found, Runnable fit,
            DoubleConsumer zoom, Consumer<String> exported) {
        search.setId(prefix + "-search");
        search.setPromptText(prompt);
        search.setTooltip(new Tooltip(help));
        search.setPrefColumnCount(20);
        search.textProperty().addListener((obs, old, text) -> searched.accept(text));
        search.setOnAction(e -> found.run());
        Button fitAll = Buttons.of("Fit", prefix + "-fit", fit);
        fitAll.setTooltip(new Tooltip("Fit everything in view (F or 0)"));
        Button zoomIn = Buttons.of("+", prefix + "-zoom-in", () -> zoom.accept(1.25));
        Button zoomOut = Buttons.of("−", prefix + "-zoom-out", () -> zoom.accept(0.8));
        MenuButton export = new MenuButton("Export", null, item("PNG image…", prefix + "-export-png", () -> exported.accept("png")),
                item("SVG drawing…", prefix + "-export-svg", () -> exported.accept("svg")));
        export.setId(prefix + "-export");
        counts.getStyleClass().add("muted");
        counts.setId(prefix + "-counts");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new ToolBar(search, fitAll, zoomOut, zoomIn, spacer, counts, export);
    }

    public ToolBar bar() {
        return bar;
    }

    public void showCounts(String text) {
        counts.setText(text);
    }

    /** Puts text in the search box, as if typed (a tour's step shows what it is about). */
    public void setSearch(String text) {
        search.setText(text == null ? "" : text);
    }

    public void focusSearch() {
        search.requestFocus();
    }


    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
