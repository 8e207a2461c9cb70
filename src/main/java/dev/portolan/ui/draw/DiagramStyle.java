package dev.portolan.ui.draw;

import dev.portolan.inventory.ContainerInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The pictures' colours (the diagram, the layer graph, the stacks), taken from the
 * stylesheet (classes {@code .diagram-TOKEN} in portolan.css), so the light and dark themes
 * and the colour-blind-safe state palette are defined in one place, for tables and pictures alike.
 */
public final class DiagramStyle {

    public static final List<String> TOKENS = List.of("background", "host", "host-border", "band", "band-border", "card",
            "card-border", "text", "muted", "volume", "volume-border", "link", "selection", "found", "badge", "badge-text",
            "drop", "fault", "fault-text", "trouble", "trouble-text",
            "layer-run", "layer-copy", "layer-other", "layer-meta", "layer-added", "layer-changed", "layer-deleted",
            "state-created", "state-running", "state-paused", "state-restarting", "state-removing", "state-exited",
            "state-dead", "state-unknown");

    private final Map<String, Color> colors;

    private DiagramStyle(Map<String, Color> colors) {
        this.colors = Map.copyOf(colors);
    }

    public Color color(String token) {
        return colors.getOrDefault(token, Color.GRAY);
    }

    public Color state(ContainerInfo.State state) {
        return color("state-" + state.word());
    }

    /**
     * A hidden node holding one region per token; it stays in the scene (adding and removing
     * it on every theme change would change the scene graph under a pulse), and its regions
     * are read after each CSS pass.
     */
    public static Group palette() {
        Group palette = new Group();
        palette.setManaged(false);
        palette.setVisible(false);
        for (String token : TOKENS) {
            Region region = new Region();
            region.getStyleClass().add("diagram-" + token);
            palette.getChildren().add(region);
        }
        return palette;
    }

    /** Reads every token from a palette that is in a scene, as the stylesheet now styles it. */
    public static DiagramStyle read(Group palette) {
        palette.applyCss();
        Map<String, Color> colors = new HashMap<>(defaults().colors);
        for (int i = 0; i < TOKENS.size(); i++) {
            Region region = (Region) palette.getChildren().get(i);
            if (region.getBackground() != null && !region.getBackground().getFills().isEmpty()) {
                Paint fill = region.getBackground().getFills().getFirst().getFill();
                if (fill instanceof Color color) colors.put(TOKENS.get(i), color);
            }
        }
        return new DiagramStyle(colors);
    }

    /** The light theme's colours, for a picture drawn with no window (benchmarks, tests). */
    public static DiagramStyle defaults() {
        Map<String, Color> c = new HashMap<>();
        c.put("background", Color.web("#f6f8fa"));
        c.put("host", Color.web("#ffffff"));
        c.put("host-border", Color.web("#d0d7de"));
        c.put("band", Color.web("#f6f8fa"));
        c.put("band-border", Color.web("#d8dee4"));
        c.put("card", Color.web("#ffffff"));
        c.put("card-border", Color.web("#d0d7de"));
        c.put("text", Color.web("#1f2328"));
        c.put("muted", Color.web("#656d76"));
        c.put("volume", Color.web("#ddf4ff"));
        c.put("volume-border", Color.web("#0969da"));
        c.put("link", Color.web("#54aeff"));
        c.put("selection", Color.web("#0969da"));
        c.put("found", Color.web("#bf8700"));
        c.put("badge", Color.web("#afb8c1"));
        c.put("badge-text", Color.web("#1f2328"));
        c.put("drop", Color.web("#4ac26b"));
        c.put("fault", Color.web("#cf222e"));
        c.put("fault-text", Color.web("#ffffff"));
        c.put("trouble", Color.web("#9a6700"));
        c.put("trouble-text", Color.web("#ffffff"));
        c.put("layer-run", Color.web("#ddf4ff"));
        c.put("layer-copy", Color.web("#dafbe1"));
        c.put("layer-other", Color.web("#fff8c5"));
        c.put("layer-meta", Color.web("#eaeef2"));
        c.put("layer-added", Color.web("#1a7f37"));
        c.put("layer-changed", Color.web("#9a6700"));
        c.put("layer-deleted", Color.web("#d1242f"));
        c.put("state-created", Color.web("#0969da"));
        c.put("state-running", Color.web("#1b7f3b"));
        c.put("state-paused", Color.web("#9a6700"));
        c.put("state-restarting", Color.web("#bc4c00"));
        c.put("state-removing", Color.web("#6e7781"));
        c.put("state-exited", Color.web("#6e7781"));
        c.put("state-dead", Color.web("#cf222e"));
        c.put("state-unknown", Color.web("#6e7781"));
        return new DiagramStyle(c);
    }
}
