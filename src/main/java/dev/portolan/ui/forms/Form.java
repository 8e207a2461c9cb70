package dev.portolan.ui.forms;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * How a dialog checks what is typed: its rules (no I/O, they run on every keystroke) say
 * what is wrong, the problems show under the fields, and the confirm button is enabled
 * only when there are none. Until a field is changed they read as hints (muted), not as
 * errors: a dialog that has just opened has done nothing wrong. What needs the disk or the
 * engine is checked once, when the user confirms, and keeps the dialog open with its
 * sentence when it fails.
 */
public final class Form {

    private final Label problems;
    private final Node confirm;
    private final Supplier<List<String>> rules;
    private boolean touched;

    private Form(Label problems, Node confirm, Supplier<List<String>> rules) {
        this.problems = problems;
        this.confirm = confirm;
        this.rules = rules;
    }

    /**
     * Checks now and on every change of {@code inputs}.
     *
     * @param rules what is wrong with the fields as they are (empty: nothing), without I/O
     */
    public static Form check(Label problems, Node confirm, Supplier<List<String>> rules, Observable... inputs) {
        Form form = new Form(problems, confirm, rules);
        for (Observable input : inputs) input.addListener(changed -> {
            form.touched = true;
            form.validate();
        });
        form.validate();
        return form;
    }

    /**
     * A form's grid: labels in its first column, which keeps its whole width (a dialog narrower
     * than its fields would squeeze "Name" into "Na…"); the fields give way instead.
     */
    public static GridPane grid(double hgap, double vgap) {
        GridPane grid = new GridPane(hgap, vgap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        return grid;
    }

    /** The label that shows a form's problems: muted until a field is changed, then styled as errors. */
    public static Label problemsLabel(String id, double maxWidth) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        label.setMaxWidth(maxWidth);
        return label;
    }

    /** Runs the rules again (a field whose change is not observed, such as a choice made in code). */
    public void validate() {
        List<String> found = rules.get();
        say(String.join("\n", found));
        confirm.setDisable(!found.isEmpty());
    }

    private void say(String text) {
        problems.setText(text);
        problems.getStyleClass().removeAll("error-text", "muted");
        problems.getStyleClass().add(touched ? "error-text" : "muted");
    }

    /**
     * When confirm is pressed, runs {@code check} (which may read files): a sentence back
     * is shown and the dialog stays open; null lets it close.
     */
    public Form onConfirm(Supplier<String> check) {
        confirm.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = check.get();
            if (problem != null) {
                touched = true;
                say(problem);
                e.consume();
            }
        });
        return this;
    }
}
