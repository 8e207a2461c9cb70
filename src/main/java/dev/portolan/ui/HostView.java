package dev.portolan.ui;

import dev.portolan.ui.inventory.ContainersView;
import dev.portolan.ui.inventory.ImagesView;
import dev.portolan.ui.inventory.NetworksView;
import dev.portolan.ui.inventory.VolumesView;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.images.ImageActions;
import dev.portolan.inventory.HostStatus;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * One host's workspace: Overview, Containers, Images, Volumes and Networks tabs, with
 * the connecting / lost states over them.
 */
final class HostView {

    private final HostModel host;
    private final HostStatePane state;
    private final TabPane tabs;
    private final StackPane root;

    HostView(HostModel host, Supplier<HostSession> session, ObjectProperty<Object> selection, ContainerActions actions,
            dev.portolan.ui.actions.VolumeActions volumes, ImageActions images, dev.portolan.ui.hosts.HostsController hosts) {
        this.host = host;
        state = new HostStatePane(host, () -> {
            HostSession current = session.get();
            if (current != null) current.retryNow();
        }, () -> hosts.canStart(host), () -> hosts.startSimulated(host));
        tabs = new TabPane(
                tab("Overview", new OverviewPane(host).root()),
                tab("Containers", new ContainersView(host, session, selection, actions).root()),
                tab("Images", new ImagesView(host, selection, images).root()),
                tab("Volumes", new VolumesView(host, session, selection, volumes).root()),
                tab("Networks", new NetworksView(host, selection).root()));
        tabs.setId("host-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane withBanner = new BorderPane(tabs);
        withBanner.setTop(state.banner());
        root = new StackPane(withBanner, state.emptyState());
        host.statusProperty().addListener((obs, old, now) -> refresh());
        host.inventoryProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    Node root() {
        return root;
    }

    void select(String tabName) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(tabName)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Called on every change of status, and once a second for the countdowns. */
    void refresh() {
        state.refresh();
        boolean nothingYet = host.inventory() == null || host.status() instanceof HostStatus.Offline
                || host.status() instanceof HostStatus.Creating || host.status() instanceof HostStatus.Failed;
        state.emptyState().setVisible(nothingYet);
        tabs.setVisible(!nothingYet);
    }

    private static Tab tab(String name, Node content) {
        Tab tab = new Tab(name, content);
        tab.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }
}
