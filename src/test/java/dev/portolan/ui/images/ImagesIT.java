package dev.portolan.ui.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineClients;
import dev.portolan.host.simulated.SimulatedHostSpec;
import dev.portolan.image.BuildStep;
import dev.portolan.image.FileChange;
import dev.portolan.image.FileTree;
import dev.portolan.image.ImageBuild;
import dev.portolan.image.ImageLayer;
import dev.portolan.image.Waste;
import dev.portolan.inventory.ImageInfo;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.hosts.ProgressWindow;
import dev.portolan.ui.model.HostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images from the window: build with steps, layers with files and waste, copy to a simulated host, pull. */
class ImagesIT extends WindowTest {

    private static final String LAB = "img" + UUID.randomUUID().toString().substring(0, 6);
    private static final String TAG = "portolan-test/images-it-" + LAB + ":1";
    private static final String COPY_TAG = "portolan-test/images-it-" + LAB + ":copy";

    @TempDir
    static Path dockerConfig;
    @TempDir
    static Path folder;

    /** Three steps after FROM, the first as long as real ones are; the marker makes it new to the build cache. */
    static String dockerfile(String marker) {
        return """
                FROM portolan-test/busybox
                RUN mkdir /app && echo %s > /app/hello.txt && echo "a line longer than the list of steps is wide" > /dev/null
                RUN dd if=/dev/zero of=/app/big.bin bs=1024 count=64
                RUN rm /app/big.bin
                """.formatted(marker);
    }

    @BeforeAll
    static void writeDockerfile() throws Exception {
        Files.writeString(folder.resolve("Dockerfile"), dockerfile(LAB));
    }

    @AfterAll
    static void removeLabAndImages() {
        engine.removeLab(LAB);
        // by name, never by a list filter: only what these tests built is removed
        for (String tag : List.of(TAG, COPY_TAG)) {
            try {
                engine.docker().removeImageCmd(tag).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException notBuilt) {
                // that test did not get as far as building it
            }
        }
    }

    @BeforeEach
    void openImagesTab() throws Exception {
        open(new EndpointResolver(Map.of(), dockerConfig, false));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> local().isLive());
        click("#tab-images");
    }

    private HostModel local() {
        return FxThread.get(() -> window.hosts().getFirst());
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }


    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String query) {
        return FxThread.get(() -> robot.lookup(query).queryAs(TableView.class));
    }

    private void selectImage(String tag) {
        waitFor(tag + " is in the images table", Duration.ofSeconds(5),
                () -> local().images().stream().anyMatch(i -> i.tags().contains(tag)));
        FxThread.run(() -> {
            TableView<ImageInfo> images = table("#images-table");
            images.getItems().stream().filter(i -> i.tags().contains(tag)).findFirst()
                    .ifPresent(i -> images.getSelectionModel().select(i));
        });
    }

    @Test
    void aBuildFromTheWindowShowsItsStepsThenItsLayersFilesAndWaste() {
        click("#image-build");
        waitFor("the window opens", Duration.ofSeconds(5), () -> exists("#build-problem"));
        assertTrue(FxThread.get(() -> robot.lookup("#build-problem").query().getStyleClass().contains("muted")),
                "before anything is typed, what to do is a hint, not an error");
        assertTrue(exists("#build-sheets-empty"), "the empty Sheets tab says what will show there");
        retype("#build-folder", folder.resolve("nothing-here").toString());
        waitFor("a wrong folder is named", Duration.ofSeconds(2),
                () -> robot.lookup("#build-problem").queryLabeled().getText().contains("is not a folder"));
        assertTrue(FxThread.get(() -> robot.lookup("#build-problem").query().getStyleClass().contains("error-text")), "as an error");
        assertTrue(FxThread.get(() -> robot.lookup("#build-start").query().isDisabled()), "Build waits for a good folder");

        retype("#build-folder", folder.toString());
        retype("#build-tag", TAG);
        click("#build-start");
        waitFor("the build is done", Duration.ofSeconds(60),
                () -> robot.lookup("#build-outcome").queryLabeled().getText().startsWith("Built " + TAG));
        // sorted by Created, the images are in the order they were made (as text, "29 min ago" came before "30 min ago")
        List<java.time.Instant> byCreated = FxThread.get(() -> {
            TableView<ImageInfo> images = table("#images-table");
            var created = images.getColumns().stream().filter(c -> c.getText().equals("Created")).findFirst().orElseThrow();
            created.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            images.getSortOrder().setAll(List.of(created));
            return images.getItems().stream().map(ImageInfo::created).toList();
        });
        assertEquals(byCreated.stream().sorted().toList(), byCreated, "oldest first");
        List<BuildStep> steps = FxThread.get(() -> List.copyOf(robot.lookup("#build-steps").queryAs(ListView.class).getItems()));
        assertEquals(4, steps.size(), steps.toString());
        assertEquals(3, steps.stream().filter(s -> !s.isFrom() && !s.cached()).count(), "three new layers: " + steps);
        assertFalse(sidewaysScrollBar("#build-steps"), "a long RUN line ends in …, the list does not scroll sideways");
        assertFalse(exists("#build-sheets-empty"), "the sheets show instead of the hint");

        click("#build-show-layers");
        waitFor("the archive has been read", Duration.ofSeconds(30),
                () -> robot.lookup("#layers-summary").queryLabeled().getText().contains("efficiency"));
        TableView<ImageLayer> layers = table("#layers-table");
        List<ImageLayer> rows = FxThread.get(() -> List.copyOf(layers.getItems()));
        assertEquals(4, rows.size(), "busybox's layer and three new ones, bottom up: " + rows);
        assertTrue(rows.getLast().instruction().startsWith("RUN rm /app/big.bin"), rows.getLast().instruction());
        assertTrue(rows.get(1).instruction().startsWith("RUN mkdir /app"), rows.get(1).instruction());
        assertEquals(3, FxThread.get(() -> layers.getSelectionModel().getSelectedIndex()), "the newest layer is selected");

        FxThread.run(() -> layers.getSelectionModel().select(2)); // RUN dd
        waitFor("the dd layer's files show big.bin added", Duration.ofSeconds(5), () -> {
            FileTree.Node bigBin = find(filesRoot(), "app/big.bin");
            return bigBin != null && bigBin.change() == FileChange.Change.ADDED && bigBin.size() == 65536;
        });
        FxThread.run(() -> layers.getSelectionModel().select(3)); // RUN rm
        waitFor("the rm layer's files show big.bin removed", Duration.ofSeconds(5), () -> {
            FileTree.Node bigBin = find(filesRoot(), "app/big.bin");
            return bigBin != null && bigBin.change() == FileChange.Change.REMOVED;
        });
        click("#layer-mode-merged");
        waitFor("the merged tree has busybox and hello.txt but no big.bin", Duration.ofSeconds(5), () -> {
            FileTree.Node root = filesRoot();
            return find(root, "bin/busybox") != null && find(root, "app/hello.txt") != null && find(root, "app/big.bin") == null;
        });
        List<Waste> waste = FxThread.get(() -> List.copyOf(this.<Waste>table("#layer-waste").getItems()));
        assertEquals(List.of(new Waste("app/big.bin", 65536, 1)), waste);
    }

    @SuppressWarnings("unchecked")
    private FileTree.Node filesRoot() {
        TreeItem<FileTree.Node> root = robot.lookup("#layer-files").queryAs(TreeTableView.class).getRoot();
        return root == null ? null : root.getValue();
    }

    private static FileTree.Node find(FileTree.Node root, String path) {
        if (root == null) return null;
        FileTree.Node node = root;
        for (String name : path.split("/")) {
            node = node.children().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            if (node == null) return null;
        }
        return node;
    }

    @Test
    void anImageCopiedToASimulatedHostIsThereWithTheSameLayersAndALostHostIsNamed() throws Exception {
        String tag = COPY_TAG;
        Path copyFolder = Files.createDirectories(folder.resolve("copy"));
        Files.writeString(copyFolder.resolve("Dockerfile"), dockerfile(LAB + "-copy"));
        ImageBuild.build(engine.docker(), copyFolder, tag, ImageBuild.Listener.steps(step -> {}), () -> false);

        String key = LAB + "/node1";
        FxThread.run(() -> window.controller().create(new SimulatedHostSpec(LAB, "node1", TestEngine.DIND, List.of()),
                new ProgressWindow(null, "test")));
        waitFor(key + " is live", Duration.ofSeconds(30), () -> host(key) != null && host(key).isLive());

        selectImage(tag);
        click("#image-copy");
        String tickId = "#copy-to-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
        waitFor("the copy window lists " + key, Duration.ofSeconds(5), () -> robot.lookup(tickId).tryQuery().isPresent());
        FxThread.run(() -> robot.lookup(".check-box").queryAllAs(CheckBox.class)
                .forEach(box -> box.setSelected(box.getId() != null && box.getId().equals(tickId.substring(1)))));
        click("#copy-start");
        waitFor("the copy is done", Duration.ofSeconds(60),
                () -> robot.lookup("#copy-outcome").queryLabeled().getText().startsWith("Copied"));
        assertTrue(FxThread.get(() -> !robot.lookup(tickId).queryAs(CheckBox.class).isSelected()
                && robot.lookup("#copy-start").query().isDisabled()), "a host that has it now is not offered a second copy");

        List<String> here = engine.docker().inspectImageCmd(tag).exec().getRootFS().getLayers();
        try (EngineClients node = EngineClients.connect(host(key).endpoint())) {
            assertEquals(here, node.requests().inspectImageCmd(tag).exec().getRootFS().getLayers(),
                    "the same layers, by diff id, on the simulated host");
        }
        String imageId = engine.docker().inspectImageCmd(tag).exec().getId();
        waitFor("the images table says the node has it too", Duration.ofSeconds(10),
                () -> window.images().hostsWithImage(imageId, local()).contains(key));

        // the host goes away: opening its image's layers says so, in the status bar
        engine.docker().stopContainerCmd("portolan-" + LAB + "-node1").withTimeout(1).exec();
        waitFor(key + " is no longer live", Duration.ofSeconds(20), () -> !host(key).isLive());
        ImageInfo image = FxThread.get(() -> local().images().stream().filter(i -> i.id().equals(imageId)).findFirst().orElseThrow());
        FxThread.run(() -> window.images().layers(host(key), image, null));
        assertEquals(key + " is stopped: start it first (right-click it in Hosts ▸ Start).", text("#status-message"));
    }

    @Test
    void withoutARegistryAPullSaysSoAndWhatToDoInstead() {
        click("#image-pull");
        retype("#pull-reference", "alpine:3");
        click("#pull-start");
        waitFor("the pull says no registry is reachable", Duration.ofSeconds(20),
                () -> robot.lookup("#pull-outcome").queryLabeled().getText().startsWith("No registry is reachable from "
                        + local().name()));
        assertTrue(text("#pull-outcome").contains("Copy alpine:3 from a host that has it"), text("#pull-outcome"));
    }
}
