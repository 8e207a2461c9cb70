package dev.portolan.ui;

import dev.portolan.app.Logging;
import dev.portolan.app.Settings;
import dev.portolan.lab.ImageSubstitutes;
import dev.portolan.ui.forms.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Settings, in the file the command line reads too: the simulated hosts' default image,
 * image substitutes, the theme; and where Portolan keeps its files. A property or an
 * environment variable that wins over a setting is said beside it.
 */
public final class SettingsWindow {

    private SettingsWindow() {}

    /** @param saved told after a save, with what was saved (the window applies the theme) */
    public static void open(Window owner, Settings settings, Consumer<Settings.Saved> saved) {
        Settings.Saved now = settings.saved();
        TextField hostImage = field("settings-host-image", now.hostImage(), Settings.PUBLIC_HOST_IMAGE);
        TextField substitutes = field("settings-substitutes", now.imageSubstitutes(), "busybox:1.36=my/busybox, …");
        CheckBox dark = new CheckBox("Dark theme");
        dark.setId("settings-dark");
        dark.setSelected(now.darkTheme());
        Label problems = Form.problemsLabel("settings-problems", 520);
        Button save = new Button("Save");
        save.setId("settings-save");
        save.setDefaultButton(true);

        GridPane form = dev.portolan.ui.forms.Form.grid(10, 8);
        form.addRow(0, new Label("Simulated host image"), hostImage);
        form.add(note("settings-host-image-override", Settings.overriddenBy("portolan.host-image", "PORTOLAN_HOST_IMAGE")), 1, 1);
        form.addRow(2, new Label("Image substitutes"), substitutes);
        form.add(note("settings-substitutes-override", Settings.overriddenBy("portolan.image-substitutes", "PORTOLAN_IMAGE_SUBSTITUTES")),
                1, 3);
        form.addRow(4, new Label("Theme"), dark);
        Label where = new Label("Settings: " + settings.file() + "\nLogs: " + Logging.folder()
                + "\nNothing is sent anywhere: Portolan talks only to the engines you add.");
        where.getStyleClass().add("muted");
        where.setId("settings-where");
        Label saidSaved = new Label();
        saidSaved.setId("settings-outcome");
        VBox root = new VBox(12, form, problems, where, new HBox(10, save, saidSaved));
        root.setPadding(new Insets(14));
        Stage stage = Windows.stage(owner, "Settings", root, 640, 340);

        Form.check(problems, save, () -> {
            List<String> found = new ArrayList<>(ImageSubstitutes.problems(substitutes.getText()));
            if (hostImage.getText().strip().contains(" ")) found.add("Simulated host image: an image name has no spaces.");
            return found;
        }, hostImage.textProperty(), substitutes.textProperty());
        save.setOnAction(e -> {
            Settings.Saved next = new Settings.Saved(hostImage.getText().strip(), substitutes.getText().strip(), dark.isSelected());
            settings.save(next);
            saidSaved.setText("Saved to " + settings.file().getFileName() + "; the command line reads it too.");
            saved.accept(next);
        });
        stage.show();
    }

    private static TextField field(String id, String value, String prompt) {
        TextField field = new TextField(value);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(32);
        return field;
    }

    /** Under a field whose setting a system property or an environment variable overrides: which, and its value. */
    private static Label note(String id, java.util.Optional<String> overriddenBy) {
        Label note = new Label(overriddenBy.map(by -> "Set by " + by + " for now: it wins over this setting.").orElse(""));
        note.setId(id);
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.setPrefWidth(420); // the field's width: a long value wraps rather than ending in "…"
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return note;
    }
}
