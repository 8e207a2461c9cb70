package dev.portolan.ui.images;

import dev.portolan.operations.HostOperations;
import dev.portolan.image.ImageContents;
import dev.portolan.image.ImageLayer;
import dev.portolan.image.Waste;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.Windows;
import dev.portolan.ui.inventory.Formats;
import dev.portolan.ui.model.HostModel;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * An image as a stack of layers: each with its Dockerfile line and size, which other
 * images on the host share it and which other hosts have it; below, the files a layer
 * added, modified and removed, or the merged tree up to it, and the wasted space.
 * The layers come at once from the history; the files stream from the image's archive,
 * with progress and cancel, and never in full into memory.
 */
public final class LayersWindow {

    private final HostModel host;
    private final ImageInfo image;
    private final HostOperations operations;
    private final ImageActions actions;
    private final TableView<ImageLayer> layers = new TableView<>();
    private final LayerFilesView files = new LayerFilesView();
    private final TableView<Waste> waste = new TableView<>();
    private final Label summary = new Label("Reading the layers…");
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Button cancel = new Button("Cancel");
    private final ToggleButton changesOnly = new ToggleButton("What this layer changed");
    private final ToggleButton merged = new ToggleButton("Everything up to this layer");
    private LayersReading reading;
    private ImageContents contents;
    /** The step to select once the layers are read: -1 for the newest layer with files. */
    private int wanted;

    private LayersWindow(Window owner, HostModel host, ImageInfo image, HostOperations operations, ImageActions actions, int wanted) {
        this.wanted = wanted;
        this.host = host;
        this.image = image;
        this.operations = operations;
        this.actions = actions;
        layers.setId("layers-table");
        waste.setId("layer-waste");
        summary.setId("layers-summary");
        summary.setWrapText(true);
        cancel.setId("layers-cancel");
        cancel.setOnAction(e -> cancelJob());
        bar.setPrefWidth(160);
        buildLayersTable();
        buildWasteTable();

        ToggleGroup mode = new ToggleGroup();
        changesOnly.setToggleGroup(mode);
        merged.setToggleGroup(mode);
        changesOnly.setSelected(true);
        changesOnly.setId("layer-mode-changes");
        merged.setId("layer-mode-merged");
        mode.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) old.setSelected(true);
            else showFiles();
        });
        BorderPane filesPane = new BorderPane(files.node());
        filesPane.setTop(new ToolBar(changesOnly, merged));
        TabPane below = new TabPane(new Tab("Files", filesPane), new Tab("Wasted space", waste));
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        below.setId("layers-below");
        SplitPane split = new SplitPane(layers, below);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        BorderPane root = new BorderPane(split);
        root.setTop(new ToolBar(summary, spacer, bar, cancel));
        Stage stage = Windows.stage(owner, "Layers — " + image.displayName() + " on " + host.name(), root, 1000, 700);
        stage.setOnHidden(e -> cancelJob());
        stage.show();
        read();
    }

    private void cancelJob() {
        if (reading != null) reading.cancel();
    }

    static LayersWindow open(Window owner, HostModel host, ImageInfo image, HostOperations operations, ImageActions actions,
            int select) {
        return new LayersWindow(owner, host, image, operations, actions, select);
    }

    private void buildLayersTable() {
        layers.getColumns().add(dev.portolan.ui.Columns.of("#", 40, ImageLayer::index));
        TableColumn<ImageLayer, String> size = dev.portolan.ui.Columns.of("Size", 80, l -> l.isEmpty() ? "—" : StatusText.bytes(l.sizeBytes()));
        layers.getColumns().add(size);
        TableColumn<ImageLayer, String> line = dev.portolan.ui.Columns.of("Dockerfile line", 380, ImageLayer::instruction);
        line.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        layers.getColumns().add(line);
        // a layer other images on this host share is marked ⇄ (its "Shared with" names them)
        layers.getColumns().add(dev.portolan.ui.Columns.of("Layer", 150, l -> l.isEmpty() ? "no files (metadata only)"
                : (ImageActions.imagesWithLayer(host, l.diffId(), image.id()).isEmpty() ? "" : "⇄ ") + l.shortDiffId()));
        layers.getColumns().add(dev.portolan.ui.Columns.of("Created", 90, l -> l.created() == null ? "" : Formats.ago(l.created())));
        layers.getColumns().add(dev.portolan.ui.Columns.of("Shared with", 160, l -> l.isEmpty() ? ""
                : String.join(", ", ImageActions.imagesWithLayer(host, l.diffId(), image.id()))));
        layers.getColumns().add(dev.portolan.ui.Columns.of("Also on hosts", 140, l -> l.isEmpty() ? ""
                : String.join(", ", actions.hostsWithLayer(l.diffId(), host))));
        layers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        layers.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ImageLayer layer, boolean empty) {
                super.updateItem(layer, empty);
                getStyleClass().remove("layer-empty");
                if (!empty && layer != null && layer.isEmpty()) getStyleClass().add("layer-empty");
            }
        });
        layers.setPlaceholder(new Label("Reading the image's history…"));
        layers.getSelectionModel().selectedItemProperty().addListener((obs, old, layer) -> showFiles());
    }

    private void buildWasteTable() {
        waste.getColumns().add(dev.portolan.ui.Columns.of("Path", 520, w -> "/" + w.path()));
        waste.getColumns().add(dev.portolan.ui.Columns.of("Hidden copies", 110, Waste::copies));
        waste.getColumns().add(dev.portolan.ui.Columns.of("Wasted", 100, w -> StatusText.bytes(w.bytes())));
        waste.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        waste.setPlaceholder(new Label("No file is overwritten or removed by a later layer: nothing is wasted."));
    }

    /** The history first (two small requests), then the archive, streamed, for the files. */
    private void read() {
        reading = LayersReading.start(operations, host, image, bar, summary, "Reading the files was cancelled; the layers"
                + " above come from the image's history.", new LayersReading.Shown() {
                    @Override
                    public void history(List<ImageLayer> layers) {
                        showLayers(layers);
                    }

                    @Override
                    public void contents(ImageContents contents) {
                        showContents(contents);
                    }

                    @Override
                    public void stopped(String text, boolean error) {
                        finished(text, error);
                    }
                });
    }

    /** Bottom up, as the image is stacked: the base first; the newest layer with files is selected, unless the user chose one. */
    private void showLayers(List<ImageLayer> list) {
        int selected = layers.getSelectionModel().getSelectedIndex();
        if (wanted >= 0 && wanted < list.size()) {
            selected = wanted;
            wanted = -1;
        }
        layers.getItems().setAll(list);
        if (selected < 0) {
            selected = Math.max(0, layers.getItems().reversed().stream().filter(l -> !l.isEmpty()).findFirst()
                    .map(layers.getItems()::indexOf).orElse(0));
        }
        layers.getSelectionModel().select(selected);
        layers.scrollTo(selected);
    }

    /** The selected layer's files: what it changed, or everything visible up to it. */
    private void showFiles() {
        ImageLayer layer = layers.getSelectionModel().getSelectedItem();
        if (layer != null && contents != null) files.show(contents, layer, merged.isSelected());
    }

    private void showContents(ImageContents read) {
        contents = read;
        showLayers(read.layers());
        waste.getItems().setAll(read.waste());
        long madeLayers = read.layers().stream().filter(l -> !l.isEmpty()).count();
        finished(String.format("%d layers, %d metadata-only steps · %s of files · %s hidden by later layers"
                        + " · efficiency %.1f %%", madeLayers, read.layers().size() - madeLayers,
                StatusText.bytes(read.totalBytes()), StatusText.bytes(read.wastedBytes()), read.efficiency() * 100), false);
        showFiles();
    }

    private void finished(String text, boolean error) {
        summary.setText(text);
        summary.getStyleClass().remove("error-text");
        if (error) summary.getStyleClass().add("error-text");
        bar.setVisible(false);
        cancel.setVisible(false);
    }
}
