package dev.portolan.ui.hosts;

import dev.portolan.host.machine.DockerMachine;
import dev.portolan.ui.forms.Form;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** docker-machine create: name, driver (VirtualBox by default) and the driver's flags. */
final class MachineCreateDialog {

    /** What the user chose; simulatedInstead when they took the offer of a simulated host. */
    record Request(String name, String driver, List<String> flags, boolean simulatedInstead) {

        /** What is wrong with a name and a driver as typed (no I/O). */
        static List<String> problems(String name, String driver) {
            List<String> found = new java.util.ArrayList<>();
            if (!name.strip().matches("[a-zA-Z0-9][a-zA-Z0-9.-]*")) found.add("Name: use letters, digits, '.' and '-', such as dev.");
            if (driver.isBlank()) found.add("Driver: choose one, such as virtualbox.");
            return found;
        }

        /** A word on the driver that does not stop the create: VirtualBox chosen but not installed. */
        static String warning(String driver, boolean virtualBoxInstalled) {
            return driver.strip().equals("virtualbox") && !virtualBoxInstalled
                    ? "VirtualBox is not installed (no VBoxManage on the PATH). Install it, choose another driver, or make"
                            + " a simulated host instead." : "";
        }
    }

    private MachineCreateDialog() {}

    /** docker-machine is missing: say so, and offer a simulated host. True when the user takes it. */
    static boolean offerSimulated(Window owner) {
        ButtonType simulated = new ButtonType("New simulated host…", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "docker-machine is not installed (it is not on the PATH). "
                + "A simulated host needs only the Docker you have: it is a Docker-in-Docker container that starts "
                + "in about a second.", simulated, ButtonType.CANCEL);
        if (owner != null) alert.initOwner(owner);
        alert.setHeaderText("docker-machine is not installed");
        alert.getDialogPane().setId("machine-missing");
        return alert.showAndWait().filter(b -> b == simulated).isPresent();
    }

    static Optional<Request> ask(Window owner) {
        TextField name = new TextField("dev");
        name.setId("machine-name");
        ComboBox<String> driver = new ComboBox<>();
        driver.setEditable(true);
        driver.getItems().setAll("virtualbox", "hyperv", "vmwarefusion", "generic", "amazonec2", "digitalocean");
        driver.setValue("virtualbox");
        driver.setId("machine-driver");
        TextField flags = new TextField();
        flags.setPromptText("--virtualbox-memory 2048 --virtualbox-cpu-count 2");
        flags.setId("machine-flags");
        Label warning = new Label();
        warning.setId("machine-warning");
        warning.setWrapText(true);
        warning.setMaxWidth(440);
        warning.getStyleClass().add("muted");
        Label problems = Form.problemsLabel("machine-problems", 440);
        GridPane form = Form.grid(10, 8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Driver"), driver);
        form.addRow(2, new Label("Driver flags"), flags);
        form.add(warning, 0, 3, 2, 1);
        form.add(problems, 0, 4, 2, 1);

        Dialog<Request> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("docker-machine create");
        dialog.setHeaderText("Create a docker-machine host"); // with a header the theme pads the form on all sides
        dialog.getDialogPane().setContent(form);
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        ButtonType simulated = new ButtonType("Simulated host instead…", ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(create, simulated, ButtonType.CANCEL);
        var createButton = dialog.getDialogPane().lookupButton(create);
        createButton.setId("machine-create");
        // the PATH is looked at once, not on every key
        boolean virtualBox = DockerMachine.hasVirtualBox(System.getenv("PATH"));
        driver.getEditor().textProperty().addListener((obs, old, now) -> warning.setText(Request.warning(now, virtualBox)));
        warning.setText(Request.warning(driver.getValue(), virtualBox));
        Form.check(problems, createButton, () -> Request.problems(name.getText(), driver.getEditor().getText()),
                name.textProperty(), driver.getEditor().textProperty());
        dialog.setResultConverter(button -> {
            if (button == simulated) return new Request("", "", List.of(), true);
            if (button != create) return null;
            List<String> words = Arrays.stream(flags.getText().strip().split("\\s+")).filter(w -> !w.isBlank()).toList();
            return new Request(name.getText().strip(), driver.getEditor().getText().strip(), words, false);
        });
        return dialog.showAndWait();
    }
}
