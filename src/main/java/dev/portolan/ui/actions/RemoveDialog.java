package dev.portolan.ui.actions;

import dev.portolan.inventory.ContainerInfo;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Remove web?" with a box for its anonymous volumes, unticked: a container's data is
 * never removed unless the user says so. Named volumes are kept either way.
 */
final class RemoveDialog {

    private RemoveDialog() {}

    /** Empty when cancelled; else whether to remove anonymous volumes too. */
    static Optional<Boolean> ask(Window owner, List<ContainerInfo> containers) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        String names = ContainerActions.names(containers);
        dialog.setTitle("Remove " + names);
        dialog.setHeaderText("Remove " + names + "?");
        boolean running = containers.stream().anyMatch(ContainerInfo::isRunning);
        Label what = new Label((running ? "Running containers are stopped first. " : "")
                + "Named volumes are kept; remove them from the Volumes tab.");
        what.setWrapText(true);
        CheckBox volumes = new CheckBox("Also remove anonymous volumes");
        volumes.setId("remove-volumes");
        dialog.getDialogPane().setContent(new VBox(10, what, volumes));
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(remove, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(remove).setId("confirm-remove");
        dialog.getDialogPane().lookupButton(remove).getStyleClass().add("danger");
        dialog.setResultConverter(button -> button == remove ? volumes.isSelected() : null);
        return dialog.showAndWait();
    }
}
