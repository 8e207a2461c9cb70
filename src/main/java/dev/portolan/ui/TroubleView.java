package dev.portolan.ui;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.LastWords;
import dev.portolan.inventory.Trouble;
import dev.portolan.ui.model.HostModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/**
 * The details pane's "what is wrong" for one container: each trouble with what it means, and
 * the last log lines read the moment it died. Follows its host's model: a death, a capture,
 * a health change shows without selecting again. Hidden when there is nothing to say.
 */
final class TroubleView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label troubles = new Label();
    private final Label wordsTitle = new Label();
    private final TextArea words = new TextArea();
    private final VBox root = new VBox(4, troubles, wordsTitle, words);
    private final InvalidationListener refresh = o -> render();
    private HostModel host;
    private String containerId;

    TroubleView() {
        troubles.setWrapText(true);
        wordsTitle.setWrapText(true);
        // the inspect tabs below grow; these keep their whole text
        troubles.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        wordsTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        troubles.setId("details-trouble");
        troubles.getStyleClass().add("trouble");
        wordsTitle.setId("details-last-words-title");
        words.setId("details-last-words");
        words.setEditable(false);
        words.setWrapText(false);
        words.setPrefRowCount(6);
        words.getStyleClass().add("mono");
        root.setId("details-what-is-wrong");
        for (var node : List.of(root, troubles, wordsTitle, words)) node.managedProperty().bind(node.visibleProperty());
        root.setVisible(false);
    }

    VBox root() {
        return root;
    }

    /** Shows what is wrong with {@code container} of {@code model}; nulls hide it. */
    void show(HostModel model, ContainerInfo container) {
        if (host != model) {
            if (host != null) {
                host.troublesProperty().removeListener(refresh);
                host.lastWordsCapturedProperty().removeListener(refresh);
            }
            host = model;
            if (host != null) {
                host.troublesProperty().addListener(refresh);
                host.lastWordsCapturedProperty().addListener(refresh);
            }
        }
        containerId = container == null ? null : container.id();
        render();
    }

    private void render() {
        List<Trouble> now = host == null || containerId == null ? List.of() : host.troublesOf(containerId);
        Optional<LastWords.Words> last = host == null || containerId == null ? Optional.empty() : host.lastWords().of(containerId);
        root.setVisible(!now.isEmpty() || last.isPresent());
        troubles.setVisible(!now.isEmpty());
        troubles.setText(String.join("\n", now.stream().map(t -> "⚠ " + t.tag() + ": " + t.why()).toList()));
        boolean hasWords = last.isPresent();
        wordsTitle.setVisible(hasWords);
        words.setVisible(hasWords);
        last.ifPresent(w -> {
            wordsTitle.setText("Its last words, read when it died at " + TIME.format(w.diedAt()) + " (exit " + w.exitCode() + "):");
            words.setText(w.error() != null ? "(not read: " + w.error() + ")"
                    : w.lines().isEmpty() ? "(it printed nothing)" : String.join("\n", w.lines()));
        });
    }
}
