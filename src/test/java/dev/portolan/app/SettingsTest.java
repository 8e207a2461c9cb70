package dev.portolan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portolan.lab.ImageSubstitutes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One settings file for the window and the command line: a property or a variable wins over it, a default over nothing. */
class SettingsTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("portolan.host-image");
    }

    @Test
    void theFileIsReadAndAPropertyWinsOverIt() {
        Settings settings = new Settings(dir.resolve("settings.json"));
        System.clearProperty("portolan.host-image");
        assertEquals(Settings.PUBLIC_HOST_IMAGE, settings.hostImage(), "no file: the public image");
        settings.save(new Settings.Saved("my/dind:27", "busybox:1.36=my/busybox", true));
        assertEquals("my/dind:27", settings.hostImage());
        assertEquals("busybox:1.36=my/busybox", settings.imageSubstitutes());
        assertEquals(true, settings.darkTheme());
        System.setProperty("portolan.host-image", "other/dind");
        assertEquals("other/dind", settings.hostImage());
        assertEquals("the system property portolan.host-image (other/dind)",
                Settings.overriddenBy("portolan.host-image", "PORTOLAN_HOST_IMAGE").orElseThrow());
    }

    @Test
    void aBrokenFileFallsBackToTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{ not json");
        assertEquals(Settings.Saved.DEFAULTS, new Settings(file).saved());
    }

    @Test
    void substitutesAreCheckedAsTyped() {
        assertEquals(List.of(), ImageSubstitutes.problems("busybox:1.36=my/busybox, alpine=my/alpine"));
        assertEquals(List.of("Image substitutes: 'busybox' should read IMAGE=LOCAL-IMAGE, such as busybox:1.36=my/busybox."),
                ImageSubstitutes.problems("busybox"));
    }
}
