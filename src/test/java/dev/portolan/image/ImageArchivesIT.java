package dev.portolan.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** An image saved once from the engine and loaded from that one file as often as asked; nothing left behind. */
class ImageArchivesIT extends EngineTest {

    @Test
    void anImageIsSavedOnceLoadedTwiceAndTheFileGoesWhenClosed() throws Exception {
        var docker = engine.docker();
        String tag = TestEngine.uniqueName("archived");
        docker.tagImageCmd(TestEngine.BUSYBOX, "portolan-test/" + tag, "1").exec();
        String image = "portolan-test/" + tag + ":1";
        Path folder;
        try (ImageArchives nothingSent = new ImageArchives(docker)) {
            assertNull(nothingSent.folder(), "no folder until an image is saved: an apply that sends none leaves nothing behind");
        }
        try (ImageArchives archives = new ImageArchives(docker)) {
            archives.prefetch(image);
            archives.loadInto(docker, image);
            folder = archives.folder();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), "only this user reads it");
            // loaded where it came from, after the tag is gone: the saved file brings the tag back
            docker.removeImageCmd(image).exec();
            archives.loadInto(docker, image);
            assertEquals(image, docker.inspectImageCmd(image).exec().getRepoTags().stream().filter(image::equals).findFirst().orElseThrow());
            docker.removeImageCmd(image).exec();
            archives.loadInto(docker, image);
            assertTrue(docker.inspectImageCmd(image).exec().getRepoTags().contains(image), "loaded again from the same file");
            try (var files = Files.list(folder)) {
                assertEquals(1, files.count(), "saved once");
            }
            var missing = assertThrows(RuntimeException.class, () -> archives.loadInto(docker, "portolan-test/no-such-image:1"));
            assertEquals("This computer's engine has no image portolan-test/no-such-image:1 to send to the hosts. Pull or build it first.",
                    missing.getMessage());
        } finally {
            try {
                docker.removeImageCmd(image).exec();
            } catch (RuntimeException gone) {
                // removed above
            }
        }
        assertFalse(Files.exists(folder), "the saved images go when it is closed");
    }

    @Test
    void whatAKilledApplyLeftIsRemovedADayLaterByTheNextSave() throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Path stale = Files.createTempDirectory(temp, "portolan-images-");
        Files.writeString(stale.resolve("image-1.tar"), "half an image");
        java.nio.file.attribute.FileTime twoDaysAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        Files.setLastModifiedTime(stale, twoDaysAgo);
        Path recent = Files.createTempDirectory(temp, "portolan-images-"); // another apply's, under way
        Path notOurs = Files.createTempDirectory(temp, "someone-else-");
        Files.setLastModifiedTime(notOurs, twoDaysAgo);
        try (ImageArchives archives = new ImageArchives(engine.docker())) {
            assertTrue(Files.exists(stale), "nothing is swept before a save");
            archives.prefetch(TestEngine.BUSYBOX);
            archives.loadInto(engine.docker(), TestEngine.BUSYBOX);
            assertFalse(Files.exists(stale), "the folder a killed apply left two days ago is gone");
            assertTrue(Files.exists(recent), "a recent one is another apply's: kept");
            assertTrue(Files.exists(notOurs), "what is not an image folder is not looked at");
        } finally {
            Files.deleteIfExists(recent);
            Files.deleteIfExists(notOurs);
        }
    }
}
