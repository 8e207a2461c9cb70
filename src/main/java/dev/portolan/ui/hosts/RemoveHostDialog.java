package dev.portolan.ui.hosts;

import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Remove node1?" (or a whole lab) with the data kept unless the user unticks the box. */
final class RemoveHostDialog {

    private RemoveHostDialog() {}

    /** Empty when cancelled; else whether to keep the host's data volume. */
    static Optional<Boolean> ask(Window owner, String host) {
        return ask(owner, "Remove " + host, "Remove the simulated host " + host + "?", "Its container, docker context and "
                + "certificates go. Its images, containers and volumes live in a data volume: keep it, and a new host of "
                + "the same name and lab finds them again.", "Keep the host's data volume");
    }

    /** The same for every host of a lab at once. */
    static Optional<Boolean> askLab(Window owner, String lab, java.util.List<String> hosts) {
        return ask(owner, "Remove lab " + lab, "Remove the lab " + lab + ": " + String.join(", ", hosts) + "?",
                "Their containers, docker contexts and certificates go, and the lab's network. Each host's images, "
                        + "containers and volumes live in its data volume: keep them, and applying the lab again finds them.",
                "Keep the hosts' data volumes");
    }

    private static Optional<Boolean> ask(Window owner, String title, String header, String text, String keepText) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Label what = new Label(text);
        what.setWrapText(true);
        what.setMaxWidth(440);
        CheckBox keep = new CheckBox(keepText);
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
