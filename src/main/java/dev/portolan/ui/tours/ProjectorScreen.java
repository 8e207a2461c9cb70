package dev.portolan.ui.tours;

import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window as a projector's screen while a tour is presented: full screen, large
 * type (the "presenting" style), the step's banner under the diagram, the presenter's keys
 * caught before anything else takes them. Esc, or leaving full screen, ends it.
 */
public final class ProjectorScreen implements TourWindow.Presenter {

    private final BorderPane root;
    private final Runnable showDiagram;
    private Node bottom;
    private EventHandler<KeyEvent> keys;
    private ChangeListener<Boolean> fullScreen;
    private Runnable stopped;

    /**
     * @param root        the main window's root: its bottom (the status bar) gets the banner above it
     * @param showDiagram brings the diagram to the middle of the window
     */
    public ProjectorScreen(BorderPane root, Runnable showDiagram) {
        this.root = root;
        this.showDiagram = showDiagram;
    }

    @Override
    public void present(Node banner, Map<KeyCode, Runnable> presenterKeys, Runnable whenStopped) {
        if (keys != null) stopPresenting();
        stopped = whenStopped;
        showDiagram.run();
        bottom = root.getBottom();
        root.setBottom(new VBox(banner, bottom));
        root.getStyleClass().add("presenting");
        keys = e -> {
            Runnable action = presenterKeys.get(e.getCode());
            if (e.getCode() == KeyCode.ESCAPE) {
                stopPresenting();
                e.consume();
            } else if (action != null && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                action.run();
                e.consume();
            }
        };
        root.getScene().addEventFilter(KeyEvent.KEY_PRESSED, keys);
        Stage stage = (Stage) root.getScene().getWindow();
        stage.setFullScreenExitHint("→ next · ← back · space do it · R reset · Esc ends presenting");
        stage.setFullScreen(true);
        fullScreen = (obs, was, is) -> {
            if (!is) stopPresenting();
        };
        stage.fullScreenProperty().addListener(fullScreen);
        stage.toFront();
    }

    @Override
    public void stopPresenting() {
        if (keys == null) return;
        Stage stage = (Stage) root.getScene().getWindow();
        stage.fullScreenProperty().removeListener(fullScreen);
        root.getScene().removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        keys = null;
        stage.setFullScreen(false);
        root.getStyleClass().remove("presenting");
        root.setBottom(bottom);
        Runnable then = stopped;
        stopped = null;
        if (then != null) then.run();
    }

    public boolean isPresenting() {
        return keys != null;
    }
}
