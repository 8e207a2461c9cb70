package dev.portolan.ui.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.HostConfig;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.image.ImageBuild;
import dev.portolan.image.LayerGraph.Node;
import dev.portolan.image.TransferProgress;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.diagram.Layout;
import dev.portolan.ui.hosts.ProgressWindow;
import dev.portolan.ui.layers.ImageStack;
import dev.portolan.ui.layers.ImageStack.Entry;
import dev.portolan.ui.layers.ImageStack.Mark;
import dev.portolan.ui.layers.LayerGraphLayout.Block;
import dev.portolan.ui.layers.LayerGraphLayout.Tip;
import dev.portolan.ui.layers.LayerGraphView;
import dev.portolan.ui.layers.StackView;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers as pictures, on the real engine: two images from a shared base in the layer
 * graph (shared steps once), an image copied to a simulated host marked on both, a
 * container's own changes on its stack's top sheet, live, a build's sheets in order, export.
 */
class LayerPicturesIT extends WindowTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String LAB = "lp" + RUN;
    private static final String WEB = "portolan-test/layers-web-" + RUN + ":1";
    private static final String API = "portolan-test/layers-api-" + RUN + ":1";
    private static final String BUILT = "portolan-test/layers-built-" + RUN + ":1";

    @TempDir
    static Path dockerConfig;
    @TempDir
    static Path folder;

    @BeforeAll
    static void buildTwoImagesFromOneBase() throws Exception {
        build("web", WEB, """
                FROM portolan-test/busybox
                RUN mkdir /app && echo shared-%s > /app/shared.txt && echo a > /app/a.txt
                RUN echo web-%s > /app/web.txt
                """.formatted(RUN, RUN));
        build("api", API, """
                FROM portolan-test/busybox
                RUN mkdir /app && echo shared-%s > /app/shared.txt && echo a > /app/a.txt
                RUN echo api-%s > /app/api.txt && rm /app/a.txt
                """.formatted(RUN, RUN));
    }

    private static void build(String name, String tag, String dockerfile) throws Exception {
        Path dir = Files.createDirectories(folder.resolve(name));
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        ImageBuild.build(engine.docker(), dir, tag, ImageBuild.Listener.steps(step -> {}), () -> false);
    }

    @AfterAll
    static void removeLabAndImages() {
        engine.removeLab(LAB);
        for (String tag : List.of(WEB, API, BUILT)) {
            try {
                engine.docker().removeImageCmd(tag).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException notBuilt) {
                // that test did not get as far as building it
            }
        }
    }

    @BeforeEach
    void openWindow() throws Exception {
        open(new EndpointResolver(Map.of(), dockerConfig, false));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> local().isLive());
    }

    private HostModel local() {
        return FxThread.get(() -> window.hosts().getFirst());
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }

    private String imageId(String tag) {
        return engine.docker().inspectImageCmd(tag).exec().getId();
    }

    private LayerGraphView graph() {
        return FxThread.get(() -> robot.lookup("#layer-graph-canvas").tryQuery().map(LayerGraphView::of).orElse(null));
    }

    /** The graph's step whose line contains {@code text}. */
    private List<Block> blocks(String text) {
        return FxThread.get(() -> graph().layout().blocks().stream()
                .filter(b -> b.node().known() && b.node().step().instruction().contains(text)).toList());
    }

    private boolean historiesRead(String... imageIds) {
        LayerGraphView view = graph();
        if (view == null) return false;
        for (String id : imageIds) {
            Tip tip = view.layout().tip(id);
            if (tip == null || !tip.node().known()) return false;
        }
        return true;
    }

    @Test
    void twoImagesFromASharedBaseDrawTheirSharedStepsOnceTheirOwnApartAndExportAsPngAndSvg() throws Exception {
        String webId = imageId(WEB);
        String apiId = imageId(API);
        click("#open-layer-graph");
        waitFor("the graph has both images with their histories", Duration.ofSeconds(20), () -> historiesRead(webId, apiId));

        List<Block> shared = blocks("echo shared-" + RUN);
        assertEquals(1, shared.size(), "the shared step is drawn once");
        Node sharedNode = shared.getFirst().node();
        assertEquals(Set.of(webId, apiId), Set.copyOf(sharedNode.images().stream().map(i -> i.id()).toList()));
        Block web = blocks("echo web-" + RUN).getFirst();
        Block api = blocks("echo api-" + RUN).getFirst();
        assertEquals(sharedNode, web.node().parent(), "web's own step grows on the shared one");
        assertEquals(sharedNode, api.node().parent());
        assertEquals(1, web.node().images().size());
        assertTrue(web.bounds().y() + web.bounds().h() < shared.getFirst().bounds().y(), "above it");
        assertTrue(web.bounds().x() >= shared.getFirst().bounds().x() && api.bounds().x() + api.bounds().w()
                <= shared.getFirst().bounds().x() + shared.getFirst().bounds().w(), "both within the shared step's width");
        assertTrue(!web.bounds().intersects(api.bounds()), "each image's own step apart");
        Node busybox = sharedNode.parent();
        while (busybox.parent() != null) busybox = busybox.parent();
        assertTrue(busybox.images().size() >= 3, "the base holds busybox and both images");

        retype("#layer-graph-search", "web-" + RUN);
        // the graph may be read again meanwhile (its nodes are values): compare with the steps drawn now
        waitFor("the search outlines web's step", Duration.ofSeconds(15),
                () -> graph().found().contains(blocks("echo web-" + RUN).getFirst().node()));
        assertTrue(!FxThread.get(() -> graph().found().contains(blocks("echo shared-" + RUN).getFirst().node())));

        Tip webTip = FxThread.get(() -> graph().layout().tip(webId));
        FxThread.run(() -> graph().picture().keepInView(webTip.bounds()));
        FxThread.run(() -> graph().picture().frame());
        click(FxThread.get(() -> graph().picture().toScreen(webTip.bounds().centerX(), webTip.bounds().centerY())));
        waitFor("the details name the image", Duration.ofSeconds(5), () -> robot.lookup("#layer-graph-stack").tryQuery().isPresent());
        assertEquals(WEB, FxThread.get(() -> ((Tip) graph().selectedProperty().get()).image().name()));

        Exported exported = exportPngAndSvg("layer-graph", "layers", "layer-graph");
        assertTrue(exported.png().getWidth() > 300 && exported.png().getHeight() > 80,
                exported.png().getWidth() + " x " + exported.png().getHeight());
        assertTrue(exported.svg().contains(">layers-web-" + RUN + ":1<"), "the SVG names the image, without its namespace");
    }

    @Test
    void anImageCopiedToASimulatedHostMarksItsLayersOnBothAndSaysWhatTheOtherLacks() throws Exception {
        String key = LAB + "/node1";
        FxThread.run(() -> window.controller().create(new SimulatedHostSpec(LAB, "node1", TestEngine.DIND, List.of()),
                new ProgressWindow(null, "test")));
        waitFor(key + " is live", Duration.ofSeconds(30), () -> host(key) != null && host(key).isLive());
        var from = FxThread.get(() -> window.session(local()).operations());
        var to = FxThread.get(() -> window.session(host(key)).operations());
        from.copyImageTo(to, WEB, TransferProgress.of((done, of) -> {}, () -> false));

        String webId = imageId(WEB);
        String apiId = imageId(API);
        waitFor(key + " lists web", Duration.ofSeconds(10), () -> host(key).inventory().images().containsKey(webId));
        FxThread.run(() -> window.images().copy(local(), local().inventory().images().get(apiId), null));
        String state = "#copy-state-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
        waitFor("the copy window lists " + key, Duration.ofSeconds(5), () -> robot.lookup(state).tryQuery().isPresent());
        assertEquals("holds 2 of its 3 layers already", text(state), "busybox's layer and the shared step are there with web");
        click("#copy-show-graph");
        waitFor("the graph has both images with their histories", Duration.ofSeconds(20), () -> historiesRead(webId, apiId));
        waitFor("web's steps are on both hosts", Duration.ofSeconds(20), () -> blocks("echo web-" + RUN).stream()
                .anyMatch(b -> b.node().hosts().equals(Set.of("local", key))));
        assertEquals(Set.of("local", key), blocks("echo shared-" + RUN).getFirst().node().hosts(), "the shared step too");
        assertEquals(Set.of("local"), blocks("echo api-" + RUN).getFirst().node().hosts(), "api's own step only here");

        waitFor("the graph selected api, from the copy window", Duration.ofSeconds(5),
                () -> graph().selectedProperty().get() instanceof Tip t && t.image().id().equals(apiId));
        assertEquals(key, FxThread.get(() -> robot.lookup("#layer-graph-fade").queryAs(ComboBox.class).getValue()),
                "what the ticked host lacks is faded");
        String lacks = FxThread.get(() -> robot.lookup("#layer-graph-details").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.startsWith(key + " lacks")).findFirst().orElse(""));
        assertTrue(lacks.startsWith(key + " lacks 1 of its "), "node1 has the base and the shared step already: " + lacks);

        FxThread.run(() -> robot.lookup("#layer-graph-scope").queryAs(ComboBox.class).setValue(key));
        waitFor("only node1's images are drawn", Duration.ofSeconds(10),
                () -> graph().layout().tip(apiId) == null && graph().layout().tip(webId) != null);

        // the host goes away: its images stay drawn as last seen, and the window says so
        engine.docker().stopContainerCmd("portolan-" + LAB + "-node1").withTimeout(1).exec();
        waitFor("the graph says node1 is not connected", Duration.ofSeconds(20),
                () -> text("#layer-graph-status").endsWith(key + " is not connected: its images as last seen."));
        assertTrue(FxThread.get(() -> graph().layout().tip(webId)) != null, "web as last seen on node1");
    }

    @Test
    void aContainersOwnChangesAreItsStacksTopSheetLiveAndItsRemovalIsSaid() throws Exception {
        FxThread.run(() -> window.showDiagram(true));
        String name = TestEngine.uniqueName("stack");
        String id = engine.docker().createContainerCmd(WEB).withName(name).withLabels(Map.of(TestEngine.LABEL, "true"))
                .withCmd("sh", "-c", "echo new > /tmp/new.txt; echo more >> /app/shared.txt; rm /app/a.txt;"
                        + " trap 'exit 0' TERM; sleep 3600 & wait")
                .withHostConfig(HostConfig.newHostConfig()).withStopTimeout(1).exec().getId();
        engine.docker().startContainerCmd(id).exec();
        waitFor(name + " is on the diagram", Duration.ofSeconds(10), () -> card(name) != null);

        javafx.application.Platform.runLater(() -> window.diagram().menuFor(card(name)).getItems().stream()
                .filter(i -> "container-stack".equals(i.getId())).findFirst().orElseThrow().fire());
        waitFor("the top sheet lists what it wrote, changed and deleted", Duration.ofSeconds(15), () -> {
            List<Entry> top = topSheet();
            return top.contains(new Entry("tmp/new.txt", 0, Mark.ADDED)) && top.contains(new Entry("app/shared.txt", 0, Mark.CHANGED))
                    && top.contains(new Entry("app/a.txt", 0, Mark.DELETED));
        });
        waitFor("the image's files are read: a.txt is crossed through below", Duration.ofSeconds(20), () -> {
            var sheets = stack().layout().sheets();
            return sheets.stream().anyMatch(p -> p.sheet().entries().contains(new Entry("app/a.txt", 2, Mark.HIDDEN)));
        });

        engine.docker().execStartCmd(engine.docker().execCreateCmd(id).withCmd("touch", "/tmp/later.txt").exec().getId())
                .start().awaitCompletion();
        waitFor("a file written later shows on the top sheet", Duration.ofSeconds(10),
                () -> topSheet().contains(new Entry("tmp/later.txt", 0, Mark.ADDED)));

        type("#stack-search", "later.txt");
        waitFor("the search outlines the container's sheet", Duration.ofSeconds(5),
                () -> stack().found().size() == 1 && stack().found().iterator().next().sheet().container());

        Exported exported = exportPngAndSvg("stack", "layers", "stack-with-container");
        assertTrue(exported.svg().contains("container " + name), "the SVG has the container's sheet");

        engine.docker().removeContainerCmd(id).withForce(true).exec();
        waitFor("the window says the container is gone", Duration.ofSeconds(10),
                () -> robot.lookup("#stack-summary").queryLabeled().getText().contains("There is no container " + name));
    }

    @Test
    void aBuildDrawsEachSheetAsItsStepFinishesInOrder() throws Exception {
        Path dir = Files.createDirectories(folder.resolve("slow"));
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM portolan-test/busybox
                RUN sleep 1 && echo one-%s > /one
                ENV STEP=two
                RUN sleep 1 && echo three > /three
                """.formatted(RUN));
        FxThread.run(() -> window.images().build(local(), null));
        FxThread.run(() -> robot.lookup("#build-folder").queryAs(TextInputControl.class).setText(dir.toString()));
        FxThread.run(() -> robot.lookup("#build-tag").queryAs(TextInputControl.class).setText(BUILT));
        click("#build-start");
        List<Integer> counts = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until && !FxThread.get(() -> robot.lookup("#build-outcome").queryLabeled().getText())
                .startsWith("Built")) {
            int now = FxThread.get(() -> StackView.of(robot.lookup("#build-stack").query()).layout().sheets().size());
            if (counts.isEmpty() || counts.getLast() != now) counts.add(now);
            Thread.sleep(20);
        }
        int last = FxThread.get(() -> StackView.of(robot.lookup("#build-stack").query()).layout().sheets().size());
        if (counts.getLast() != last) counts.add(last);
        // a step that changes only metadata can finish within a frame of the one before: most, not all, are seen one by one
        assertTrue(counts.stream().filter(n -> n > 0).count() >= 3 && counts.getLast() == 4,
                "a sheet per step, as each finishes: " + counts);
        assertEquals(counts.stream().sorted().toList(), counts, "sheets only ever added: " + counts);
        waitFor("the built image's sheets, with their sizes", Duration.ofSeconds(10), () -> {
            var sheets = StackView.of(robot.lookup("#build-stack").query()).layout().sheets();
            return sheets.size() >= 4 && sheets.getLast().sheet().line().startsWith("RUN sleep 1 && echo three")
                    && sheets.get(sheets.size() - 2).sheet().line().equals("ENV STEP=two");
        });
    }

    private Layout.Card card(String name) {
        return FxThread.get(() -> {
            window.diagram().refreshNow();
            Layout layout = window.diagram().layout();
            return layout == null ? null : layout.cardNamed(name);
        });
    }

    private StackView stack() {
        return robot.lookup("#stack-canvas").tryQuery().map(StackView::of).orElse(null);
    }

    /** On the FX thread: the container's sheet's paths, or none yet. */
    private List<Entry> topSheet() {
        StackView view = stack();
        if (view == null || view.layout().sheets().isEmpty()) return List.of();
        ImageStack.Sheet top = view.layout().sheets().getLast().sheet();
        return top.container() ? top.entries() : List.of();
    }
}
