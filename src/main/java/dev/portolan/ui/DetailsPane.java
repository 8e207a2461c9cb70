package dev.portolan.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.ui.jobs.Job;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.inventory.NetworkInfo;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.inventory.StateText;
import dev.portolan.ui.model.HostSession;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The right-hand pane: what is selected, in a few lines, and its full inspect output as
 * a tree and as raw JSON (read off the FX thread when the selection changes).
 */
final class DetailsPane {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Label title = new Label("Nothing selected");
    private final Label summary = new Label("Select a container, image, volume or network to see its details.");
    private final TreeView<String> tree = new TreeView<>();
    private final TextArea raw = new TextArea();
    private final VBox root;
    private final Supplier<HostSession> host;
    /** "Can it reach…?" for a selected container of a simulated host. */
    private final javafx.scene.control.Button probe = new javafx.scene.control.Button("Can it reach…?");
    private final TroubleView trouble = new TroubleView();
    private final Label stats = new Label();
    private final javafx.scene.canvas.Canvas cpuLine = new javafx.scene.canvas.Canvas(0, 28);
    /**
     * Holds the CPU line at the pane's width: a canvas of its own fixed width held the pane
     * at least that wide, and selecting a running container pushed the sidebar narrower.
     */
    private final javafx.scene.layout.Pane cpuBox = new javafx.scene.layout.Pane(cpuLine);
    private Object shown;

    /** @param probeFrom opens the probe from a container of the selected host */
    DetailsPane(Supplier<HostSession> host, java.util.function.BiConsumer<HostSession, ContainerInfo> probeFrom) {
        this.host = host;
        probe.setId("details-probe");
        probe.setVisible(false);
        probe.managedProperty().bind(probe.visibleProperty());
        probe.setOnAction(e -> {
            if (shown instanceof ContainerInfo c && host.get() != null) probeFrom.accept(host.get(), c);
        });
        stats.setId("details-stats");
        stats.setWrapText(true);
        cpuLine.setId("details-cpu");
        cpuBox.setMinWidth(0);
        cpuBox.setPrefWidth(0);
        cpuLine.widthProperty().bind(cpuBox.widthProperty());
        cpuLine.widthProperty().addListener((o, was, now) -> renderStats());
        cpuLine.visibleProperty().bind(cpuBox.visibleProperty());
        for (var node : java.util.List.<javafx.scene.Node>of(stats, cpuBox)) {
            node.managedProperty().bind(node.visibleProperty());
            node.setVisible(false);
        }
        title.getStyleClass().add("details-title");
        title.setId("details-title");
        summary.setWrapText(true);
        summary.setId("details-summary");
        // the inspect tabs below grow into the pane; these keep every line they have
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        stats.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        raw.setEditable(false);
        raw.getStyleClass().add("mono");
        raw.setId("details-json");
        tree.setShowRoot(false);
        tree.setId("details-tree");
        TabPane inspect = new TabPane(new Tab("Inspect", tree), new Tab("JSON", raw));
        inspect.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(inspect, Priority.ALWAYS);
        root = new VBox(8, title, summary, stats, cpuBox, trouble.root(), probe, inspect);
        root.setPadding(new Insets(10));
        root.getStyleClass().add("details");
        root.setPrefWidth(340);
    }

    VBox root() {
        return root;
    }

    /** Live stats of the selected running container: wanted while it is selected, shown at each tick. */
    void showStats(dev.portolan.ui.stats.StatsDemand demand) {
        demand.want(() -> {
            HostSession session = host.get();
            if (!(shown instanceof ContainerInfo c) || !c.isRunning() || session == null) return java.util.Map.of();
            return java.util.Map.of(session.model(), java.util.Set.of(c.id()));
        });
        demand.onTick(this::renderStats);
    }

    private void renderStats() {
        HostSession session = host.get();
        var history = shown instanceof ContainerInfo c && c.isRunning() && session != null
                ? session.stats().history(c.id()) : java.util.List.<dev.portolan.inventory.ContainerStats>of();
        stats.setVisible(!history.isEmpty());
        cpuBox.setVisible(history.size() > 1);
        if (history.isEmpty()) return;
        stats.setText(dev.portolan.ui.stats.StatsFormat.full(history.getLast()));
        Sparkline.draw(cpuLine, dev.portolan.ui.stats.StatsFormat.cpuSeries(history), dev.portolan.inventory.StatsWatcher.KEPT);
    }

    void show(Object item) {
        boolean sameResource = shown != null && item != null && key(shown).equals(key(item));
        shown = item;
        HostSession session = host.get();
        probe.setVisible(item instanceof ContainerInfo c && c.isRunning() && session != null);
        trouble.show(session == null ? null : session.model(), item instanceof ContainerInfo c ? c : null);
        if (!sameResource) renderStats();
        if (item == null) {
            title.setText("Nothing selected");
            summary.setText("Select a container, image, volume or network to see its details.");
            tree.setRoot(null);
            raw.clear();
            return;
        }
        title.setText(titleOf(item));
        summary.setText(summaryOf(item));
        if (!sameResource) load(item);
    }

    private void load(Object item) {
        HostSession session = host.get();
        if (session == null) return;
        var operations = session.operations();
        String[] key = key(item).split(":", 2);
        Job.start("Inspect " + key[1], progress -> operations.inspect(key[0], key[1]), null, ended -> {
            String text = switch (ended) {
                case Job.Outcome.Done<String> done -> done.value();
                case Job.Outcome.Failed<String> failed -> "// " + failed.message();
                case Job.Outcome.Cancelled<String> c -> "// cancelled";
            };
            if (shown != null && key(shown).equals(key[0] + ":" + key[1])) {
                raw.setText(text);
                tree.setRoot(treeOf(text));
            }
        });
    }

    static String key(Object item) {
        return switch (item) {
            case ContainerInfo c -> "container:" + c.id();
            case ImageInfo i -> "image:" + i.id();
            case VolumeInfo v -> "volume:" + v.name();
            case NetworkInfo n -> "network:" + n.id();
            default -> "other:" + item;
        };
    }

    static String titleOf(Object item) {
        return switch (item) {
            case ContainerInfo c -> c.name();
            case ImageInfo i -> i.displayName();
            case VolumeInfo v -> v.name();
            case NetworkInfo n -> n.name();
            default -> item.toString();
        };
    }

    /** How much of a command the summary shows: about three lines of the pane; Inspect has the rest. */
    private static final int COMMAND_SHOWN = 120;

    private static String shortened(String command) {
        return command.length() <= COMMAND_SHOWN ? command : command.substring(0, COMMAND_SHOWN) + "…";
    }

    static String summaryOf(Object item) {
        return switch (item) {
            case ContainerInfo c -> "Container " + c.shortId() + " · " + StateText.of(c) + "\nImage " + c.image()
                    + (c.restartCount() > 0 ? "\nRestarted " + c.restartCount() + " times" : "")
                    + (c.command().isBlank() ? "" : "\nCommand " + shortened(c.command()));
            case ImageInfo i -> "Image " + i.shortId() + " · " + StatusText.bytes(i.sizeBytes()) + " · "
                    + StatusText.plural(i.layers().size(), "layer");
            case VolumeInfo v -> "Volume · driver " + v.driver() + "\n" + v.mountpoint();
            case NetworkInfo n -> "Network · " + n.driver() + " · " + n.scope()
                    + (n.subnet() == null ? "" : "\nSubnet " + n.subnet());
            default -> "";
        };
    }

    static TreeItem<String> treeOf(String json) {
        TreeItem<String> root = new TreeItem<>("inspect");
        try {
            add(root, null, JSON.readTree(json));
        } catch (java.io.IOException e) {
            root.getChildren().add(new TreeItem<>(json));
        }
        return root;
    }

    private static void add(TreeItem<String> parent, String name, JsonNode node) {
        if (node.isContainerNode()) {
            TreeItem<String> item = name == null ? parent : new TreeItem<>(name + (node.isArray() ? " [" + node.size() + "]" : ""));
            if (item != parent) parent.getChildren().add(item);
            if (node.isObject()) node.properties().forEach(e -> add(item, e.getKey(), e.getValue()));
            else for (int i = 0; i < node.size(); i++) add(item, Integer.toString(i), node.get(i));
            item.setExpanded(parent.getParent() == null);
        } else if (!node.isNull()) {
            parent.getChildren().add(new TreeItem<>(name + ": " + node.asText()));
        }
    }
}
