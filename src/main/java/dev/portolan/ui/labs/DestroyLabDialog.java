package dev.portolan.ui.labs;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks before a lab is destroyed: what goes (its hosts, and their data when {@code withData})
 * and whether its volumes are backed up first, ticked when the data goes too. The button says
 * what it does, drawn as a danger when the data goes.
 */
final class DestroyLabDialog {

    /** What the user chose: destroy, after backing up the volumes or not. */
    record Answer(boolean backUpFirst) {}

    private DestroyLabDialog() {}

    static Optional<Answer> ask(Window owner, String lab, boolean withData, Path backups) {
        Label text = new Label("Its hosts and everything running on them go. " + (withData
                ? "Their data volumes go too: images, containers and volumes inside the hosts are lost."
                : "Their data volumes are kept: apply again and the hosts find their data."));
        text.setWrapText(true);
        CheckBox backUp = new CheckBox("First back up the lab's volumes to " + backups);
        backUp.setId("lab-backup-first");
        backUp.setSelected(withData);
        ButtonType act = new ButtonType("Destroy", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", act, ButtonType.CANCEL);
        confirm.getDialogPane().setContent(new VBox(10, text, backUp));
        confirm.getDialogPane().lookupButton(act).setId("confirm-destroy-lab");
        if (withData) confirm.getDialogPane().lookupButton(act).getStyleClass().add("danger");
        confirm.initOwner(owner);
        confirm.setHeaderText("Destroy the lab " + lab + "?");
        return confirm.showAndWait().filter(b -> b == act).map(b -> new Answer(backUp.isSelected()));
    }
}
