package dev.portolan.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.engine.EngineClients;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup container on the real engine: a volume with a database's files (and 24 MB of
 * noise) backed up with its SHA-256, restored byte for byte into a new volume and over one
 * that holds data, and every way it can go wrong said and leaving nothing half done.
 */
class VolumeArchiveIT extends EngineTest {

    @TempDir
    Path folder;
    private EngineClients clients;
    private VolumeArchive archive;
    private final List<String> volumes = new ArrayList<>();

    @BeforeEach
    void connect() {
        clients = EngineClients.connect(engine.endpoint());
        archive = new VolumeArchive(clients, "local");
    }

    @AfterEach
    void cleanUp() {
        for (String v : volumes) {
            engine.docker().listContainersCmd().withShowAll(true).withVolumeFilter(List.of(v)).exec()
                    .forEach(c -> engine.docker().removeContainerCmd(c.getId()).withForce(true).exec());
            try {
                engine.docker().removeVolumeCmd(v).exec();
            } catch (NotFoundException e) {
                // the test removed it
            }
        }
        clients.close();
    }

    @Test
    void aVolumeIsBackedUpAndRestoredByteForByte() throws Exception {
        String source = volumeWithData();
        Path file = folder.resolve("db.tar");
        List<String> steps = new ArrayList<>();

        VolumeArchive.Written written = archive.backup(source, file, progress(steps, Integer.MAX_VALUE));

        System.out.printf("[volume] backed up %,d bytes, %d progress steps%n", written.bytes(), steps.size());
        assertEquals(Files.size(file), written.bytes());
        assertEquals(written.sha256() + "  db.tar\n", Files.readString(VolumeArchive.manifest(file)));
        assertEquals(written.sha256(), VolumeArchive.checksum(file));
        assertTrue(steps.stream().anyMatch(s -> s.startsWith("Backing up " + source + ": 8 MB")), steps.toString());

        String target = TestEngine.uniqueName("restored");
        volumes.add(target);
        VolumeArchive.Restored restored = archive.restore(file, target, false, Progress.NONE);
        assertTrue(restored.created());
        assertEquals(digest(source), digest(target), "the restored files are the same, byte for byte");
        assertNoHelperLeft();
    }

    @Test
    void aVolumeWithDataIsReplacedOnlyWhenForcedAndUnused() throws Exception {
        String source = volumeWithData();
        Path file = folder.resolve("db.tar");
        archive.backup(source, file, Progress.NONE);
        String other = volumeWithData();
        exec(other, "echo changed > /data/records");
        String before = digest(other);

        var refused = assertThrows(InvalidInputException.class, () -> archive.restore(file, other, false, Progress.NONE));
        assertTrue(refused.getMessage().startsWith("The volume " + other + " on local already holds data. Restore with --force"),
                refused.getMessage());
        String db = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(TestEngine.uniqueName("db"))
                .withLabels(Map.of(TestEngine.LABEL, "true")).withCmd("true")
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(other, new Volume("/data")))).exec().getId();
        var inUse = assertThrows(InvalidInputException.class, () -> archive.restore(file, other, true, Progress.NONE));
        assertTrue(inUse.getMessage().contains("is used by db-"), inUse.getMessage());
        assertEquals(before, digest(other), "nothing was changed");

        engine.docker().removeContainerCmd(db).exec();
        VolumeArchive.Restored restored = archive.restore(file, other, true, Progress.NONE);
        assertFalse(restored.created());
        assertEquals(digest(source), digest(other), "forced, its contents are the backup's");
        assertNoHelperLeft();
    }

    @Test
    void cancelledOrDamagedNothingHalfDoneIsLeft() throws Exception {
        String source = volumeWithData();
        Path file = folder.resolve("db.tar");
        // cancelled at the first 8 MB: no file, and no .partial that could be taken for one
        assertThrows(CancellationException.class, () -> archive.backup(source, file, progress(new ArrayList<>(), 1)));
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "a cancelled backup leaves nothing");
        }
        archive.backup(source, file, Progress.NONE);

        // a restore into a new volume, cancelled: the volume is not there, as before
        String target = TestEngine.uniqueName("cancelled");
        volumes.add(target);
        assertThrows(CancellationException.class, () -> archive.restore(file, target, false, progress(new ArrayList<>(), 1)));
        assertThrows(NotFoundException.class, () -> engine.docker().inspectVolumeCmd(target).exec());
        // into a volume that held data: it says exactly what state the volume is in
        String other = volumeWithData();
        ExplainedFailure partial = assertThrows(ExplainedFailure.class,
                () -> archive.restore(file, other, true, progress(new ArrayList<>(), 1)));
        assertTrue(partial.getMessage().contains("(cancelled): the volume holds part of the backup. Restore again with --force"),
                partial.getMessage());

        // a damaged file, a missing checksum, an unknown volume, a folder that is not one: said, nothing changed
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Path damaged = folder.resolve("damaged.tar");
        Files.write(damaged, bytes);
        Files.copy(VolumeArchive.manifest(file), VolumeArchive.manifest(damaged));
        var wrongSum = assertThrows(InvalidInputException.class, () -> archive.restore(damaged, target, false, Progress.NONE));
        assertTrue(wrongSum.getMessage().contains("the file is damaged or is not the one that was backed up. Nothing was changed."),
                wrongSum.getMessage());
        assertThrows(NotFoundException.class, () -> engine.docker().inspectVolumeCmd(target).exec());
        Path foreign = folder.resolve("foreign.tar");
        try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(Files.newOutputStream(foreign))) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("etc/motd");
            entry.setSize(2);
            tar.putArchiveEntry(entry);
            tar.write("hi".getBytes());
            tar.closeArchiveEntry();
        }
        Files.writeString(VolumeArchive.manifest(foreign), VolumeArchive.checksum(foreign) + "  foreign.tar\n");
        assertEquals("foreign.tar is not a volume backup made by Portolan (its files are not under data/). Nothing was changed.",
                assertThrows(InvalidInputException.class, () -> archive.restore(foreign, target, false, Progress.NONE)).getMessage());
        assertThrows(NotFoundException.class, () -> engine.docker().inspectVolumeCmd(target).exec());
        Files.delete(VolumeArchive.manifest(damaged));
        assertTrue(assertThrows(InvalidInputException.class, () -> archive.restore(damaged, target, false, Progress.NONE))
                .getMessage().startsWith("There is no damaged.tar.sha256 beside damaged.tar"));
        assertEquals("There is no volume no-such-volume on local.", assertThrows(InvalidInputException.class,
                () -> archive.backup("no-such-volume", folder.resolve("x.tar"), Progress.NONE)).getMessage());
        assertTrue(assertThrows(InvalidInputException.class,
                () -> archive.backup(source, Path.of("/nonexistent/folder/x.tar"), Progress.NONE)).getMessage()
                .startsWith("Cannot write the backup into /nonexistent/folder"));
        assertNoHelperLeft();
    }

    /** A volume holding a small database's files and 24 MB of noise, written by a container that then goes. */
    private String volumeWithData() throws Exception {
        String name = TestEngine.uniqueName("vol");
        volumes.add(name);
        engine.docker().createVolumeCmd().withName(name).withLabels(Map.of(TestEngine.LABEL, "true")).exec();
        exec(name, "mkdir -p /data/db && for i in 1 2 3; do echo record $i >> /data/records; done && "
                + "echo '{\"k\":1}' > /data/db/table.json && dd if=/dev/urandom of=/data/noise bs=1M count=24 2>/dev/null");
        return name;
    }

    /** Runs a shell command in a busybox container with the volume at /data, to its end: what it printed. */
    private String exec(String volume, String script) throws Exception {
        String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withLabels(Map.of(TestEngine.LABEL, "true"))
                .withCmd("sh", "-c", script)
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume("/data")))).exec().getId();
        try {
            engine.docker().startContainerCmd(id).exec();
            int exit = engine.docker().waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
            StringBuilder out = new StringBuilder();
            engine.docker().logContainerCmd(id).withStdOut(true).withStdErr(true)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame frame) {
                            out.append(new String(frame.getPayload()));
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
            assertEquals(0, exit, "the script in " + volume + " failed: " + out);
            return out.toString();
        } finally {
            engine.docker().removeContainerCmd(id).withForce(true).exec();
        }
    }

    /** What the volume holds, as busybox's md5sum of every file. */
    private String digest(String volume) throws Exception {
        String files = exec(volume, "cd /data && find . -type f | sort | xargs md5sum");
        assertTrue(files.contains("./records"), "the volume's files: " + files);
        return files;
    }

    /** Progress that records its steps and reports cancelled once {@code cancelAfter} steps were made. */
    private static Progress progress(List<String> steps, int cancelAfter) {
        return new Progress() {
            @Override
            public void step(String text) {
                steps.add(text);
            }

            @Override
            public boolean isCancelled() {
                return steps.size() >= cancelAfter;
            }
        };
    }

    private void assertNoHelperLeft() {
        var helpers = engine.docker().listContainersCmd().withShowAll(true).exec().stream()
                .filter(c -> c.getLabels() != null && String.valueOf(c.getLabels().get(Ownership.ROLE)).startsWith("volume-"))
                .toList();
        assertEquals(List.of(), helpers, "no helper container is left");
    }
}
