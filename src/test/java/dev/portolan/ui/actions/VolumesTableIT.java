package dev.portolan.ui.actions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Volumes tab's own actions: back up the selected volume, and remove it only when unused and confirmed. */
class VolumesTableIT extends WindowTest {

    @TempDir
    Path folder;

    @SuppressWarnings("unchecked")
    private TableView<VolumeInfo> table() {
        return FxThread.get(() -> robot.lookup("#volumes-table").queryAs(TableView.class));
    }

    private void select(String volume) {
        waitFor(volume + " is listed", Duration.ofSeconds(10), () -> table().getItems().stream().anyMatch(v -> v.name().equals(volume)));
        FxThread.run(() -> table().getItems().stream().filter(v -> v.name().equals(volume)).findFirst()
                .ifPresent(v -> table().getSelectionModel().select(v)));
    }

    private boolean volumeExists(String volume) {
        try {
            engine.docker().inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        }
    }

    /** The row menu's Remove… as drawn (the button beside the filter has the same words). */
    private javafx.scene.Node removeInMenu() {
        return robot.lookup(".context-menu .menu-item").queryAll().stream()
                .filter(n -> n.lookup(".label") instanceof javafx.scene.control.Label l && l.getText().equals("Remove…"))
                .findFirst().orElse(null);
    }

    private String message() {
        return text("#status-message");
    }

    @Test
    void aVolumeIsBackedUpFromItsTableAndRemovedOnlyWhenNoContainerUsesItAndItIsConfirmed() throws Exception {
        String used = engine.volume("used");
        String spare = engine.volume("spare");
        String user = TestEngine.uniqueName("user");
        engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(user).withLabels(Map.of(TestEngine.LABEL, "true"))
                .withCmd("true").withHostConfig(HostConfig.newHostConfig()
                        .withBinds(new com.github.dockerjava.api.model.Bind(used, new Volume("/data")))).exec();
        open(EndpointResolver.forThisProcess());
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
        click("#tab-volumes");

        // in use: refused, with who uses it
        select(used);
        click("#volume-remove-button");
        waitFor("refused, naming its user", Duration.ofSeconds(5),
                () -> message().equals(used + " is used by " + user + ": remove those containers first."));
        assertTrue(volumeExists(used));

        // unused: backed up to the file chosen, then removed once confirmed (Cancel first keeps it)
        select(spare);
        Path file = folder.resolve(spare + ".tar");
        dialogs.answer(file);
        click("#volume-backup-button");
        waitFor("the backup and its SHA-256 are written", Duration.ofSeconds(20),
                () -> Files.exists(file) && Files.exists(dev.portolan.host.VolumeArchive.manifest(file)));
        FxThread.run(() -> robot.listWindows().stream().filter(w -> w != table().getScene().getWindow()).toList()
                .forEach(javafx.stage.Window::hide)); // the backup's progress window, over the table
        click("#volume-remove-button");
        waitFor("it asks first", Duration.ofSeconds(5), () -> exists("#confirm-remove-volume"));
        click("Cancel");
        Thread.sleep(300);
        assertTrue(volumeExists(spare), "Cancel keeps it");
        // the second time from its row's menu
        robot.rightClickOn(FxThread.get(() -> robot.from(robot.lookup("#volumes-table").<javafx.scene.Node>query())
                .lookup((javafx.scene.control.Labeled l) -> spare.equals(l.getText())).<javafx.scene.Node>query()));
        waitFor("its menu offers Remove…", Duration.ofSeconds(5), () -> removeInMenu() != null);
        click(FxThread.get(this::removeInMenu));
        waitFor("it asks again", Duration.ofSeconds(5), () -> exists("#confirm-remove-volume"));
        click("#confirm-remove-volume");
        waitFor("the engine no longer has it", Duration.ofSeconds(10), () -> !volumeExists(spare));
        waitFor("nor the table", Duration.ofSeconds(5), () -> table().getItems().stream().noneMatch(v -> v.name().equals(spare)));
        waitFor("the status bar says so", Duration.ofSeconds(5), () -> message().equals("Removed volume " + spare));
    }
}
