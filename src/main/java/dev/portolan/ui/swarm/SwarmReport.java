package dev.portolan.ui.swarm;

import dev.portolan.image.TransferProgress;
import dev.portolan.inventory.SwarmSnapshot;
import dev.portolan.operations.OverlayCheck;
import dev.portolan.operations.SwarmOperations;
import dev.portolan.operations.SwarmProblems;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the Swarm window says under its picture: why tasks cannot run (with a button for what
 * fixes it), how long the Swarm took to notice a node leave and to move its tasks, whether the
 * overlay carries traffic between hosts, and how the last action went. FX thread only.
 */
final class SwarmReport {

    /** What the report needs of its window. */
    interface Owner {
        /** Runs work off the FX thread; its sentence shows through {@link #say}. */
        void act(String progress, Callable<String> work);

        SwarmOperations operations();

        /** When a member's host was stopped on purpose, by its node's hostname. */
        Optional<Instant> stoppedAt(String hostname);

        /** Runs the overlay check off the FX thread; it reports back through {@link #overlayFound}. */
        void checkOverlay();
    }

    private final VBox problems = new VBox(4);
    private final VBox timings = new VBox(2);
    private final Label overlay = new Label();
    /** A probe needs the Swarm's tasks: there is nothing to check while no manager answers. */
    private final Button checkOverlay = new Button("Check the overlay");
    private final Label status = new Label();
    private final VBox node;
    private final Owner owner;
    private final SwarmMoves moves = new SwarmMoves();
    /** Whether the overlay was checked for the Swarm shown (once, automatically; again on demand). */
    private boolean overlayChecked;

    SwarmReport(Owner owner) {
        this.owner = owner;
        problems.setId("swarm-problems");
        timings.setId("swarm-moves");
        overlay.setId("swarm-overlay");
        overlay.setWrapText(true);
        checkOverlay.setId("swarm-check-overlay");
        checkOverlay.setDisable(true);
        checkOverlay.setTooltip(new Tooltip("A probe from a task on one node to a task on another; and "
                + "whether this kernel has IPVS, which virtual IPs and the routing mesh need"));
        checkOverlay.setOnAction(e -> owner.checkOverlay());
        checkOverlay.setMinWidth(Region.USE_PREF_SIZE);
        status.setId("swarm-status");
        status.setWrapText(true);
        status.getStyleClass().add("swarm-status");
        HBox overlayLine = new HBox(8, checkOverlay, overlay);
        overlayLine.setAlignment(Pos.CENTER_LEFT);
        node = new VBox(4, problems, timings, overlayLine, status);
        node.setPadding(new Insets(6, 8, 8, 8));
    }

    VBox node() {
        return node;
    }

    /** Another Swarm is watched: nothing said of the overlay yet. */
    void forget() {
        overlayChecked = false;
        overlay.setText("");
        checkOverlay.setDisable(true);
    }

    /**
     * A new picture ({@code now}, null before the first) or its Swarm lost. The overlay is
     * checked once per Swarm, as soon as it can be (tasks on two nodes).
     */
    void show(SwarmSnapshot before, SwarmSnapshot now, boolean lost) {
        if (now != before) moves.update(before, now, Instant.now(), owner::stoppedAt);
        checkOverlay.setDisable(now == null || lost);
        showProblems(now);
        tick(now);
        if (!overlayChecked && now != null && !lost && OverlayCheck.canCheck(now)) owner.checkOverlay();
    }

    /** Why tasks cannot run, each with what fixes it (an image copied to the nodes that lack it). */
    private void showProblems(SwarmSnapshot swarm) {
        problems.getChildren().clear();
        if (swarm == null) return;
        for (String problem : SwarmProblems.of(swarm)) {
            Label text = new Label("⚠ " + problem);
            text.setWrapText(true);
            text.getStyleClass().add("swarm-problem");
            HBox line = new HBox(8, text);
            String service = problem.substring(0, problem.indexOf(':'));
            if (problem.contains("copy-image")) {
                Button copy = new Button("Copy the image there");
                copy.setId("swarm-copy-image-" + service);
                copy.setOnAction(e -> owner.act("Copying " + service + "'s image to the nodes that lack it",
                        () -> owner.operations().copyImage(service, TransferProgress.NONE)));
                line.getChildren().add(copy);
            }
            problems.getChildren().add(line);
        }
    }

    /** The timings again, each second: a wait still running says how long so far. */
    void tick(SwarmSnapshot swarm) {
        timings.getChildren().clear();
        Instant now = Instant.now();
        if (swarm != null) {
            // a host stopped on purpose that the Swarm has not yet noticed: the wait is the lesson
            for (var node : swarm.nodes()) {
                owner.stoppedAt(node.hostname()).filter(t -> node.isReady()).ifPresent(t -> timings.getChildren().add(timing(
                        node.hostname() + "'s host stopped " + String.format("%.0f s", Duration.between(t, now).toMillis() / 1000.0)
                                + " ago; the Swarm still sees it ready (it waits for missed heartbeats, about 10 s).")));
            }
        }
        moves.sentences(now).forEach(s -> timings.getChildren().add(timing(s)));
    }

    private static Label timing(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("swarm-timing");
        label.setWrapText(true);
        return label;
    }

    void overlayChecking() {
        overlayChecked = true;
        overlay.setText("Checking the overlay…");
    }

    void overlayFound(OverlayCheck.Result result) {
        overlay.setText(result.sentence());
        overlay.getStyleClass().removeAll("swarm-problem", "swarm-warning");
        // tasks that cannot reach each other are a problem; reaching each other without IPVS (no virtual
        // IPs, no routing mesh) is half working, and the sentence says the fix: a warning, not all red
        if (Boolean.FALSE.equals(result.acrossHosts())) overlay.getStyleClass().add("swarm-problem");
        else if (!result.works()) overlay.getStyleClass().add("swarm-warning");
    }

    void overlayFailed(String why) {
        overlay.setText(why);
    }

    /** The last action's outcome, or what is being done. */
    void say(String text, boolean error) {
        status.setText(text);
        status.getStyleClass().removeAll("swarm-error");
        if (error) status.getStyleClass().add("swarm-error");
    }
}
