package dev.portolan.bench;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.Delta;
import dev.portolan.inventory.HostInventory;
import dev.portolan.inventory.HostStatus;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.SyntheticCluster;
import dev.portolan.ui.actions.ActionRunner;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.diagram.DiagramFilter;
import dev.portolan.ui.diagram.DiagramLayout;
import dev.portolan.ui.diagram.DiagramView;
import dev.portolan.ui.diagram.HostSnapshot;
import dev.portolan.ui.model.ChangesOnFx;
import dev.portolan.ui.model.HostModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Issue 6's numbers on a made-up cluster of 10 hosts, 2,000 containers, 50 networks and
 * 300 volumes: the first picture (layout + paint), one container's change, and frame
 * times while 1,000 changes arrive. Beside them, in the same run: the same cards as a
 * scene graph of controls (what the canvas avoids), and the frames of the same burst
 * with the diagram not shown.
 */
class DiagramBench {

    private static final int HOSTS = 10;

    @Test
    void diagramOfTwoThousandContainers() throws Exception {
        run(2000, "diagram", true);
    }

    /** Issue 22's size: ten times as many (the controls baseline is left out: it takes minutes). */
    @Test
    void diagramOfTenThousandContainers() throws Exception {
        run(10_000, "diagram-10000", false);
    }

    private void run(int containers, String name, boolean withControls) throws Exception {
        List<HostInventory> CLUSTER = SyntheticCluster.of(HOSTS, containers, 50, 300, 42);
        FxToolkit.registerPrimaryStage();
        List<ObservableList<HostModel>> viewed = new ArrayList<>(List.of(models(CLUSTER)));

        // layout alone, cold (a new layout each time)
        List<Double> layoutOnly = new ArrayList<>();
        List<HostSnapshot> snapshots = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) snapshots.add(new HostSnapshot("node" + h, "bench", "live", CLUSTER.get(h)));
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            new DiagramLayout().layout(snapshots, DiagramFilter.NONE);
            if (i >= 5) layoutOnly.add((System.nanoTime() - start) / 1e6);
        }

        // the first picture: a new view in a 1280 x 800 window, laid out and painted
        List<Double> firstPicture = new ArrayList<>();
        Stage[] stage = new Stage[1];
        DiagramView[] view = new DiagramView[1];
        for (int round = 0; round < 8; round++) {
            // each round's view on models of its own, as the window's one view is: a view listens to its models
            // for as long as they live, so views on shared models would pile up in the heap round after round
            ObservableList<HostModel> own = round == 0 ? viewed.getFirst() : models(CLUSTER);
            // one FX task from a new view to its first painted picture: no pulse can do part of the work
            double millis = FxThread.get(() -> {
                if (stage[0] != null) stage[0].close();
                long start = System.nanoTime();
                view[0] = new DiagramView(own, m -> Optional.empty(), new ContainerActions(new ActionRunner()),
                        new SimpleObjectProperty<>(), m -> {}, null, new dev.portolan.testing.TestDialogs());
                stage[0] = new Stage();
                Scene scene = new Scene((javafx.scene.Parent) view[0].root(), 1280, 800);
                dev.portolan.ui.PortolanApp.Themes.apply(scene, false); // the window's own theme and stylesheet
                stage[0].setScene(scene);
                stage[0].show();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                view[0].refreshNow();
                return (System.nanoTime() - start) / 1e6;
            });
            if (round >= 3) firstPicture.add(millis);
            viewed.set(0, own);
        }
        ObservableList<HostModel> models = viewed.getFirst(); // the shown view's
        int cards = FxThread.get(() -> view[0].layout().cards().size());

        // one container's change: its host laid out again, the picture painted again
        List<Double> oneChange = new ArrayList<>();
        List<Double> oneChangeLayout = new ArrayList<>();
        DiagramLayout warm = new DiagramLayout();
        warm.layout(snapshots, DiagramFilter.NONE);
        for (int i = 0; i < 200; i++) {
            int h = i % HOSTS;
            HostInventory next = flipOne(models.get(h).inventory(), i);
            long start = System.nanoTime();
            List<HostSnapshot> changed = new ArrayList<>(snapshots);
            changed.set(h, new HostSnapshot("node" + h, "bench", "live", next));
            warm.layout(changed, DiagramFilter.NONE);
            oneChangeLayout.add((System.nanoTime() - start) / 1e6);
            snapshots = changed;
            double millis = FxThread.get(() -> {
                models.get(h).apply(next);
                long s = System.nanoTime();
                view[0].refreshNow();
                return (System.nanoTime() - s) / 1e6;
            });
            if (i >= 50) oneChange.add(millis);
        }

        // frame times while 1,000 changes arrive, about one a millisecond, with and without the diagram
        Stats withDiagram = burstFrames(models);
        FxThread.run(() -> stage[0].close());
        Stats without = burstFrames(models);

        Stats scene = withControls ? sceneGraphBaseline(CLUSTER) : Stats.of(List.of());

        BenchReport report = new BenchReport(name);
        report.line(String.format("(6) synthetic cluster: %d hosts, %d containers drawn, 50 networks, 300 volumes; window 1280 x 800",
                HOSTS, cards));
        report.line(Stats.header());
        report.line(Stats.of(layoutOnly).row("layout alone (cold)"));
        report.line(Stats.of(firstPicture).row("first picture: view, layout, paint"));
        if (withControls) report.line(scene.row("baseline: cards as controls, CSS+layout"));
        report.line(Stats.of(oneChangeLayout).row("one change: layout"));
        report.line(Stats.of(oneChange).row("one change: layout + paint"));
        report.line(withDiagram.row("frame interval, 1000-event burst"));
        report.line(without.row("same burst, diagram not shown"));
        report.line(withControls ? "goals: first picture <= 250 ms; one change <= 5 ms"
                : "goals (issue 22): first picture <= 250 ms; one change <= 5 ms at p95; frame interval p95 <= 20 ms");
        report.put("layoutAlone", Stats.of(layoutOnly));
        report.put("firstPicture", Stats.of(firstPicture));
        report.put("sceneGraphBaseline", scene);
        report.put("oneChangeLayout", Stats.of(oneChangeLayout));
        report.put("oneChangeLayoutAndPaint", Stats.of(oneChange));
        report.put("burstFrames", withDiagram);
        report.put("burstFramesWithoutDiagram", without);
        report.finish();
    }

    /** Live models of the cluster's hosts, made on the FX thread. */
    private static ObservableList<HostModel> models(List<HostInventory> cluster) {
        ObservableList<HostModel> models = FXCollections.observableArrayList();
        FxThread.run(() -> {
            for (int h = 0; h < HOSTS; h++) {
                HostModel model = new HostModel(dev.portolan.host.HostKey.endpoint("node" + h), "simulated host", null);
                model.setStatus(new HostStatus.Live(Instant.now()));
                model.apply(cluster.get(h));
                models.add(model);
            }
        });
        return models;
    }

    /** The inventory with one of its containers started or stopped (the i-th pick). */
    private static HostInventory flipOne(HostInventory inventory, int i) {
        ContainerInfo c = picked(inventory, i);
        Map<String, ContainerInfo> next = new HashMap<>(inventory.containers());
        next.put(c.id(), SyntheticCluster.flipped(c));
        return inventory.withContainers(next);
    }

    private static ContainerInfo picked(HostInventory inventory, int i) {
        List<ContainerInfo> all = List.copyOf(inventory.containers().values());
        return all.get((i * 7) % all.size());
    }

    /**
     * Frame-to-frame intervals on the FX thread while a thread offers 1,000 changes the way a host
     * session does (the snapshot and the delta that made it, through the model's changes feed).
     */
    private static Stats burstFrames(ObservableList<HostModel> models) throws Exception {
        List<Double> intervals = new CopyOnWriteArrayList<>();
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) intervals.add((now - last[0]) / 1e6);
                last[0] = now;
            }
        };
        List<ChangesOnFx> feeds = new ArrayList<>();
        for (HostModel m : models) feeds.add(m.changesFeed());
        List<HostInventory> current = new ArrayList<>(FxThread.get(() -> models.stream().map(HostModel::inventory).toList()));
        // a feed's first snapshot is applied whole (a session's first): before the clock starts
        for (int h = 0; h < models.size(); h++) feeds.get(h).offer(current.get(h), List.of());
        FxThread.run(() -> {});
        FxThread.run(timer::start);
        for (int i = 0; i < 1000; i++) {
            int h = i % models.size();
            String id = picked(current.get(h), i).id();
            current.set(h, flipOne(current.get(h), i));
            feeds.get(h).offer(current.get(h), List.of(new Delta(Delta.Kind.CONTAINER, id, Delta.Change.CHANGED)));
            Thread.sleep(1);
        }
        Thread.sleep(200);
        FxThread.run(timer::stop);
        return Stats.of(intervals);
    }

    /** The cards as a scene graph (a VBox of three labels each, in a FlowPane), shown and laid out once. */
    private static Stats sceneGraphBaseline(List<HostInventory> CLUSTER) {
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            times.add(FxThread.get(() -> {
                long start = System.nanoTime();
                FlowPane pane = new FlowPane(12, 12);
                for (HostInventory inventory : CLUSTER) {
                    for (ContainerInfo c : inventory.containers().values()) {
                        VBox card = new VBox(new Label(c.name()), new Label(c.state().word()), new Label(c.image()));
                        card.getStyleClass().add("diagram-card");
                        card.setPrefSize(196, 70);
                        pane.getChildren().add(card);
                    }
                }
                Stage stage = new Stage();
                stage.setScene(new Scene(new javafx.scene.control.ScrollPane(pane), 1280, 800));
                stage.show();
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                double millis = (System.nanoTime() - start) / 1e6;
                stage.close();
                return millis;
            }));
        }
        return Stats.of(times.subList(1, times.size()));
    }
}
