package dev.portolan.ui;

import javafx.scene.control.Button;

/** A button with its id (tests and tours find it by that) that does one thing. */
public final class Buttons {

    private Buttons() {}

    public static Button of(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
