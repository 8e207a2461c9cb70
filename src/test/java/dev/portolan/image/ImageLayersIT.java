package dev.portolan.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.image.FileChange.Change;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A three-step image built on the engine, read back as layers and files. */
class ImageLayersIT extends EngineTest {

    static final String DOCKERFILE = """
            FROM portolan-test/busybox
            LABEL dev.portolan.test=layers
            RUN mkdir /app && echo hello > /app/hello.txt
            RUN dd if=/dev/zero of=/app/big.bin bs=1024 count=64 && echo more >> /app/hello.txt
            RUN rm /app/big.bin
            """;

    @TempDir
    static Path folder;
    static final String TAG = TestEngine.uniqueName("portolan-test/layers-it").toLowerCase() + ":1";
    static final List<BuildStep> steps = new ArrayList<>();
    static String imageId;

    @BeforeAll
    static void build() throws Exception {
        Files.writeString(folder.resolve("Dockerfile"), DOCKERFILE);
        imageId = ImageBuild.build(engine.docker(), folder, TAG, listener(steps), () -> false);
    }

    @AfterAll
    static void removeImage() {
        engine.docker().removeImageCmd(TAG).withForce(true).exec();
    }

    static ImageBuild.Listener listener(List<BuildStep> into) {
        return ImageBuild.Listener.steps(into::add);
    }

    @Test
    void theBuildReportsEachStepAsItFinishesAndTheCacheOnASecondBuild() {
        assertEquals(5, steps.size(), steps.toString());
        assertTrue(steps.getFirst().isFrom());
        assertEquals(List.of(1, 2, 3, 4, 5), steps.stream().map(BuildStep::number).toList());
        assertTrue(steps.get(2).instruction().startsWith("RUN mkdir /app"), steps.get(2).instruction());

        List<BuildStep> again = new ArrayList<>();
        String sameId = ImageBuild.build(engine.docker(), folder, TAG, listener(again), () -> false);
        assertTrue(imageId.startsWith(sameId) || sameId.startsWith(imageId.substring(0, 12)), sameId + " vs " + imageId);
        assertTrue(again.stream().skip(1).allMatch(BuildStep::cached), "every step after FROM is a cache hit: " + again);
    }

    @Test
    void theLayersCarryTheirDockerfileLinesAndTheLabelMadeNone() {
        List<ImageLayer> layers = ImageLayers.read(engine.docker(), TAG);
        assertEquals(5, layers.size(), layers.toString());
        List<ImageLayer> made = layers.stream().filter(l -> !l.isEmpty()).toList();
        assertEquals(4, made.size(), "busybox's layer + three RUN layers");
        assertEquals("docker import of a tar stream", layers.getFirst().instruction(), "the test's busybox, imported: "
                + layers.getFirst().comment());
        assertTrue(layers.get(1).isEmpty(), "LABEL makes no layer: " + layers.get(1));
        assertTrue(layers.get(1).instruction().startsWith("LABEL"), layers.get(1).instruction());
        assertTrue(layers.get(2).instruction().startsWith("RUN mkdir /app"), layers.get(2).instruction());
        assertTrue(layers.get(3).instruction().startsWith("RUN dd "), layers.get(3).instruction());
        assertTrue(layers.get(4).instruction().startsWith("RUN rm /app/big.bin"), layers.get(4).instruction());
        var diffIds = engine.docker().inspectImageCmd(TAG).exec().getRootFS().getLayers();
        assertEquals(diffIds, made.stream().map(ImageLayer::diffId).toList());
    }

    @Test
    void theArchiveShowsWhatEachLayerAddedModifiedAndRemovedAndWhatIsWasted() throws Exception {
        ImageContents contents;
        long size = engine.docker().inspectImageCmd(TAG).exec().getSize();
        List<Long> reports = new ArrayList<>();
        TransferProgress progress = TransferProgress.of((done, expected) -> reports.add(done), () -> false);
        try (InputStream archive = engine.docker().saveImageCmd(TAG).exec()) {
            contents = ImageArchiveReader.read(archive, size, progress);
        }
        assertFalse(reports.isEmpty(), "progress was reported");
        assertEquals(ImageLayers.read(engine.docker(), TAG).stream().map(ImageLayer::diffId).toList(),
                contents.layers().stream().map(ImageLayer::diffId).toList(), "the archive and the history agree");

        assertEquals(Change.ADDED, change(contents, 2, "app/hello.txt"));
        assertEquals(Change.ADDED, change(contents, 2, "app"));
        assertEquals(Change.ADDED, change(contents, 3, "app/big.bin"));
        assertEquals(Change.MODIFIED, change(contents, 3, "app/hello.txt"));
        assertEquals(Change.REMOVED, change(contents, 4, "app/big.bin"));
        assertTrue(contents.changesOf(1).isEmpty(), "the LABEL step changed no file");
        assertTrue(contents.changesOf(0).stream().anyMatch(f -> f.path().equals("bin/busybox")), "busybox's own layer");

        Map<String, Waste> waste = contents.waste().stream().collect(Collectors.toMap(Waste::path, w -> w));
        assertEquals(65536, waste.get("app/big.bin").bytes(), "added, then removed: all of it is wasted");
        assertEquals(6, waste.get("app/hello.txt").bytes(), "\"hello\\n\" was overwritten by a later layer");
        assertEquals(65536 + 6, contents.wastedBytes());
        assertTrue(contents.efficiency() < 1.0 && contents.efficiency() > 0.9, "efficiency " + contents.efficiency());

        assertTrue(merged(contents, 3).containsKey("app/big.bin"), "visible up to the dd layer");
        assertFalse(merged(contents, 4).containsKey("app/big.bin"), "gone in the final image");
        assertEquals("hello\nmore\n".length(), merged(contents, 4).get("app/hello.txt").sizeBytes());
        assertEquals(3, merged(contents, 4).get("app/hello.txt").layer(), "the visible hello.txt came from layer 3");
    }

    @Test
    void aFailingStepSaysWhatFailedAndBadInputIsRefusedBeforeTheEngineIsAsked(@TempDir Path other) throws Exception {
        assertNotNull(ImageBuild.problem(other, ""), "no Dockerfile");
        assertEquals(other + " has no Dockerfile: choose the folder that holds it.", ImageBuild.problem(other, ""));
        Files.writeString(other.resolve("Dockerfile"), "FROM portolan-test/busybox\nRUN exit 3\n");
        assertTrue(ImageBuild.problem(other, "Bad Name").contains("is not an image name"));
        assertNull(ImageBuild.problem(other, "localhost:5000/team/app:1.0"));
        int containersBefore = engine.docker().listContainersCmd().withShowAll(true).exec().size();
        var failed = assertThrows(InvalidInputException.class,
                () -> ImageBuild.build(engine.docker(), other, "", listener(new ArrayList<>()), () -> false));
        assertTrue(failed.getMessage().contains("returned a non-zero code: 3"), failed.getMessage());
        assertEquals(containersBefore, engine.docker().listContainersCmd().withShowAll(true).exec().size(),
                "the failed step's container is removed too");
    }

    @Test
    void withoutARegistryAPullSaysSoAndWhatToDoInstead() {
        var failed = assertThrows(InvalidInputException.class, () -> ImagePull.pull(engine.docker(), "local",
                "alpine:3", new ImagePull.Listener() {
                    @Override
                    public void layer(ImagePull.LayerProgress progress) {}

                    @Override
                    public void status(String text) {}
                }, () -> false));
        assertTrue(failed.getMessage().startsWith("No registry is reachable from local"), failed.getMessage());
        assertTrue(failed.getMessage().contains("Copy alpine:3 from a host that has it"), failed.getMessage());
    }

    @Test
    void aCancelledReadStopsWithCancellation() throws Exception {
        TransferProgress cancelAtOnce = TransferProgress.of((done, expected) -> {}, () -> true);
        try (InputStream archive = engine.docker().saveImageCmd(TAG).exec()) {
            assertThrows(CancellationException.class, () -> ImageArchiveReader.read(archive, 1, cancelAtOnce));
        }
    }

    private static Change change(ImageContents contents, int layer, String path) {
        return contents.changesOf(layer).stream().filter(f -> f.path().equals(path)).map(FileChange::change)
                .findFirst().orElse(null);
    }

    private static Map<String, FileChange> merged(ImageContents contents, int layer) {
        return contents.mergedUpTo(layer).stream().collect(Collectors.toMap(FileChange::path, f -> f));
    }
}
