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
}
