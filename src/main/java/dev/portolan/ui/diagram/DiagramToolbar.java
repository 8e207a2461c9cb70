package dev.portolan.ui.diagram;

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

/** The diagram's toolbar: search and filters, Fit, zoom, the counts, Export. */
final class DiagramToolbar {

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
    DiagramToolbar(Consumer<String> searched, Runnable found, Runnable fit, DoubleConsumer zoom, Consumer<String> exported) {
        search.setId("diagram-search");
        search.setPromptText("Search, or host: state: net: label: lab:");
        search.setTooltip(new Tooltip("Words are searched for and highlighted (Enter zooms to them); host:node1"
                + " state:running net:backend label:app=web lab:demo narrow the picture. Ctrl+F comes here."));
        search.setPrefColumnCount(20);
        search.textProperty().addListener((obs, old, text) -> searched.accept(text));
        search.setOnAction(e -> found.run());
        Button fitAll = button("Fit", "diagram-fit", fit);
        fitAll.setTooltip(new Tooltip("Fit everything in view (F or 0)"));
        Button zoomIn = button("+", "diagram-zoom-in", () -> zoom.accept(1.25));
        Button zoomOut = button("−", "diagram-zoom-out", () -> zoom.accept(0.8));
        MenuButton export = new MenuButton("Export", null, item("PNG image…", "diagram-export-png", () -> exported.accept("png")),
                item("SVG drawing…", "diagram-export-svg", () -> exported.accept("svg")));
        export.setId("diagram-export");
        counts.getStyleClass().add("muted");
        counts.setId("diagram-counts");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new ToolBar(search, fitAll, zoomOut, zoomIn, spacer, counts, export);
    }

    ToolBar bar() {
        return bar;
    }

    void showCounts(String text) {
        counts.setText(text);
    }

    void focusSearch() {
        search.requestFocus();
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
