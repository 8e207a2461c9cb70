package dev.portolan.ui.images;

import dev.portolan.operations.HostOperations;
import dev.portolan.ui.DialogService;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.model.HostModel;
import dev.portolan.ui.model.HostSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * What can be done with images, across hosts: see an image's layers, build one from a
 * folder, pull one, copy one to other hosts. Also answers which hosts hold an image or a
 * layer, from the live inventories (FX thread).
 */
public final class ImageActions {

    private final ActionRunner runner;
    private final DialogService dialogs;
    private final ObservableList<HostModel> hosts;
    private final Function<HostModel, Optional<HostSession>> sessions;
    private final ReadOnlyIntegerWrapper imagesChanged = new ReadOnlyIntegerWrapper();
    private final ImageHistories histories = new ImageHistories();

    public ImageActions(ActionRunner runner, ObservableList<HostModel> hosts,
            Function<HostModel, Optional<HostSession>> sessions, DialogService dialogs) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.hosts = hosts;
        this.sessions = sessions;
        hosts.forEach(this::watchImages);
        hosts.addListener((javafx.collections.ListChangeListener<HostModel>) change -> {
            while (change.next()) change.getAddedSubList().forEach(this::watchImages);
            imagesChanged.set(imagesChanged.get() + 1);
        });
    }

    /** Counts changes of any host's images: views that show "also on hosts" refresh on it. */
    public ReadOnlyIntegerProperty imagesChangedProperty() {
        return imagesChanged.getReadOnlyProperty();
    }

    private void watchImages(HostModel host) {
        host.inventoryProperty().addListener((obs, old, now) -> {
            // snapshots share the images map until an image changes
            if (old == null || now == null || old.images() != now.images()) imagesChanged.set(imagesChanged.get() + 1);
        });
    }

    /** Opens the layers of {@code image}; when its host is not connected, the status bar says so. */
    public void layers(HostModel host, ImageInfo image, Window owner) {
        layers(host, image, owner, -1);
    }

    /** Opens the layers of {@code image} with the step at {@code index} of its history selected (-1: the newest layer). */
    void layers(HostModel host, ImageInfo image, Window owner, int index) {
        try {
            LayersWindow.open(owner, host, image, operations(host), this, index);
        } catch (InvalidInputException e) {
            runner.say(new ActionRunner.Message(e.getMessage(), true));
        }
    }

    /** The layer graph of {@code host}'s images, or of every host's when null. */
    public LayerGraphWindow graph(HostModel host, Window owner) {
        return LayerGraphWindow.open(owner, this, host);
    }

    /**
     * An image as stacked sheets beside its Dockerfile lines; with {@code container}, that
     * container's own changes as the top sheet, live while it runs.
     */
    public void stack(HostModel host, ImageInfo image, String container, Window owner) {
        try {
            StackWindow.open(owner, host, image, container, operations(host), this);
        } catch (InvalidInputException e) {
            runner.say(new ActionRunner.Message(e.getMessage(), true));
        }
    }

    ImageHistories histories() {
        return histories;
    }

    public void build(HostModel host, Window owner) {
        BuildWindow.open(owner, this, host);
    }

    public void pull(HostModel host, Window owner) {
        PullWindow.open(owner, this, host);
    }

    public void copy(HostModel host, ImageInfo image, Window owner) {
        CopyWindow.open(owner, this, host, image);
    }

    ActionRunner runner() {
        return runner;
    }

    DialogService dialogs() {
        return dialogs;
    }

    /** Every host the app shows, for the choice of where to build, pull or copy. */
    ObservableList<HostModel> hosts() {
        return hosts;
    }

    /** The operations of a connected host; a clear message when it is not connected. */
    HostOperations operations(HostModel host) {
        return sessions.apply(host).filter(HostSession::isConnected).map(HostSession::operations)
                .orElseThrow(() -> new InvalidInputException(dev.portolan.ui.StatusText.unavailable(host.name(), host.status())));
    }

    /** The operations of a connected host; otherwise {@code outcome} says why there are none. */
    Optional<HostOperations> connected(HostModel host, Outcome outcome) {
        try {
            return Optional.of(operations(host));
        } catch (InvalidInputException e) {
            outcome.failed(e.getMessage());
            return Optional.empty();
        }
    }

    /** The hosts, other than {@code except}, that hold an image with this id. */
    public List<String> hostsWithImage(String imageId, HostModel except) {
        return hosts.stream().filter(h -> h != except && h.inventory() != null)
                .filter(h -> h.inventory().images().containsKey(imageId)).map(HostModel::name).toList();
    }

    /** The hosts, other than {@code except}, where some image has the layer with this diff id. */
    List<String> hostsWithLayer(String diffId, HostModel except) {
        return hosts.stream().filter(h -> h != except && h.inventory() != null)
                .filter(h -> h.inventory().images().values().stream().anyMatch(i -> i.layers().contains(diffId)))
                .map(HostModel::name).toList();
    }

    /**
     * How many of {@code image}'s layers, from its base up, {@code host} holds already: the
     * longest run of its diff ids that some image there starts with (an engine stores a
     * layer by its whole chain, so the same layer over another base does not count).
     */
    static int layersHeld(HostModel host, ImageInfo image) {
        if (host.inventory() == null) return 0;
        int held = 0;
        for (ImageInfo other : host.inventory().images().values()) {
            int same = 0;
            while (same < image.layers().size() && same < other.layers().size()
                    && image.layers().get(same).equals(other.layers().get(same))) same++;
            held = Math.max(held, same);
        }
        return held;
    }

    /** The other images on {@code host} that share the layer with this diff id. */
    static List<String> imagesWithLayer(HostModel host, String diffId, String exceptImageId) {
        if (host.inventory() == null) return List.of();
        return host.inventory().images().values().stream()
                .filter(i -> !i.id().equals(exceptImageId) && i.layers().contains(diffId))
                .map(ImageInfo::displayName).sorted().toList();
    }
}
