package dev.portolan.ui.hosts;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.ui.forms.Form;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.ui.model.HostModel;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** "New simulated host": lab, name, Docker-in-Docker image and port mappings, checked as you type. */
final class NewSimulatedHostDialog {

    private NewSimulatedHostDialog() {}

    /**
     * @param taken the hosts there are, as the sidebar names them ("demo/node1"): the name
     *              offered is the lab's first free nodeN, and a name taken is refused
     */
    static Optional<SimulatedHostSpec> ask(Window owner, HostModel local, java.util.Set<String> taken) {
        TextField lab = new TextField("demo");
        lab.setId("sim-lab");
        TextField name = new TextField(firstFree("demo", taken));
        name.setId("sim-name");
        // a name not typed by hand follows the lab: the next free one there
        lab.textProperty().addListener((obs, old, now) -> {
            if (name.getText().equals(firstFree(old.strip(), taken))) name.setText(firstFree(now.strip(), taken));
        });
        ComboBox<String> image = new ComboBox<>();
        image.setEditable(true);
        image.setId("sim-image");
        List<String> dind = local == null ? List.of() : local.images().stream().flatMap(i -> i.tags().stream())
                .filter(t -> t.contains("dind")).sorted().toList();
        image.getItems().setAll(dind);
        image.setValue(dev.portolan.app.Settings.current().hostImage());
        TextField ports = new TextField();
        ports.setId("sim-ports");
        ports.setPromptText("8080:80, 8443:443 (optional)");
        Label problems = Form.problemsLabel("sim-problems", 460);
        // what the prompt cannot hold (it was cut at "… → the host's"): what a port mapping means
        Label hint = new Label("A simulated host is a Docker-in-Docker container on your local engine. Its API listens on "
                + "127.0.0.1 with mutual TLS, and `docker --context portolan-LAB-NAME` reaches it from a terminal. "
                + "Ports: 8080:80 makes this computer's 127.0.0.1:8080 the host's port 80.");
        hint.setWrapText(true);
        hint.setMaxWidth(460);
        hint.getStyleClass().add("muted");

        GridPane form = Form.grid(10, 8);
        form.addRow(0, new Label("Lab"), lab);
        form.addRow(1, new Label("Name"), name);
        form.addRow(2, new Label("Image"), image);
        form.addRow(3, new Label("Ports"), ports);
        form.add(hint, 0, 4, 2, 1);
        form.add(problems, 0, 5, 2, 1);

        Dialog<SimulatedHostSpec> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("New simulated host");
        dialog.setHeaderText(dialog.getTitle()); // with a header the theme pads the form on all sides
        dialog.getDialogPane().setContent(form);
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        var createButton = dialog.getDialogPane().lookupButton(create);
        createButton.setId("sim-create");
        Form.check(problems, createButton, () -> {
            try {
                SimulatedHostSpec spec = spec(lab, name, image, ports);
                if (taken.contains(spec.lab() + "/" + spec.name())) {
                    return List.of(spec.lab() + "/" + spec.name() + " exists already: choose another name, or another lab.");
                }
                return List.of();
            } catch (InvalidInputException e) {
                return List.of(e.getMessage());
            }
        }, lab.textProperty(), name.textProperty(), image.getEditor().textProperty(), ports.textProperty());
        dialog.setResultConverter(button -> button == create ? spec(lab, name, image, ports) : null);
        return dialog.showAndWait();
    }

    /** node1, node2, …: the first not taken in {@code lab}. */
    static String firstFree(String lab, java.util.Set<String> taken) {
        int n = 1;
        while (taken.contains(lab + "/node" + n)) n++;
        return "node" + n;
    }

    private static SimulatedHostSpec spec(TextField lab, TextField name, ComboBox<String> image, TextField ports) {
        return new SimulatedHostSpec(lab.getText().strip(), name.getText().strip(), image.getEditor().getText().strip(),
                SimulatedHostSpec.parsePorts(ports.getText()));
    }

}
