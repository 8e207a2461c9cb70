package dev.portolan.ui.actions;

import dev.portolan.operations.HostOperations;
import dev.portolan.engine.RunSpec;
import dev.portolan.inventory.ContainerInfo;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** Runs a command in a running container and shows what it printed and its exit code. */
final class ExecDialog {

    private ExecDialog() {}

    static void open(Window owner, ContainerInfo container, HostOperations ops, ActionRunner runner) {
        TextField command = new TextField("ls -la /");
        command.setId("exec-command");
        HBox.setHgrow(command, Priority.ALWAYS);
        Button run = new Button("Run");
        run.setId("exec-run");
        run.setDefaultButton(true);
        TextArea output = new TextArea();
        output.setId("exec-output");
        output.setEditable(false);
        output.getStyleClass().add("mono");
        Label result = new Label("Runs in " + container.name() + " as its default user.");
        result.setId("exec-result");
        run.setOnAction(e -> {
            List<String> words;
            try {
                words = RunSpec.splitCommand(command.getText());
            } catch (RuntimeException bad) {
                result.setText(bad.getMessage());
                return;
            }
            if (words.isEmpty()) {
                result.setText("Type a command, such as: ls -la /");
                return;
            }
            run.setDisable(true);
            result.setText("Running…");
            runner.run("Running " + words.getFirst() + " in " + container.name() + "…", null,
                    "Exec in " + container.name(), () -> ops.exec(container.id(), words, Duration.ofSeconds(30)),
                    done -> {
                        output.setText(done.output());
                        result.setText(done.timedOut() ? "Still running after 30 s; showing what it printed so far."
                                : "Exit code " + done.exitCode());
                    });
            runner.busyProperty().addListener((obs, was, busy) -> {
                if (!busy) run.setDisable(false);
            });
        });
        BorderPane root = new BorderPane(output);
        HBox top = new HBox(8, command, run);
        root.setTop(top);
        root.setBottom(result);
        root.setPadding(new Insets(10));
        BorderPane.setMargin(output, new Insets(8, 0, 8, 0));
        dev.portolan.ui.Windows.stage(owner, "Exec in " + container.name(), root, 760, 480).show();
    }
}
