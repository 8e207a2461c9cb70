package dev.portolan.ui.images;

import dev.portolan.image.LayerGraph;
import dev.portolan.image.LayerGraph.Image;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.operations.HostOperations;
import dev.portolan.ui.Windows;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.draw.PictureExport;
import dev.portolan.ui.draw.PictureToolbar;
import dev.portolan.ui.jobs.Job;
import dev.portolan.ui.layers.LayerGraphLayout.Block;
import dev.portolan.ui.layers.LayerGraphLayout.Tip;
import dev.portolan.ui.layers.LayerGraphView;
import dev.portolan.ui.model.HostModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The images of one host, or of every host at once, as a tree of their layers (see
 * {@link LayerGraph}): drawn at once from the inventory's layer ids, then with each
 * step's line and size as the histories arrive; kept live as images come and go. Beside
 * it, what the selection is, the hosts that hold it and lack it, and the way to its files,
 * its stack and a copy.
 */
public final class LayerGraphWindow {

    static final String ALL_HOSTS = "All hosts";
    private static final String NO_FADE = "Nothing faded";

    private final ImageActions actions;
    private final LayerGraphView view = new LayerGraphView();
    private final ComboBox<String> scope = new ComboBox<>();
    private final ComboBox<String> fade = new ComboBox<>();
    private final Label status = new Label("Reading the images…");
    private final VBox details = new VBox(8);
    private final LayerGraphDetails said;
    private final PictureToolbar toolbar;
    private final Stage stage;
    private final ChangeListener<Number> imagesChanged = (obs, old, now) -> refresh();
    /** A host lost or back: its images are drawn as last seen, and the status line says so. */
    private final javafx.beans.InvalidationListener statusChanged = obs -> refresh();
    private final Set<HostModel> watched = new java.util.HashSet<>();
    private Job<?> reading;
    /** The hosts in view that are not connected, as the status line says it ("" when all are). */
    private String stale = "";
    /** An image to select once the graph has it (a copy's "Show in the layer graph"), or null. */
    private String wantedImage;

    private LayerGraphWindow(Window owner, ImageActions actions, HostModel only) {
        this.actions = actions;
        toolbar = new PictureToolbar("layer-graph", "Search a line, a layer id, a tag",
                "Steps whose Dockerfile line or layer id, and images whose tag, contain the words are outlined;"
                        + " Enter zooms to them. Ctrl+F comes here.", view::search, view::zoomToFound,
                view.picture()::fit, view.picture()::zoom, this::export);
        scope.setId("layer-graph-scope");
        fade.setId("layer-graph-fade");
        status.setId("layer-graph-status");
        status.getStyleClass().add("muted");
        details.setId("layer-graph-details");
        details.getStyleClass().add("layer-graph-details");
        details.setStyle("-fx-padding: 12;");
        scope.setTooltip(new javafx.scene.control.Tooltip("Draw the images of one host, or of every host at once"));
        fade.setTooltip(new javafx.scene.control.Tooltip("Fade the layers a host does not hold: what a copy there would send"));
        fillChoices(only == null ? ALL_HOSTS : only.name());
        scope.valueProperty().addListener((obs, old, now) -> {
            if (now != null) refresh();
        });
        fade.valueProperty().addListener((obs, old, now) -> view.fadeLacking(now == null || now.equals(NO_FADE) ? null : now));
        said = new LayerGraphDetails(details, () -> view.layout().graph(), this::openSelection, this::copy);
        view.selectedProperty().addListener((obs, old, now) -> said.show(now));
        view.onOpen(this::openSelection);
        toolbar.bar().getItems().addAll(0, List.of(new Label("Show"), scope, new Label("Fade what"), fade,
                new Label("lacks")));

        ScrollPane side = new ScrollPane(details);
        side.setFitToWidth(true);
        SplitPane split = new SplitPane(view.node(), side);
        split.setDividerPositions(0.74);
        BorderPane root = new BorderPane(split);
        root.setTop(toolbar.bar());
        root.setBottom(status);
        BorderPane.setMargin(status, new javafx.geometry.Insets(4, 10, 4, 10));
        stage = Windows.stage(owner, "Layer graph", root, 1200, 760);
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                toolbar::focusSearch);
        actions.imagesChangedProperty().addListener(imagesChanged);
        stage.setOnHidden(e -> {
            actions.imagesChangedProperty().removeListener(imagesChanged);
            watched.forEach(h -> h.statusProperty().removeListener(statusChanged));
            if (reading != null) reading.cancel();
        });
        said.show(null);
        stage.show();
        refresh();
        view.picture().canvas().requestFocus();
    }

    /** Opens the graph of {@code only}'s images, or of every host's when null. */
    static LayerGraphWindow open(Window owner, ImageActions actions, HostModel only) {
        return new LayerGraphWindow(owner, actions, only);
    }

    /** Selects an image's name as soon as the graph draws it, and fades what {@code lacking} (null: nothing) lacks. */
    public void select(String imageId, String lacking) {
        wantedImage = imageId;
        if (lacking != null && fade.getItems().contains(lacking)) fade.setValue(lacking);
        selectWanted();
    }

    private void selectWanted() {
        if (wantedImage == null) return;
        var tip = view.layout().tip(wantedImage);
        if (tip == null) return;
        wantedImage = null;
        view.selectedProperty().set(tip);
    }

    public Stage stage() {
        return stage;
    }

    private void fillChoices(String chosen) {
        List<String> names = actions.hosts().stream().map(HostModel::name).toList();
        List<String> scopes = new ArrayList<>(List.of(ALL_HOSTS));
        scopes.addAll(names);
        scope.getItems().setAll(scopes);
        scope.setValue(scopes.contains(chosen) ? chosen : ALL_HOSTS);
        String faded = fade.getValue();
        List<String> fades = new ArrayList<>(List.of(NO_FADE));
        fades.addAll(names);
        fade.getItems().setAll(fades);
        fade.setValue(faded != null && fades.contains(faded) ? faded : NO_FADE);
    }

    private List<HostModel> hostsInScope() {
        String chosen = scope.getValue();
        return actions.hosts().stream().filter(h -> h.inventory() != null)
                .filter(h -> chosen == null || chosen.equals(ALL_HOSTS) || h.name().equals(chosen)).toList();
    }

    /** Draws what is known now, then reads the histories still missing and draws again. */
    private void refresh() {
        if (!stage.isShowing()) return;
        if (scope.getItems().size() != actions.hosts().size() + 1) fillChoices(scope.getValue());
        for (HostModel host : actions.hosts()) {
            if (watched.add(host)) host.statusProperty().addListener(statusChanged);
        }
        List<HostModel> hosts = hostsInScope();
        Map<String, ImageInfo> byId = new LinkedHashMap<>();
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        Map<String, HostOperations> readFrom = new LinkedHashMap<>();
        for (HostModel host : hosts) {
            Optional<HostOperations> ops = connected(host);
            for (ImageInfo image : host.inventory().images().values()) {
                byId.putIfAbsent(image.id(), image);
                holders.computeIfAbsent(image.id(), k -> new TreeSet<>()).add(host.name());
                if (ops.isPresent()) readFrom.putIfAbsent(image.id(), ops.get());
            }
        }
        List<String> stale = hosts.stream().filter(h -> !h.isLive()).map(HostModel::name).toList();
        this.stale = stale.isEmpty() ? "" : " " + String.join(", ", stale) + (stale.size() == 1 ? " is" : " are")
                + " not connected: " + (stale.size() == 1 ? "its" : "their") + " images as last seen.";
        draw(byId, holders, null);
        if (reading != null) reading.cancel();
        reading = actions.histories().readMissing(readFrom, status::setText, outcome -> {
            reading = null;
            switch (outcome) {
                case Job.Outcome.Done<ImageHistories.Unread> done -> draw(byId, holders, done.value());
                case Job.Outcome.Cancelled<ImageHistories.Unread> c -> { }
                case Job.Outcome.Failed<ImageHistories.Unread> failed -> status.setText(failed.message());
            }
        });
        if (hosts.isEmpty()) status.setText(actions.hosts().isEmpty() ? "No hosts yet: add one from the main window."
                : "No host in view is connected: its images show once it is.");
    }

    private Optional<HostOperations> connected(HostModel host) {
        try {
            return Optional.of(actions.operations(host));
        } catch (RuntimeException notConnected) {
            return Optional.empty();
        }
    }

    private void draw(Map<String, ImageInfo> byId, Map<String, Set<String>> holders, ImageHistories.Unread unread) {
        List<Image> images = new ArrayList<>(byId.size());
        byId.forEach((id, info) -> {
            var steps = actions.histories().known(id);
            images.add(steps == null ? Image.ofDiffIds(id, info.tags(), holders.get(id), info.layers())
                    : new Image(id, info.tags(), holders.get(id), steps));
        });
        LayerGraph graph = LayerGraph.of(images);
        view.show(graph);
        selectWanted();
        long dangling = images.stream().filter(Image::dangling).count();
        String text = String.format("%d images, %d layers (%d shared by several images)%s on %s", images.size(),
                graph.layerCount(), graph.sharedLayerCount(), dangling == 0 ? "" : ", " + dangling + " untagged",
                holders.isEmpty() ? "no host" : String.join(", ", graph.hosts()));
        toolbar.showCounts(images.size() + " images · " + graph.layerCount() + " layers");
        if (unread != null && unread.count() > 0) {
            text += ". " + unread.count() + " histories could not be read (" + unread.firstReason()
                    + "): those images show their layer ids only.";
        }
        status.setText(text + stale);
    }

    /** A step: its files in the layers window of an image that has it; an image: its stack. */
    private void openSelection() {
        switch (view.selectedProperty().get()) {
            case Block block when !block.node().step().isEmpty() -> {
                Image image = block.node().images().getFirst();
                holder(image).ifPresent(h -> actions.layers(h, h.inventory().images().get(image.id()), stage,
                        block.node().step().index()));
            }
            case Tip tip -> holder(tip.image()).ifPresent(h -> actions.stack(h, h.inventory().images().get(tip.image().id()),
                    null, stage));
            case null, default -> { }
        }
    }

    private void copy(Image image) {
        holder(image).ifPresent(h -> actions.copy(h, h.inventory().images().get(image.id()), stage));
    }

    /** A host in view that holds the image and still lists it. */
    private Optional<HostModel> holder(Image image) {
        Optional<HostModel> host = hostsInScope().stream().filter(h -> image.hosts().contains(h.name()))
                .filter(h -> h.inventory().images().containsKey(image.id())).findFirst();
        if (host.isEmpty()) actions.runner().say(new ActionRunner.Message(image.name() + " is no longer on "
                + String.join(", ", image.hosts()) + ", or its host is not connected.", true));
        return host;
    }

    private void export(String format) {
        PictureExport.ask(actions.dialogs(), stage, "the layer graph", "portolan-layers", format, view::export)
                .ifPresent(said -> status.setText(said.text()));
    }
}
