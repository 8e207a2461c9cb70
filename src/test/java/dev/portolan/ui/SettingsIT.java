package dev.portolan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.app.Settings;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings window writes the file the command line reads; what it cannot take is said as typed. */
class SettingsIT extends WindowTest {

    @TempDir
    Path dockerConfig;

    @Test
    void settingsAreCheckedSavedToTheSharedFileAndAnOverrideIsSaid() throws Exception {
        Settings settings = Settings.current();
        Path file = settings.file();
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
        try {
            open(new EndpointResolver(Map.of(), dockerConfig, false));
            // the toolbar decides what fits at its first layout: click once the gear shows
            waitFor("the settings button shows", Duration.ofSeconds(5),
                    () -> robot.lookup("#open-settings").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
            click("#open-settings");
            waitFor("the settings window opens", Duration.ofSeconds(5), () -> robot.lookup("#settings-save").tryQuery().isPresent());
            // the tests set the host image as a property: the window says it wins over the file
            assertTrue(text("#settings-where").contains(file.toString()), text("#settings-where"));
            assertEquals("Set by the system property portolan.host-image (" + System.getProperty("portolan.host-image") + ") for now:"
                    + " it wins over this setting.", text("#settings-host-image-override"), "the override is said, with its value");
            assertTrue(FxThread.get(() -> drawnWhole(robot.lookup("#settings-host-image-override").queryLabeled())),
                    "read whole, not cut behind …");

            FxThread.run(() -> robot.lookup("#settings-substitutes").queryAs(TextInputControl.class).clear());
            type("#settings-substitutes", "busybox");
            waitFor("a bad substitute is named", Duration.ofSeconds(2), () -> text("#settings-problems").contains("IMAGE=LOCAL-IMAGE"));
            assertTrue(FxThread.get(() -> robot.lookup("#settings-save").query().isDisabled()));
            robot.write("=my/busybox");
            FxThread.run(() -> robot.lookup("#settings-host-image").queryAs(TextInputControl.class).setText("my/dind:27"));
            waitFor("it can be saved", Duration.ofSeconds(2), () -> !robot.lookup("#settings-save").query().isDisabled());
            click("#settings-save");
            waitFor("saved", Duration.ofSeconds(2), () -> text("#settings-outcome").startsWith("Saved to settings.json"));
            assertEquals(new Settings.Saved("my/dind:27", "busybox=my/busybox", false), settings.saved());
        } finally {
            if (before == null) Files.deleteIfExists(file);
            else Files.write(file, before);
        }
    }
}
