package dev.portolan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.app.Settings;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineDiscovery;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run, as a new user meets it: on a computer with no engine it says what to
 * install; with one, it opens by itself, says which engine it uses, and its one click
 * starts the sample lab of three simulated hosts.
 */
class FirstRunIT extends WindowTest {

    @TempDir
    Path home;

    @Test
    void withNoEngineItSaysWhatToInstallAndOffersNoSampleLab() throws Exception {
        // a Windows computer, as far as the search can tell from here, with no engine installed
        var discovery = new EngineDiscovery(home, Map.of(), "Windows 11", new EndpointResolver(Map.of(), home, true));
        FirstRunWindow first = FxThread.get(() -> FirstRunWindow.open(null, discovery, Settings.current(), () -> { }));
        try {
            waitFor("the search ends", Duration.ofSeconds(10), () -> !text("#first-run-summary").startsWith("Looking"));
            String summary = text("#first-run-summary");
            assertTrue(summary.startsWith("No Docker engine on this computer. Install Docker Desktop"), summary);
            assertEquals(0, (int) FxThread.get(() -> robot.lookup("#first-run-engines").queryAs(VBox.class).getChildren().size()));
            assertTrue(FxThread.get(() -> robot.lookup("#first-run-sample").queryAs(Button.class).isDisabled()),
                    "no sample lab without an engine");
            assertTrue(text("#first-run-where").contains("settings.json"), text("#first-run-where"));
        } finally {
            FxThread.run(() -> first.stage().close());
        }
    }

    @Test
    void onTheFirstStartItOpensByItselfAndStartsTheSampleLabInOneClick() throws Exception {
        Settings settings = Settings.current();
        Path file = settings.file();
        byte[] before = Files.exists(file) ? Files.readAllBytes(file) : null;
        Path sample = FirstRunWindow.sampleLabFile(settings);
        Files.deleteIfExists(file);
        Files.deleteIfExists(sample);
        System.setProperty(FirstRunWindow.PROPERTY, "true");
        try {
            open(new EndpointResolver(Map.of(), home, false));
            waitFor("the first-run screen opens by itself", Duration.ofSeconds(5), () -> exists("#first-run-summary"));
            assertTrue(Files.exists(file), "the settings file is written, so it opens once");
            waitFor("the engines are asked", Duration.ofSeconds(10), () -> !text("#first-run-summary").startsWith("Looking"));
            String summary = text("#first-run-summary");
            assertTrue(summary.startsWith("Portolan uses unix:///var/run/docker.sock, found as the docker CLI finds it"), summary);
            assertTrue(summary.contains("here, default socket."), summary);
            assertTrue(FxThread.get(() -> robot.lookup("#first-run-engines").queryAs(VBox.class).getChildren().size()) >= 1);

            long start = System.nanoTime();
            click("#first-run-sample");
            waitFor("the sample lab's window applies it", Duration.ofSeconds(10), () -> exists("#lab-outcome"));
            waitFor("the sample lab is applied", Duration.ofSeconds(120), () -> text("#lab-outcome").startsWith("Applied in"));
            System.out.printf("[first run] sample lab applied %.1f s after the click%n", (System.nanoTime() - start) / 1e9);
            assertEquals(dev.portolan.lab.LabTemplates.text(dev.portolan.lab.LabTemplates.SAMPLE), Files.readString(sample));
            waitFor("its three hosts are in the sidebar", Duration.ofSeconds(20), () -> window.hosts().stream()
                    .filter(h -> h.key().displayName().startsWith("sample/")).count() == 3);
        } finally {
            System.setProperty(FirstRunWindow.PROPERTY, "false");
            engine.removeLab("sample");
            if (before == null) Files.deleteIfExists(file);
            else Files.write(file, before);
        }
    }
}
