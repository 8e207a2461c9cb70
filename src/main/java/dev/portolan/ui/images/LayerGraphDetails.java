package dev.portolan.ui.images;

import dev.portolan.image.LayerGraph;
import dev.portolan.image.LayerGraph.Image;
import dev.portolan.image.LayerGraph.Node;
import dev.portolan.ui.Buttons;
import dev.portolan.ui.StatusText;
import dev.portolan.ui.inventory.Formats;
import dev.portolan.ui.layers.LayerGraphLayout.Block;
import dev.portolan.ui.layers.LayerGraphLayout.Tip;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What the layer graph's selection is, beside the picture: a step's line, size, age and
 * layer id, the images that use it, the hosts that hold and lack it; an image's tags, how
 * many of its layers each other host lacks, and its stack and copy.
 */
final class LayerGraphDetails {

    private final VBox details;
    private final Supplier<LayerGraph> graph;
    private final Runnable open;
    private final Consumer<Image> copy;

    /**
     * @param open opens the selection (a step's files, an image's stack)
     * @param copy opens Copy to hosts for an image
     */
    LayerGraphDetails(VBox details, Supplier<LayerGraph> graph, Runnable open, Consumer<Image> copy) {
        this.details = details;
        this.graph = graph;
        this.open = open;
        this.copy = copy;
    }

    void show(Object selection) {
        details.getChildren().clear();
        switch (selection) {
            case Block block -> stepDetails(block.node());
            case Tip tip -> imageDetails(tip.image());
            case null, default -> details.getChildren().add(wrapped("Select a step or an image (click, or the arrows:"
                    + " ↑ toward the tips, ↓ toward the base). Double-click or Enter opens a step's files, an image's stack."
                    + "\n\nBlue steps ran a command, green ones copied files in, yellow ones came some other way (an imported"
                    + " base), grey slivers changed only metadata."
                    + " A block's height grows with its bytes.", "muted"));
        }
    }

    private void stepDetails(Node node) {
        title(node.step().isEmpty() ? "Metadata only" : "Layer " + node.step().shortDiffId());
        details.getChildren().add(wrapped(node.known() ? node.step().instruction() : "(its history is still being read)", "mono"));
        if (node.step().isEmpty()) {
            details.getChildren().add(wrapped("This step changed only the image's configuration: it has no files.", "muted"));
        } else {
            details.getChildren().add(wrapped((node.step().sizeBytes() < 0 ? "" : StatusText.bytes(node.step().sizeBytes()) + " · ")
                    + (node.step().created() == null ? "" : "made " + Formats.ago(node.step().created()) + " · ")
                    + node.step().diffId(), "muted"));
        }
        List<String> names = node.images().stream().map(Image::name).toList();
        details.getChildren().add(wrapped("Used by " + names.size() + (names.size() == 1 ? " image: " : " images: ")
                + String.join(", ", names), null));
        details.getChildren().add(wrapped(holdersText(node.hosts()), null));
        if (!node.step().isEmpty()) details.getChildren().add(Buttons.of("Files of this layer…", "layer-graph-files", open));
    }

    private void imageDetails(Image image) {
        title(image.name());
        if (image.tags().size() > 1) details.getChildren().add(wrapped("Also tagged " + String.join(", ",
                image.tags().subList(1, image.tags().size())), null));
        long layers = image.steps().stream().filter(s -> !s.isEmpty()).count();
        details.getChildren().add(wrapped(layers + " layers, " + (image.steps().size() - layers) + " metadata-only steps · id "
                + image.shortId(), "muted"));
        if (image.dangling()) details.getChildren().add(wrapped("Untagged: a leftover of a rebuild or a build's"
                + " intermediate step. `docker image prune` on its host would remove it.", "muted"));
        details.getChildren().add(wrapped(holdersText(image.hosts()), null));
        for (String other : graph.get().hosts()) {
            if (image.hosts().contains(other)) continue;
            List<Node> missing = graph.get().missingOn(image, other);
            long bytes = missing.stream().mapToLong(n -> Math.max(0, n.step().sizeBytes())).sum();
            details.getChildren().add(wrapped(other + " lacks " + missing.size() + " of its " + layers + " layers ("
                    + StatusText.bytes(bytes) + "); it holds the rest already.", null));
        }
        details.getChildren().addAll(Buttons.of("Stack…", "layer-graph-stack", open),
                Buttons.of("Copy to hosts…", "layer-graph-copy", () -> copy.accept(image)));
    }

    private String holdersText(Set<String> holders) {
        Set<String> lacking = new TreeSet<>(graph.get().hosts());
        lacking.removeAll(holders);
        return "On " + String.join(", ", holders) + (lacking.isEmpty() ? "" : "; not on " + String.join(", ", lacking)) + ".";
    }

    private void title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        details.getChildren().add(title);
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        if (styleClass != null) label.getStyleClass().add(styleClass);
        return label;
    }
}
