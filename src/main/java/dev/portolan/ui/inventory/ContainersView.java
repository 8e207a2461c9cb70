package dev.portolan.ui.inventory;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.actions.ContainerActions.Action;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.function.Supplier;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.input.KeyCode;

/** The containers of a host, with the container actions over the selected rows. */
public final class ContainersView {

    private final ResourceTable<ContainerInfo> table;

    public ContainersView(HostModel host, Supplier<HostSession> session, ObjectProperty<Object> selection,
            ContainerActions actions) {
        table = new ResourceTable<>("containers", host.containers(), ContainerInfo::id, ContainersView::searchText, selection);
        TableColumn<ContainerInfo, ContainerInfo> state = table.column("State", c -> c, 150);
        state.setCellFactory(column -> new StateCell());
        state.setComparator(java.util.Comparator.comparing(c -> c.state().ordinal()));
        table.column("Name", ContainerInfo::name, 170);
        table.column("Image", ContainerInfo::image, 180);
        table.column("Ports", c -> c.ports().stream().map(ContainerInfo.PortMapping::text)
                .collect(Collectors.joining(", ")), 150);
        table.column("Networks", c -> c.networks().stream().map(n -> n.network()
                + (n.ipAddress() == null ? "" : " " + n.ipAddress())).collect(Collectors.joining(", ")), 170);
        table.column("Restarts", ContainerInfo::restartCount, 70);
        table.timeColumn("Created", ContainerInfo::created, 110);
        table.table().getSortOrder().add(table.table().getColumns().get(1));
        table.setEmptyText("No containers on this host yet. Press Run… to start one, or start one from a terminal:"
                + " it appears here as soon as the engine reports it.");

        Button run = new Button("Run…");
        run.setId("run-container");
        run.setOnAction(e -> actions.run(session.get(), window()));
        table.addTools(run);
        var selectedItems = table.table().getSelectionModel().getSelectedItems();
        MenuButton more = new MenuButton("More");
        more.setId("container-more");
        for (Action action : Action.values()) {
            var applies = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> selected().stream().noneMatch(c -> action.appliesTo(c.state())), selectedItems, host.containers());
            Runnable apply = () -> actions.apply(session.get(), action,
                    selected().stream().filter(c -> action.appliesTo(c.state())).toList());
            String id = "container-" + action.name().toLowerCase(java.util.Locale.ROOT);
            if (action == Action.START || action == Action.STOP || action == Action.RESTART) {
                Button button = new Button(action.label);
                button.setId(id);
                button.setOnAction(e -> apply.run());
                button.disableProperty().bind(applies);
                table.addTools(button);
            } else {
                MenuItem item = new MenuItem(action.label);
                item.setId(id);
                item.setOnAction(e -> apply.run());
                item.disableProperty().bind(applies);
                more.getItems().add(item);
            }
        }
        MenuItem exec = new MenuItem("Exec…");
        exec.setOnAction(e -> selected().stream().findFirst().ifPresent(c -> actions.exec(session.get(), c, window())));
        exec.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected().size() != 1 || !selected().getFirst().isRunning(), selectedItems, host.containers()));
        more.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), exec);
        Button logs = new Button("Logs");
        logs.setId("container-logs");
        logs.setOnAction(e -> selected().stream().findFirst().ifPresent(c -> actions.logs(session.get(), c)));
        Button remove = new Button("Remove…");
        remove.setId("container-remove");
        remove.setOnAction(e -> actions.remove(session.get(), selected(), window()));
        for (Button b : List.of(logs, remove)) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(selectedItems));
        }
        table.addTools(logs, remove, more);
        table.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) actions.remove(session.get(), selected(), window());
            if (e.getCode() == KeyCode.ENTER) selected().stream().findFirst().ifPresent(c -> actions.logs(session.get(), c));
        });
        table.table().setRowFactory(view -> {
            var row = new javafx.scene.control.TableRow<ContainerInfo>();
            row.setOnContextMenuRequested(e -> {
                if (row.getItem() == null) return;
                actions.menu(session.get(), selected(), window()).show(row, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            return row;
        });
    }

    public Node root() {
        return table.root();
    }

    private List<ContainerInfo> selected() {
        return List.copyOf(table.table().getSelectionModel().getSelectedItems());
    }

    private javafx.stage.Window window() {
        return table.table().getScene() == null ? null : table.table().getScene().getWindow();
    }

    static String searchText(ContainerInfo c) {
        return c.name() + " " + c.image() + " " + c.state().word() + " " + c.shortId() + " "
                + c.labels().values() + " " + c.networks().stream().map(ContainerInfo.NetworkAttachment::network).toList();
    }
}
