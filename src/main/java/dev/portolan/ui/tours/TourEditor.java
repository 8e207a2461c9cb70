package dev.portolan.ui.tours;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.lab.LabFileException;
import dev.portolan.lab.LabProblem;
import dev.portolan.tour.Tour;
import dev.portolan.tour.TourCompletions;
import dev.portolan.tour.TourFile;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.Windows;
import dev.portolan.ui.labs.YamlEditor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A tour file in a code editor, as lab files are: YAML coloured, each problem underlined at
 * its place as it is typed (checked against the tour's lab), Ctrl+Space offering the tour
 * schema's keys and the lab's names. A shipped tour is saved as a copy, with its lab and
 * folders, where the user says; *Start* opens the tour as saved.
 */
public final class TourEditor {

    private static final javafx.util.Duration CHECK_AFTER_TYPING = javafx.util.Duration.millis(300);

    private final Stage stage;
    private final YamlEditor editor;
    private final ListView<String> problems = new ListView<>();
    private final Label outcome = new Label();
    private final Button save = new Button("Save");
    private final Button saveAs = new Button("Save as…");
    private final Button start = new Button("Start the tour");
    private final PauseTransition typing = new PauseTransition(CHECK_AFTER_TYPING);
    private final DialogService dialogs;
    private final Consumer<Path> starts;
    private Path file;
    private boolean shipped;
    private String savedText;

    private TourEditor(Window owner, Tour tour, DialogService dialogs, Consumer<Path> starts) throws IOException {
        this.dialogs = dialogs;
        this.starts = starts;
        this.file = tour.file();
        this.shipped = tour.shipped();
        this.savedText = Files.readString(file);
        var completions = TourCompletions.over(tour.lab());
        editor = new YamlEditor(savedText, completions::complete);
        editor.area().setId("tour-editor");
        problems.setId("tour-editor-problems");
        problems.setCellFactory(dev.portolan.ui.WrappingCell.of(problem -> problem));
        outcome.setId("tour-editor-outcome");
        outcome.setWrapText(true);
        save.setId("tour-editor-save");
        saveAs.setId("tour-editor-save-as");
        start.setId("tour-editor-start");
        start.getStyleClass().add("accent");
        save.setOnAction(e -> save());
        saveAs.setOnAction(e -> saveAs());
        start.setOnAction(e -> {
            if (isChanged() && !save()) return;
            starts.accept(file);
        });
        save.setTooltip(new javafx.scene.control.Tooltip("Save (Ctrl+S); a shipped tour is saved as a copy"));
        typing.setOnFinished(e -> check());
        editor.textProperty().addListener((obs, old, now) -> typing.playFromStart());
        SplitPane split = new SplitPane(editor.node(), new VBox(6, problems, outcome));
        split.setDividerPositions(0.68);
        BorderPane root = new BorderPane(split);
        root.setTop(new HBox(8, save, saveAs, start));
        root.getStyleClass().add("tour-editor");
        stage = Windows.stage(owner, "Tour file · " + (shipped ? tour.name() + " (shipped)" : file.getFileName()), root, 980, 640);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), save::fire);
        check();
    }

    /** Opens a tour's file in the editor; {@code starts} opens a saved tour file. */
    public static TourEditor open(Window owner, Tour tour, DialogService dialogs, Consumer<Path> starts) {
        try {
            TourEditor editor = new TourEditor(owner, tour, dialogs, starts);
            editor.stage.show();
            return editor;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tour file " + tour.file(), e);
        }
    }

    public Stage stage() {
        return stage;
    }

    private boolean isChanged() {
        return !editor.text().equals(savedText);
    }

    /** Checks the text as it is now, against the lab beside the file. */
    private void check() {
        typing.stop();
        try {
            TourFile.parse(editor.text(), file.getFileName().toString(), file.getParent(), "edited");
            editor.showProblems(List.of());
            problems.getItems().clear();
            outcome.setText("No problems: the tour can start.");
            start.setDisable(false);
        } catch (LabFileException e) {
            editor.showProblems(e.problems().stream().filter(p -> p.file().equals(file.getFileName().toString())).toList());
            problems.getItems().setAll(e.problems().stream().map(LabProblem::toString).toList());
            outcome.setText(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + ": the tour cannot start until the file is right.");
            start.setDisable(true);
        } catch (InvalidInputException e) {
            problems.getItems().setAll(e.getMessage());
            outcome.setText("The tour cannot start: " + e.getMessage());
            start.setDisable(true);
        }
    }

    /** Saves in place; a shipped tour goes to a copy (Save as). False when nothing was saved. */
    private boolean save() {
        if (shipped) return saveAs();
        return write(file);
    }

    /** Copies the tour's folder (its lab, its build folders) to a folder the user chooses, with the edited tour in it. */
    private boolean saveAs() {
        var chosen = dialogs.chooseFolder(stage, "Save the tour with its lab and folders into");
        if (chosen.isEmpty()) return false;
        Path target = chosen.get().resolve(file.getParent().getFileName().toString().replaceFirst("^portolan-tour-", "")
                .replaceFirst("-\\d+$", ""));
        try {
            copyTree(file.getParent(), target);
        } catch (IOException e) {
            outcome.setText("Cannot copy the tour into " + target + ": " + e.getMessage() + ". Choose a folder you can write to.");
            return false;
        }
        if (!write(target.resolve(file.getFileName()))) return false;
        file = target.resolve(file.getFileName());
        shipped = false;
        stage.setTitle("Tour file · " + file);
        return true;
    }

    private boolean write(Path to) {
        try {
            Files.writeString(to, editor.text());
            savedText = editor.text();
            outcome.setText("Saved " + to + ".");
            return true;
        } catch (IOException e) {
            outcome.setText("Cannot save " + to + ": " + e.getMessage() + ". Save as… elsewhere.");
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
