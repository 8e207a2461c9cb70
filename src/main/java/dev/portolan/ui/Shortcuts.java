package dev.portolan.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The keyboard shortcuts, and the list F1 shows of them. The main window's are written in the
 * list as they are put on its scene, so the list cannot drift from what the keys do; the
 * diagram's and a tour's keys are handled by those views and listed beside their handlers.
 */
public final class Shortcuts {

    /** One shortcut: its keys as this platform writes them ("Ctrl+O", "⌘O"), and what it does. */
    public record Key(String keys, String what) {}

    /** The keys of one place: the main window, the diagram, a tour. */
    public record Section(String title, List<Key> keys) {}

    /** In every secondary window (see {@link Windows}). */
    public static final Section EVERY_WINDOW = new Section("Every window",
            List.of(new Key("Ctrl+W (⌘W)", "Closes it"), new Key("Esc", "Closes a dialog, or the Events window")));

    private final List<Key> main = new ArrayList<>();
    private static Stage open;

    /** Puts {@code action} on the main window's {@code scene} under {@code keys}, and writes it in the list. */
    public void put(Scene scene, KeyCombination keys, String what, Runnable action) {
        scene.getAccelerators().put(keys, action);
        main.removeIf(k -> k.keys().equals(keys.getDisplayText()));
        main.add(new Key(keys.getDisplayText(), what));
    }

    /**
     * The main window's shortcuts, in the order a reader looks for them: the views
     * (Ctrl+1, Ctrl+2), then Ctrl+letter, then Ctrl+Shift+letter (the tools), then the
     * function keys; alphabetically within each.
     */
    public List<Key> main() {
        return main.stream().sorted(java.util.Comparator.comparingInt((Key k) -> rank(k.keys())).thenComparing(Key::keys)).toList();
    }

    private static int rank(String keys) {
        if (keys.matches("F[0-9]+")) return 3;
        if (keys.matches("Ctrl\\+[0-9]")) return 0;
        return keys.contains("Shift+") ? 2 : 1;
    }

    /** The list, in a window of its own (one at a time: F1 again brings it forward). */
    public static Stage show(Window owner, List<Section> sections) {
        if (open != null) {
            open.toFront();
            return open;
        }
        VBox all = new VBox(14);
        all.setPadding(new Insets(14));
        all.setId("shortcuts-list");
        for (Section section : sections) {
            Label title = new Label(section.title());
            title.getStyleClass().add("shortcuts-title");
            GridPane rows = dev.portolan.ui.forms.Form.grid(18, 4);
            for (int i = 0; i < section.keys().size(); i++) {
                Label keys = new Label(section.keys().get(i).keys());
                keys.getStyleClass().add("shortcut-keys");
                Label what = new Label(section.keys().get(i).what());
                what.setWrapText(true);
                rows.addRow(i, keys, what);
            }
            all.getChildren().addAll(title, rows);
        }
        ScrollPane scroll = new ScrollPane(all);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        // a scroll pane as the scene's root is see-through: the theme's background is the root's
        Stage stage = Windows.stage(owner, "Keyboard shortcuts", new javafx.scene.layout.BorderPane(scroll), 560, 640);
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.ESCAPE),
                stage::close);
        stage.setOnHidden(e -> open = null);
        open = stage;
        stage.show();
        return stage;
    }
}
