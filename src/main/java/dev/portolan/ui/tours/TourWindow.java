package dev.portolan.ui.tours;

import dev.portolan.host.Progress;
import dev.portolan.operations.Faults;
import dev.portolan.operations.HostsByName;
import dev.portolan.operations.LocalEngine;
import dev.portolan.tour.Tour;
import dev.portolan.tour.TourRunner;
import dev.portolan.tour.TourSpec;
import dev.portolan.ui.Windows;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A tour beside the diagram: its steps, the one at hand (narration, the command a learner
 * would type, *Do it*, *Check*, Reset), what was done and whether the check held, with its
 * hint when not. The diagram highlights what each step shows. In presenter mode the main
 * window goes full screen with the narration in large type and the keys → ← space R, while
 * this window becomes the speaker's: notes and a timer. Work runs on the tour's own thread;
 * the FX thread never waits on it.
 */
public final class TourWindow {

    /**
     * What the tour needs from the main window.
     *
     * @param local      the local engine as the window knows it (FX thread)
     * @param hosts      each host's operations over the window's connections, callable off the FX thread
     * @param faults     the fault operations of the moment
     * @param spotlight  shows a step's focus on the diagram (null ends it)
     * @param openLayers opens an image's layers: its host (as `portolan hosts` names it) and the image
     */
    public record Context(Window owner, java.util.function.Supplier<LocalEngine> local, HostsByName hosts,
            java.util.function.Supplier<Faults> faults, Consumer<String> spotlight, Presenter presenter,
            java.util.function.BiConsumer<String, String> openLayers, dev.portolan.ui.DialogService dialogs,
            Consumer<java.nio.file.Path> openTour) {}

    /** The main window as a projector screen: full screen, the banner under the diagram, the keys given. */
    public interface Presenter {
        void present(Node banner, Map<KeyCode, Runnable> keys, Runnable stopped);

        void stopPresenting();
    }

    /** Where each step stands, for the list: not done, done, checked and passed, failed. */
    enum Mark { NONE, DONE, PASSED, FAILED }

    private final Tour tour;
    private final TourRunner runner;
    private final TourHosts hosts;
    private final Context context;
    private final Stage stage;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tour");
        t.setDaemon(true);
        return t;
    });
    private Future<?> running;
    private final Mark[] marks;
    private int index;

    private final ListView<Integer> steps = new ListView<>();
    private final Label stepTitle = new Label();
    private final VBox narration = new VBox(8);
    private final TextArea command = new TextArea();
    private final VBox result = new VBox(4);
    private final Label status = new Label();
    private final Button back = new Button("◀ Back");
    private final Button doIt = new Button("Do it");
    private final Button check = new Button("Check");
    private final Button reset = new Button("Reset");
    private final Button next = new Button("Next ▶");
    private final ToggleButton present = new ToggleButton("Present");
    private final Button edit = new Button("Edit");
    private final VBox notes = new VBox(6);
    private final SpeakerView speaker = new SpeakerView();

    private TourWindow(Tour tour, Context context) {
        this.tour = tour;
        this.context = context;
        LocalEngine local = context.local().get();
        this.hosts = new TourHosts(context.hosts(), local);
        this.runner = new TourRunner(tour, local, local.labs(), hosts, context.faults());
        this.marks = new Mark[tour.steps().size()];
        java.util.Arrays.fill(marks, Mark.NONE);
        stage = Windows.stage(context.owner(), "Tour · " + tour.spec().title(), layout(), 760, 640);
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setOnHidden(e -> close());
    }

    /** Opens the tour and starts its lab. */
    public static TourWindow open(Tour tour, Context context) {
        TourWindow window = new TourWindow(tour, context);
        window.stage.show();
        window.show(0);
        window.startLab();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    private javafx.scene.Parent layout() {
        Label title = new Label(tour.spec().title());
        title.getStyleClass().add("tour-title");
        Label about = new Label(String.join(" · ", java.util.stream.Stream.of(tour.spec().audience(), tour.spec().summary())
                .filter(s -> s != null && !s.isBlank()).toList()));
        about.getStyleClass().add("muted");
        about.setWrapText(true);
        steps.setId("tour-steps");
        steps.getItems().setAll(java.util.stream.IntStream.range(0, tour.steps().size()).boxed().toList());
        // a long title wraps in the narrow list, rather than hide behind a sideways scroll bar
        steps.setCellFactory(dev.portolan.ui.WrappingCell.of(i -> switch (marks[i]) {
            case PASSED -> "✓ ";
            case FAILED -> "✗ ";
            case DONE -> "• ";
            case NONE -> "   ";
        } + (i + 1) + ". " + tour.steps().get(i).title()));
        steps.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> {
            if (i.intValue() >= 0 && i.intValue() != index) show(i.intValue());
        });
        steps.setPrefWidth(230);
        stepTitle.setId("tour-step-title");
        stepTitle.getStyleClass().add("tour-step-title");
        stepTitle.setWrapText(true);
        narration.setId("tour-narration");
        command.setId("tour-command");
        command.setEditable(false);
        command.setPrefRowCount(2);
        command.setWrapText(true); // shown whole; Copy takes the text as typed
        command.getStyleClass().add("tour-command");
        command.widthProperty().addListener((obs, old, now) -> fitCommandRows());
        Button copy = new Button("Copy");
        copy.setId("tour-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            status.setText("Copied: paste it in a terminal, then press Check.");
        });
        Label terminal = new Label("At a terminal");
        terminal.getStyleClass().add("muted");
        HBox commandRow = new HBox(6, command, copy);
        HBox.setHgrow(command, Priority.ALWAYS);
        back.setId("tour-back");
        doIt.setId("tour-do");
        doIt.getStyleClass().add("accent");
        check.setId("tour-check");
        reset.setId("tour-reset");
        next.setId("tour-next");
        present.setId("tour-present");
        back.setOnAction(e -> show(index - 1));
        next.setOnAction(e -> show(index + 1));
        doIt.setOnAction(e -> doStep());
        check.setOnAction(e -> checkStep());
        reset.setOnAction(e -> resetStep());
        present.setOnAction(e -> {
            if (present.isSelected()) startPresenting();
            else context.presenter().stopPresenting();
        });
        back.setTooltip(new javafx.scene.control.Tooltip("The step before (←)"));
        next.setTooltip(new javafx.scene.control.Tooltip("The next step (→)"));
        doIt.setTooltip(new javafx.scene.control.Tooltip("Do this step's action, then check it (space)"));
        check.setTooltip(new javafx.scene.control.Tooltip("Check what the step asks, after doing it at a terminal"));
        reset.setTooltip(new javafx.scene.control.Tooltip("Back to before this step: the lab as its file says (R)"));
        present.setTooltip(new javafx.scene.control.Tooltip("Full screen on the main window, narration in large type; "
                + "this window keeps the notes and a timer (F5)"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, doIt, check, reset, spacer, present, next);
        result.setId("tour-result");
        status.setId("tour-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        notes.setId("tour-notes");
        VBox step = new VBox(10, stepTitle, narration, terminal, commandRow, buttons, result, notes, status);
        step.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(step);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(steps, scroll);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(steps, false);
        edit.setId("tour-edit");
        edit.setTooltip(new javafx.scene.control.Tooltip("The tour file in a code editor: problems as you type, Ctrl+Space completes"));
        edit.setOnAction(e -> TourEditor.open(stage, tour, context.dialogs(), context.openTour()));
        Region headSpace = new Region();
        HBox.setHgrow(headSpace, Priority.ALWAYS);
        VBox head = new VBox(4, new HBox(12, title, speaker.timer(), headSpace, edit), about);
        head.setPadding(new Insets(12, 12, 6, 12));
        BorderPane root = new BorderPane(split);
        root.setTop(head);
        root.getStyleClass().add("tour-window");
        return root;
    }

    private void key(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return;
        if (e.getCode() == KeyCode.ESCAPE && present.isSelected()) {
            context.presenter().stopPresenting();
            e.consume();
            return;
        }
        Runnable action = keys().get(e.getCode());
        if (action != null) {
            action.run();
            e.consume();
        }
    }

    /** What {@link #keys} and Esc do, for the list of shortcuts: keep them together. */
    public static final List<dev.portolan.ui.Shortcuts.Key> KEYS = List.of(
            new dev.portolan.ui.Shortcuts.Key("→  or  Page Down", "Next step"),
            new dev.portolan.ui.Shortcuts.Key("←  or  Page Up", "Step back"),
            new dev.portolan.ui.Shortcuts.Key("Space", "Do it: run the step's command"),
            new dev.portolan.ui.Shortcuts.Key("R", "Reset the step"),
            new dev.portolan.ui.Shortcuts.Key("F5", "Present on another screen, or stop"),
            new dev.portolan.ui.Shortcuts.Key("Esc", "Stop presenting"));

    /** The presenter's keys, in this window and on the projector. */
    private Map<KeyCode, Runnable> keys() {
        return Map.of(KeyCode.RIGHT, next::fire, KeyCode.PAGE_DOWN, next::fire, KeyCode.LEFT, back::fire, KeyCode.PAGE_UP,
                back::fire, KeyCode.SPACE, doIt::fire, KeyCode.R, reset::fire, KeyCode.F5, present::fire);
    }

    // ---- the step at hand

    /** As many rows as the command takes, wrapped at the area's width: read whole, with no scroll bar. */
    private void fitCommandRows() {
        javafx.scene.text.Text m = new javafx.scene.text.Text("M");
        m.setFont(command.getFont());
        double columns = Math.max(20, (command.getWidth() - 30) / m.getLayoutBounds().getWidth());
        int rows = command.getText().lines().mapToInt(line -> Math.max(1, (int) Math.ceil(line.length() / columns))).sum();
        command.setPrefRowCount(Math.max(1, rows));
    }

    private void show(int i) {
        if (i < 0 || i >= tour.steps().size()) return;
        index = i;
        TourSpec.Step step = tour.steps().get(i);
        steps.getSelectionModel().select(i);
        stepTitle.setText("Step " + (i + 1) + " of " + tour.steps().size() + " · " + step.title());
        narration.getChildren().setAll(Markdown.paragraphs(step.say(), "tour-say"));
        String typed = runner.commandFor(i);
        command.setText(typed.isBlank() ? "(nothing to type: this step only shows)" : typed);
        fitCommandRows();
        doIt.setDisable(step.action() == null || isBusy());
        check.setDisable(step.check() == null || isBusy());
        back.setDisable(i == 0);
        next.setDisable(i == tour.steps().size() - 1);
        result.getChildren().clear();
        // what the last step's check said is not this step's; what is still being done stays
        if (!isBusy()) status.setText("");
        notes.getChildren().setAll(step.notes() == null ? List.of() : Markdown.paragraphs("**Notes:** " + step.notes(), "tour-notes"));
        showBanner(i, null);
        String show = step.show() == null ? "" : step.show();
        context.spotlight().accept("lab:" + tour.lab().name() + (show.isBlank() ? "" : " " + show));
    }

    /** The projector's banner: the step's number, title and narration, and the check's verdict when there is one. */
    private void showBanner(int i, Label verdict) {
        speaker.show(i, tour.steps().size(), tour.steps().get(i), verdict);
    }

    private boolean isBusy() {
        return running != null && !running.isDone();
    }

    /** Runs {@code work} on the tour's thread with the buttons off; {@code done} on the FX thread after. */
    private void busy(String saying, Work work) {
        if (isBusy()) return;
        status.setText(saying);
        setButtonsDisabled(true);
        running = worker.submit(() -> {
            Runnable after;
            try {
                after = work.run();
            } catch (InterruptedException | java.util.concurrent.CancellationException e) {
                return;
            } catch (RuntimeException e) {
                String why = dev.portolan.engine.EngineErrors.firstLine(String.valueOf(e.getMessage()));
                after = () -> failed(why);
            }
            Runnable finish = after;
            Platform.runLater(() -> {
                finish.run();
                setButtonsDisabled(false);
                refreshButtons();
            });
        });
    }

    @FunctionalInterface
    private interface Work {
        /** Does the work off the FX thread; returns what to show on it. */
        Runnable run() throws InterruptedException;
    }

    private void setButtonsDisabled(boolean disabled) {
        for (Button b : List.of(doIt, check, reset)) b.setDisable(disabled);
    }

    /** Updates the buttons and marks for the step at hand, keeping what it said. */
    private void refreshButtons() {
        TourSpec.Step step = tour.steps().get(index);
        doIt.setDisable(step.action() == null);
        check.setDisable(step.check() == null);
        steps.refresh();
    }

    private void startLab() {
        busy("Starting the lab " + tour.lab().name() + "…", () -> {
            Duration took = runner.startLab(progress());
            return () -> status.setText(String.format("The lab %s is ready (%.1f s). Press Do it (space) on each step.",
                    tour.lab().name(), took.toMillis() / 1000.0));
        });
    }

    private void doStep() {
        int at = index;
        busy("Doing step " + (at + 1) + "…", () -> {
            TourRunner.Outcome done = runner.doStep(at, progress());
            marks[at] = Mark.DONE;
            TourRunner.Result checked = runner.check(at, () -> Thread.currentThread().isInterrupted());
            return () -> {
                done.layers().ifPresent(image -> context.openLayers().accept(image.host(), image.name()));
                showResult(at, done.text() + String.format(" (%.1f s)", done.took().toMillis() / 1000.0), checked);
            };
        });
    }

    private void checkStep() {
        int at = index;
        busy("Checking step " + (at + 1) + "…", () -> {
            TourRunner.Result checked = runner.check(at, () -> Thread.currentThread().isInterrupted());
            return () -> showResult(at, null, checked);
        });
    }

    private void resetStep() {
        int at = index;
        busy("Going back to before step " + (at + 1) + "…", () -> {
            runner.reset(at, progress());
            for (int i = at; i < marks.length; i++) marks[i] = Mark.NONE;
            return () -> {
                result.getChildren().clear();
                status.setText("Back to before step " + (at + 1) + ": the lab is as its file says.");
            };
        });
    }

    private void showResult(int at, String did, TourRunner.Result checked) {
        marks[at] = checked.lines().isEmpty() ? Mark.DONE : checked.passed() ? Mark.PASSED : Mark.FAILED;
        if (at != index) return;
        result.getChildren().clear();
        if (did != null) result.getChildren().add(line(did, "tour-did"));
        for (TourRunner.Line l : checked.lines()) {
            result.getChildren().add(line((l.passed() ? "✓ " : "✗ ") + l.what() + (l.passed() ? "" : " — " + l.found()),
                    l.passed() ? "tour-passed" : "tour-failed"));
        }
        if (!checked.passed()) result.getChildren().add(line("Hint: " + checked.hint(), "tour-hint"));
        status.setText(checked.lines().isEmpty() ? "Done." : checked.passed()
                ? String.format("Step %d passed (checked in %.1f s).", at + 1, checked.took().toMillis() / 1000.0)
                : "Step " + (at + 1) + " did not pass yet: try the hint, then Check again.");
        showBanner(at, checked.lines().isEmpty() ? null : line(checked.passed() ? "✓ " + checked.lines().getFirst().what()
                : "✗ " + checked.failure(), checked.passed() ? "tour-passed" : "tour-failed"));
    }

    private static Label line(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private void failed(String why) {
        result.getChildren().setAll(line("✗ " + why, "tour-failed"));
        status.setText("The step did not complete. Reset (R) goes back to before it.");
    }

    private Progress progress() {
        return new Progress() {
            @Override
            public void step(String text) {
                Platform.runLater(() -> status.setText(text));
            }

            @Override
            public boolean isCancelled() {
                return Thread.currentThread().isInterrupted();
            }
        };
    }

    // ---- presenter mode

    private void startPresenting() {
        present.setSelected(true);
        speaker.started();
        stage.getScene().getRoot().getStyleClass().add("speaker");
        context.presenter().present(speaker.banner(), keys(), this::stoppedPresenting);
    }

    private void stoppedPresenting() {
        present.setSelected(false);
        speaker.stopped();
        stage.getScene().getRoot().getStyleClass().remove("speaker");
    }

    private void close() {
        if (present.isSelected()) context.presenter().stopPresenting();
        speaker.stopped();
        if (running != null) running.cancel(true);
        worker.shutdownNow();
        // the tour's own connections close once its thread has let go of them
        Thread.ofVirtual().start(() -> {
            try {
                worker.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            hosts.close();
        });
        context.spotlight().accept(null);
    }
}
