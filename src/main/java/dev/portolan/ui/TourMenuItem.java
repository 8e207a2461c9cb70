package dev.portolan.ui;

import dev.portolan.tour.ShippedTours;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * A shipped tour in the Tours menu: its title, and how many steps it has beside it, so a
 * presenter can tell a 3-step warm-up from an 8-step lesson; hovering says what it shows and
 * for whom.
 */
final class TourMenuItem {

    private TourMenuItem() {}

    static CustomMenuItem of(ShippedTours.About about) {
        Label title = new Label(about.title());
        Label steps = new Label(StatusText.plural(about.steps(), "step"));
        steps.getStyleClass().add("muted");
        // beside the title, muted, as a list of recent files shows each one's folder
        HBox row = new HBox(16, title, steps);
        row.setMinWidth(Region.USE_PREF_SIZE);
        String said = about.summary() + (about.audience().isEmpty() ? "" : "\nFor: " + about.audience());
        if (!said.isBlank()) {
            Tooltip tip = new Tooltip(said.strip());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(Duration.millis(300));
            Tooltip.install(row, tip);
        }
        CustomMenuItem item = new CustomMenuItem(row, true);
        item.setText(about.title()); // what tests and accessibility read
        return item;
    }
}
