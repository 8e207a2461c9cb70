package dev.portolan.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before work that cannot be undone: a question, what it does, and a button named for the act beside Cancel. */
public final class Confirmation {

    private Confirmation() {}

    /**
     * @param act        the button's words ("Replace", "Remove")
     * @param id         the button's id (tests and tours press it by that)
     * @param destructive whether what goes is gone for good: the button is drawn as a danger
     * @return whether the user chose {@code act}
     */
    public static boolean ask(Window owner, String question, String what, String act, String id, boolean destructive) {
        ButtonType confirm = new ButtonType(act, ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, what, confirm, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setHeaderText(question);
        ask.getDialogPane().lookupButton(confirm).setId(id);
        if (destructive) ask.getDialogPane().lookupButton(confirm).getStyleClass().add("danger");
        return ask.showAndWait().filter(b -> b == confirm).isPresent();
    }
}
