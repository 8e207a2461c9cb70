package dev.portolan.ui.hosts;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Remove node1?" with its data kept unless the user unticks the box. */
final class RemoveHostDialog {

    private RemoveHostDialog() {}

    /** Empty when cancelled; else whether to keep the host's data volume. */
    static Optional<Boolean> ask(Window owner, String host) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Remove " + host);
        dialog.setHeaderText("Remove the simulated host " + host + "?");
        Label what = new Label("Its container, docker context and certificates go. Its images, containers and "
                + "volumes live in a data volume: keep it, and a new host of the same name and lab finds them again.");
        what.setWrapText(true);
        what.setMaxWidth(440);
        CheckBox keep = new CheckBox("Keep the host's data volume");
        keep.setSelected(true);
        keep.setId("keep-data");
        dialog.getDialogPane().setContent(new VBox(10, what, keep));
        ButtonType remove = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(remove, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(remove).setId("confirm-remove-host");
        dialog.setResultConverter(button -> button == remove ? keep.isSelected() : null);
        return dialog.showAndWait();
    }
}
