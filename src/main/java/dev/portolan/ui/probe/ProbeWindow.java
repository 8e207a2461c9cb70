package dev.portolan.ui.probe;

import dev.portolan.operations.Probe;
import dev.portolan.ui.actions.ActionRunner;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "Can it reach…?" for one container: the other end (a container, with :PORT or not, or
 * ADDRESS:PORT), then the probe's checks in order, each green or red with what it found and,
 * when red, its fix. Probe again after a change with one click.
 */
public final class ProbeWindow {

    private ProbeWindow() {}

    /**
     * @param from    the container to probe from, as HOST/NAME
     * @param targets what the other end can be: containers as HOST/NAME
     * @param probe   makes a probe over the hosts' connections of the moment (FX thread)
     * @param hosts   the hosts' operations, for the one-click fix (FX thread)
     */
    public static Stage show(Window owner, String from, List<String> targets, Supplier<Probe> probe,
            Supplier<dev.portolan.operations.HostsByName> hosts, ActionRunner runner) {
        return show(owner, from, null, targets, probe, hosts, runner, result -> { });
    }

    /** As above, probing {@code target} at once (a pair chosen in the who-can-talk-to-whom view). */
    public static Stage show(Window owner, String from, String target, List<String> targets, Supplier<Probe> probe,
            Supplier<dev.portolan.operations.HostsByName> hosts, ActionRunner runner) {
        return show(owner, from, target, targets, probe, hosts, runner, result -> { });
    }

    /** As above; {@code drawn} is told each result (to draw its path on the diagram), and null when the window closes. */
    public static Stage show(Window owner, String from, String target, List<String> targets, Supplier<Probe> probe,
            Supplier<dev.portolan.operations.HostsByName> hosts, ActionRunner runner, java.util.function.Consumer<Probe.Result> drawn) {
        ComboBox<String> to = new ComboBox<>();
        to.setId("probe-to");
        to.setEditable(true);
        to.setPromptText("a container (web, demo/node2/db), with :PORT or not, or 10.0.0.5:80");
        to.getItems().setAll(targets.stream().filter(t -> !t.equals(from)).toList());
        to.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(to, Priority.ALWAYS);
        Button run = new Button("Probe");
        run.setId("probe-run");
        run.setDefaultButton(true);
        ListView<Probe.Check> checks = new ListView<>();
        checks.setId("probe-checks");
        checks.setPlaceholder(new Label("Choose the other end and press Probe: the checks a person would make, in order."));
        // a check's finding and fix are sentences: read whole, on as many lines as they take
        checks.setCellFactory(dev.portolan.ui.WrappingCell.of(check -> (check.passed() ? "✓ " : "✗ ") + check.what() + ": "
                + check.found() + (check.passed() ? "" : "\n    " + check.fix()),
                check -> check.passed() ? "probe-passed" : "probe-failed"));
        Label verdict = new Label();
        verdict.setId("probe-verdict");
        verdict.setWrapText(true);
        // the checks' list grows into the window; the verdict keeps all its lines
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // the one-click fix where it is safe (connect to a network), and its undo
        Button remedy = new Button();
        remedy.setId("probe-remedy");
        remedy.setVisible(false);
        Button undo = new Button();
        undo.setId("probe-undo");
        undo.setVisible(false);
        checks.getItems().addListener((javafx.collections.ListChangeListener<Probe.Check>) c -> {
            var fix = checks.getItems().stream().map(Probe.Check::remedy).filter(java.util.Objects::nonNull).findFirst();
            remedy.setVisible(fix.isPresent());
            fix.ifPresent(f -> {
                remedy.setText(f.describe());
                var byName = hosts.get(); // read on the FX thread, used off it
                remedy.setOnAction(e -> runner.run(f.describe() + "…", f.describe().replace("Connect ", "Connected "),
                        f.describe(), () -> {
                            byName.operations(f.host()).connect(f.container(), f.network());
                            return f;
                        }, done -> {
                            undo.setText("Undo: disconnect " + f.container() + " from " + f.network());
                            undo.setVisible(true);
                            undo.setOnAction(u -> runner.run("Disconnecting…", "Disconnected " + f.container() + " from "
                                    + f.network(), "Undo", () -> {
                                        byName.operations(f.host()).disconnect(f.container(), f.network());
                                        return f;
                                    }, gone -> undo.setVisible(false)));
                            run.fire(); // probe again: does it reach now?
                        }));
            });
        });
        run.setOnAction(e -> {
            String other = to.getEditor().getText().strip();
            if (other.isEmpty()) {
                verdict.setText("Choose the other end first.");
                return;
            }
            Probe now = probe.get();
            run.setDisable(true);
            verdict.setText("Probing " + other + "…");
            runner.run("Probing from " + from + " to " + other + "…", null, "Probe " + from + " → " + other,
                    () -> now.probe(from, other), result -> {
                        run.setDisable(false);
                        checks.getItems().setAll(result.checks());
                        drawn.accept(result);
                        verdict.setText(result.from() + (result.reaches() ? " reaches " : " does not reach ") + result.to() + ".");
                    }, failed -> {
                        run.setDisable(false);
                        checks.getItems().clear();
                        drawn.accept(null);
                        verdict.setText(failed);
                    });
        });
        HBox top = new HBox(8, new Label("From " + from + " to"), to, run);
        VBox.setVgrow(checks, Priority.ALWAYS);
        VBox body = new VBox(10, top, checks, verdict, new HBox(8, remedy, undo));
        body.setPadding(new Insets(12));
        BorderPane root = new BorderPane(body);
        root.getStyleClass().add("probe-window");
        Stage stage = dev.portolan.ui.Windows.stage(owner, "Can " + from + " reach…?", root, 720, 360);
        stage.setOnHidden(e -> drawn.accept(null));
        stage.show();
        if (target != null) {
            to.getEditor().setText(target);
            run.fire();
        }
        return stage;
    }
}
