package dev.portolan.ui.labs;

import dev.portolan.host.Progress;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabFileException;
import dev.portolan.lab.LabSpec;
import dev.portolan.lab.LabStep;
import dev.portolan.lab.Labs;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.jobs.Job;
import dev.portolan.ui.Windows;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.hosts.HostsController;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
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
import javafx.util.Duration;

/**
 * One lab: its file in a code editor checked as you type (YAML coloured, lines numbered,
 * each problem underlined where it is and listed as file:line:column), the plan of what Apply would do (also drawn on the diagram as ghosts), then Apply with its
 * steps as they run and Cancel, and Destroy. Save with Ctrl+S; a new lab starts from a
 * template and asks where to save it.
 */
public final class LabWindow {

    private static final Duration CHECK_AFTER_TYPING = Duration.millis(300);
    private static final String WAITING_FOR_PLAN = "The file's problems, or the plan of what Apply does, show here.";

    private final HostsController hosts;
    private final ActionRunner runner;
    private final BiConsumer<String, List<LabStep>> planShown;
    private final RecentLabs recent;
    private final Stage stage;
    private final YamlEditor editor;
    private final Label title = new Label();
    /** What the empty plan list says: before a plan, and once the engine has nothing left to do. */
    private final Label placeholder = new Label(WAITING_FOR_PLAN);
    private final Label outcome = new Label();
    private final ListView<String> lines = new ListView<>();
    private final Button save = new Button("Save");
    private final Button apply = new Button("Apply");
    private final Button cancel = new Button("Cancel");
    private final Button destroy = new Button("Destroy…");
    private final Button exportCompose = new Button("Export compose…");
    private final CheckBox removeData = new CheckBox("with the hosts' data");
    /** The lab's named fault lists (`faults:` in its file), each switched on whole. */
    private final javafx.scene.control.MenuButton faults = new javafx.scene.control.MenuButton("Faults");
    private final dev.portolan.ui.faults.FaultActions faultActions;
    private final PauseTransition typing = new PauseTransition(CHECK_AFTER_TYPING);
    private final AtomicInteger checks = new AtomicInteger();
    private final DialogService dialogs;
    private Path file;
    private String savedText;
    private Job<Void> applyJob;
    /** The plan's steps as the list shows them, for an apply to tick off. */
    private List<String> planLines = List.of();
    private LabSpec lab;
    private String shownPlanOf;
    /** What the last destroy did, kept above the plan that follows it. */
    private String lastResult;

    private LabWindow(Window owner, Path file, String text, Context context) {
        this.file = file;
        this.hosts = context.hosts();
        this.runner = context.runner();
        this.planShown = context.planShown();
        this.recent = context.recent();
        this.dialogs = context.dialogs();
        this.faultActions = context.faults();
        faults.setId("lab-faults");
        faults.setDisable(true);
        title.getStyleClass().add("details-title");
        title.setId("lab-title");
        editor = new YamlEditor(text);
        editor.area().setId("lab-editor");
        savedText = file == null ? null : text;
        lines.setId("lab-lines");
        lines.setCellFactory(dev.portolan.ui.WrappingCell.of(line -> line));
        placeholder.setId("lab-lines-empty");
        placeholder.setWrapText(true);
        placeholder.setPadding(new javafx.geometry.Insets(0, 12, 0, 12));
        lines.setPlaceholder(placeholder);
        outcome.setId("lab-outcome");
        outcome.setWrapText(true);
        save.setId("lab-save");
        save.setOnAction(e -> save());
        apply.setId("lab-apply");
        apply.getStyleClass().add("accent");
        apply.setOnAction(e -> apply());
        cancel.setId("lab-cancel");
        cancel.setOnAction(e -> {
            if (applyJob != null) applyJob.cancel();
        });
        cancel.setDisable(true);
        destroy.setId("lab-destroy");
        destroy.setOnAction(e -> destroy());
        removeData.setId("lab-remove-data");
        exportCompose.setId("lab-export-compose");
        exportCompose.setTooltip(new javafx.scene.control.Tooltip("Write the lab as compose files, one per host, for going back to compose"));
        exportCompose.setOnAction(e -> exportCompose());
        exportCompose.setDisable(true);
        typing.setOnFinished(e -> check());
        editor.textProperty().addListener((obs, old, now) -> {
            refreshTitle();
            typing.playFromStart();
        });

        SplitPane split = new SplitPane(editor.node(), new VBox(6, lines, outcome));
        VBox.setVgrow(lines, javafx.scene.layout.Priority.ALWAYS);
        split.setDividerPositions(0.55);
        HBox buttons = new HBox(8, save, apply, cancel, destroy, removeData, faults, exportCompose);
        BorderPane root = new BorderPane(split);
        root.setTop(title);
        root.setBottom(buttons);
        BorderPane.setMargin(split, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(12));
        stage = Windows.stage(owner, "Lab", root, 1000, 620);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        stage.setOnCloseRequest(e -> {
            if (!closeAsked()) e.consume();
        });
        stage.setOnHidden(e -> clearPlan());
        refreshTitle();
        stage.show();
        if (file != null) recent.opened(file);
        check();
    }

    /** What every lab window works with: the hosts, the status bar, the diagram's plan, recent labs, file dialogs. */
    public record Context(HostsController hosts, ActionRunner runner, BiConsumer<String, List<LabStep>> planShown,
            RecentLabs recent, DialogService dialogs, dev.portolan.ui.faults.FaultActions faults) {}

    /** Opens a lab file (the caller chose it, with a file dialog or from recent labs). */
    public static LabWindow open(Window owner, Path file, Context context) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            context.runner().say(new ActionRunner.Message("Cannot read " + file + ": " + e.getMessage(), true));
            return null;
        }
        return new LabWindow(owner, file, text, context);
    }

    /** A new, unsaved lab from a template; Save asks where it goes. */
    public static LabWindow fromTemplate(Window owner, String template, Context context) {
        return new LabWindow(owner, null, dev.portolan.lab.LabTemplates.text(template), context);
    }

    /** A new, unsaved lab from a text (a compose file's import); Save asks where it goes. */
    public static LabWindow fromText(Window owner, String text, Context context) {
        return new LabWindow(owner, null, text, context);
    }

    /** Says {@code note} above the plan, once ("Imported compose.yaml. 1 thing was not mapped; …"). */
    public LabWindow say(String note) {
        lastResult = note;
        outcome.setText(note + "\n" + outcome.getText());
        return this;
    }

    /** One item per named fault list of the lab: switching it on injects all its faults, or none. */
    private void showFaultLists() {
        faults.getItems().clear();
        for (String name : new java.util.TreeSet<>(lab.faults().keySet())) {
            var specs = dev.portolan.lab.LabFaults.specs(lab, name);
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Switch on " + name + " ("
                    + String.join(", ", specs.stream().map(dev.portolan.host.faults.FaultSpec::describe).toList()) + ")");
            item.setId("lab-fault-" + name);
            item.setOnAction(e -> faultActions.injectAll(name, specs));
            faults.getItems().add(item);
        }
        faults.setDisable(faults.getItems().isEmpty() || faultActions == null);
        faults.setTooltip(new javafx.scene.control.Tooltip(faults.getItems().isEmpty()
                ? "This lab names no faults: a `faults:` section in its file lists them by name" : "The lab's named faults"));
    }

    private Labs labs() {
        return hosts.localEngine().labs();
    }

    private String fileName() {
        return file == null ? "new lab" : file.getFileName().toString();
    }

    private boolean unsaved() {
        return !editor.text().equals(savedText);
    }

    /** "web-db.yaml • — lab web-db" while changed; a lab not saved yet is named by its lab: "lab web-db • not saved yet". */
    private void refreshTitle() {
        String name = file != null ? fileName() + (unsaved() ? " •" : "")
                : (lab == null ? "new lab" : "lab " + lab.name()) + " • not saved yet";
        title.setText(name + (file == null || lab == null ? "" : " — lab " + lab.name()));
        stage.setTitle("Lab — " + name);
    }

    /** Checks what is in the editor now; when it is a good lab, asks the engine for its plan. */
    private void check() {
        typing.stop();
        int check = checks.incrementAndGet();
        lab = null;
        apply.setDisable(true);
        exportCompose.setDisable(true);
        try {
            lab = LabFile.parse(editor.text(), fileName(), file == null ? null : file.toAbsolutePath().getParent());
            editor.showProblems(List.of());
        } catch (LabFileException e) {
            editor.showProblems(e.problems());
            lines.getItems().setAll(e.problems().stream().map(Object::toString).toList());
            outcome.setText(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")
                    + ": nothing will be applied until the file is right.");
            refreshTitle();
            clearPlan();
            return;
        }
        refreshTitle();
        showFaultLists();
        exportCompose.setDisable(false);
        LabSpec planned = lab;
        outcome.setText((lastResult == null ? "" : lastResult + "\n") + "Planning…");
        runner.run("Planning " + lab.name() + "…", "Planned " + lab.name(), "Plan " + lab.name(), () -> labs().plan(planned), steps -> {
            if (check != checks.get()) return; // typed on meanwhile
            planLines = steps.stream().map(s -> s.host() + ": " + s.describe()).toList();
            lines.getItems().setAll(planLines);
            placeholder.setText(steps.isEmpty() ? "Every host, network, volume and container the file names is there as it says."
                    + " Change the file to plan a change; Destroy takes the lab down." : WAITING_FOR_PLAN);
            outcome.setText((lastResult == null ? "" : lastResult + "\n") + (steps.isEmpty()
                    ? "Nothing to do: what runs is what the file says."
                    : "Plan: " + steps.size() + " steps, drawn on the diagram as dashed ghosts. Apply makes them;"
                            + " running it again finishes a stopped apply."));
            lastResult = null;
            apply.setDisable(steps.isEmpty());
            showPlan(planned.name(), steps);
        }, error -> {
            if (check == checks.get()) outcome.setText(error);
        });
    }

    private void showPlan(String labName, List<LabStep> steps) {
        if (shownPlanOf != null && !shownPlanOf.equals(labName)) planShown.accept(shownPlanOf, List.of());
        shownPlanOf = labName;
        planShown.accept(labName, steps);
    }

    private void clearPlan() {
        if (shownPlanOf != null) planShown.accept(shownPlanOf, List.of());
        shownPlanOf = null;
    }

    /** Asks for a folder and writes the lab there as compose files, one per host (LAB-HOST.compose.yaml). */
    private void exportCompose() {
        if (lab == null) return;
        Path folder = dialogs.chooseFolder(stage, "Export " + lab.name() + " as compose files").orElse(null);
        if (folder == null) return;
        try {
            List<Path> written = dev.portolan.lab.ComposeExport.write(lab, folder);
            outcome.setText("Wrote " + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList()) + " in "
                    + folder + ": run one on its host with docker compose -f FILE up -d, or import them all for the same lab.");
            runner.say(new ActionRunner.Message("Exported " + lab.name() + " as " + written.size() + " compose file"
                    + (written.size() == 1 ? "" : "s") + " in " + folder, false));
        } catch (dev.portolan.engine.InvalidInputException e) {
            outcome.setText(e.getMessage());
        }
    }

    /** Writes the editor to its file (asking for one the first time); false when nothing was saved. */
    private boolean save() {
        if (file == null) {
            Path chosen = dialogs.saveFile(stage, "Save the lab", (lab == null ? "lab" : lab.name()) + ".yaml", "Lab files",
                    "*.yaml", "*.yml").orElse(null);
            if (chosen == null) return false;
            file = chosen;
        }
        try {
            Files.writeString(file, editor.text());
        } catch (IOException e) {
            outcome.setText("Cannot write " + file + ": " + e.getMessage() + ". Save it somewhere you can write to.");
            return false;
        }
        savedText = editor.text();
        recent.opened(file);
        refreshTitle();
        runner.say(new ActionRunner.Message("Saved " + file, false));
        return true;
    }

    /** Closing with unsaved changes asks: save, discard, or stay. */
    private boolean closeAsked() {
        if (!unsaved()) return true;
        ButtonType saveIt = new ButtonType("Save");
        ButtonType discard = new ButtonType("Discard");
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The lab has changes that are not saved.", saveIt, discard,
                ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setHeaderText("Save " + fileName() + " before closing?");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        return answer == discard || (answer == saveIt && save());
    }

    /** Applies the lab at once, as its Apply button does (the first-run screen's sample lab). */
    public void applyNow() {
        apply();
    }

    /** Applies what the editor says; saves it first, so the file and what runs agree. */
    private void apply() {
        if (lab == null || (unsaved() && !save())) return;
        LabSpec applying = lab;
        apply.setDisable(true);
        cancel.setDisable(false);
        ApplyProgress steps = new ApplyProgress(planLines);
        lines.getItems().setAll(steps.rows());
        outcome.setText(steps.summary());
        long start = System.nanoTime();
        // the outcome arrives later on the FX thread, when applyJob is set
        applyJob = runner.start("Applying " + applying.name() + "…", "Applied " + applying.name(), "Apply " + applying.name(),
                progress -> {
                    labs().apply(applying, progress);
                    return null;
                }, step -> {
                    steps.step(step, (System.nanoTime() - start) / 1e9);
                    lines.getItems().setAll(steps.rows());
                    outcome.setText(steps.summary());
                    lines.scrollTo(steps.doneCount() - 1);
                }, done -> {
                    cancel.setDisable(true);
                    steps.finish();
                    lines.getItems().setAll(steps.rows());
                    lines.scrollTo(steps.doneCount() - 1); // the closing line: the total and the critical path
                    planLines = List.of();
                    clearPlan();
                    outcome.setText(String.format("Applied in %.1f s.", (System.nanoTime() - start) / 1e9));
                }, error -> {
                    cancel.setDisable(true);
                    apply.setDisable(false);
                    planLines = steps.pending(); // what the list still shows as to come
                    outcome.setText(error + (applyJob.isCancelled() ? " Apply again to finish." : ""));
                });
    }

    private void destroy() {
        if (lab == null) return;
        LabSpec destroying = lab;
        boolean withData = removeData.isSelected();
        Path backups = dev.portolan.app.UserDirectories.forThisUser().config().resolve("backups");
        var answer = DestroyLabDialog.ask(stage, destroying.name(), withData, backups);
        if (answer.isEmpty()) return;
        boolean backUpFirst = answer.get().backUpFirst();
        runner.run("Destroying " + destroying.name() + "…", "Destroyed " + destroying.name(), "Destroy " + destroying.name(),
                () -> {
                    List<Path> saved = backUpFirst ? labs().backUp(destroying.name(), backups, Progress.NONE) : List.of();
                    labs().destroy(destroying, withData, Progress.NONE);
                    if (faultActions != null) faultActions.healOn(destroying.name());
                    return saved;
                }, saved -> {
                    // said again above the next plan, which the check below makes
                    lastResult = destroying.name() + " is destroyed" + (withData ? "." : "; the hosts' data volumes are kept.")
                            + (saved.isEmpty() ? "" : " Its volumes were backed up first: " + saved.size()
                                    + (saved.size() == 1 ? " file" : " files") + " in " + backups + ".");
                    outcome.setText(lastResult);
                    check();
                });
    }
}
