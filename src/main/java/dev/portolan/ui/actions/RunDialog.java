package dev.portolan.ui.actions;

import dev.portolan.operations.HostOperations;
import dev.portolan.ui.forms.Form;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.RunSpec;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.ui.model.HostModel;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** "Run a container": image, name, command, environment, ports, volumes, network, restart policy. */
final class RunDialog {

    private RunDialog() {}

    static void open(Window owner, HostModel host, HostOperations operations, ActionRunner runner) {
        ComboBox<String> image = new ComboBox<>();
        image.setEditable(true);
        image.getItems().setAll(host.images().stream().flatMap(i -> i.tags().stream()).sorted().toList());
        // a small image that runs anything is the likeliest choice; else the first there is
        image.setValue(image.getItems().stream().filter(t -> t.contains("busybox")).findFirst()
                .orElse(image.getItems().stream().findFirst().orElse("")));
        image.setId("run-image");
        TextField name = field("run-name", "web (optional)");
        TextField command = field("run-command", "httpd -f -p 80 -h /var/www (optional)");
        TextArea env = new TextArea();
        env.setPromptText("KEY=value, one per line");
        env.setPrefRowCount(3);
        env.setId("run-env");
        TextField ports = field("run-ports", "8080:80 127.0.0.1:5432:5432");
        TextField volumes = field("run-volumes", "data:/var/lib/data /host/dir:/dir:ro");
        ComboBox<String> network = new ComboBox<>();
        network.getItems().setAll(host.networks().stream().map(NetworkInfo::name).sorted().toList());
        network.setValue("bridge");
        network.setId("run-network");
        ComboBox<String> restart = new ComboBox<>();
        restart.getItems().setAll("no", "always", "unless-stopped", "on-failure");
        restart.setValue("no");
        Label problems = Form.problemsLabel("run-problems", Double.MAX_VALUE);

        GridPane form = Form.grid(10, 8);
        String[] labels = {"Image", "Name", "Command", "Environment", "Ports", "Volumes", "Network", "Restart"};
        javafx.scene.Node[] inputs = {image, name, command, env, ports, volumes, network, restart};
        for (int i = 0; i < labels.length; i++) form.addRow(i, new Label(labels[i]), inputs[i]);
        form.add(problems, 0, labels.length, 2, 1);

        Dialog<RunSpec> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Run a container on " + host.name());
        dialog.setHeaderText(dialog.getTitle()); // with a header the theme pads the form on all sides
        dialog.getDialogPane().setContent(form);
        ButtonType run = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(run, ButtonType.CANCEL);
        var runButton = dialog.getDialogPane().lookupButton(run);
        runButton.setId("run-confirm");

        Form.check(problems, runButton, () -> {
            try {
                RunSpec.splitCommand(command.getText());
                return RunSpec.problems(image.getEditor().getText(), name.getText(), lines(env.getText()),
                        words(ports.getText()), words(volumes.getText()), restart.getValue());
            } catch (InvalidInputException e) {
                return List.of(e.getMessage());
            }
        }, image.getEditor().textProperty(), name.textProperty(), command.textProperty(), env.textProperty(),
                ports.textProperty(), volumes.textProperty(), restart.valueProperty());
        dialog.setResultConverter(button -> button != run ? null : new RunSpec(image.getEditor().getText().trim(),
                name.getText().trim(), RunSpec.splitCommand(command.getText()), lines(env.getText()),
                words(ports.getText()), words(volumes.getText()), network.getValue(), restart.getValue()));
        dialog.showAndWait().ifPresent(spec -> runner.run("Starting " + label(spec) + "…",
                "Started " + label(spec), "Run " + label(spec), () -> operations.run(spec),
                null));
    }

    private static String label(RunSpec spec) {
        return spec.name().isBlank() ? "a container of " + spec.image() : spec.name();
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(w -> !w.isBlank()).toList();
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

}
