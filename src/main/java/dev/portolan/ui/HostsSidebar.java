package dev.portolan.ui;

import dev.portolan.inventory.HostStatus;
import dev.portolan.ui.hosts.HostsMenus;
import dev.portolan.ui.model.HostModel;
import java.time.Instant;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/** The list of hosts on the left: a state dot, the name, and what it is doing. */
final class HostsSidebar {

    private final ListView<HostModel> list;
    private final VBox root;

    HostsSidebar(ObservableList<HostModel> hosts, HostsMenus menus) {
        list = new ListView<>(hosts);
        list.setId("hosts");
        list.setCellFactory(view -> {
            HostCell cell = new HostCell(view);
            // filled when asked: a menu with no items never shows
            cell.setOnContextMenuRequested(e -> {
                if (cell.getItem() == null) return;
                menus.menu(cell.getItem()).show(cell, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            return cell;
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label title = new Label("Hosts");
        title.getStyleClass().add("sidebar-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, menus.addHostButton());
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 6, 6, 0));
        root = new VBox(header, list);
        root.getStyleClass().add("sidebar");
        root.setPrefWidth(230);
    }

    Region root() {
        return root;
    }

    ListView<HostModel> list() {
        return list;
    }

    /** Refreshes the "retrying in N s" text of every row. */
    void tick() {
        list.refresh();
    }

    private static final class HostCell extends ListCell<HostModel> {
        private final Circle dot = new Circle(5);
        private final Label name = new Label();
        private final Label detail = new Label();
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        private final HBox box;

        HostCell(ListView<HostModel> list) {
            name.getStyleClass().add("host-name");
            detail.getStyleClass().add("host-detail");
            detail.setTooltip(whole);
            VBox text = new VBox(2, name, detail);
            // a row as wide as the list: a long state ("Creating and starting the container", a lost
            // host's reason) ends in "…", whole in the tooltip, instead of a sideways scroll bar
            name.setMinWidth(0);
            detail.setMinWidth(0);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            WrappingCell.asWideAsItsList(this, list);
            box = new HBox(8, dot, text);
            box.setPadding(new Insets(4, 2, 4, 2));
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(HostModel host, boolean empty) {
            super.updateItem(host, empty);
            if (empty || host == null) {
                setGraphic(null);
                return;
            }
            HostStatus status = host.status();
            dot.getStyleClass().setAll("state-dot", switch (status) {
                case HostStatus.Live l -> "live";
                case HostStatus.Lost l -> "lost";
                case HostStatus.Failed f -> "lost";
                case HostStatus.Offline o -> "offline";
                default -> "connecting";
            });
            name.setText(host.name());
            String facts = host.inventory() != null && status instanceof HostStatus.Live
                    ? host.provider() + " · " + StatusText.plural(host.inventory().containers().size(), "container")
                    : StatusText.status(status, Instant.now());
            detail.setText(facts);
            whole.setText(facts);
            setGraphic(box);
        }
    }
}
