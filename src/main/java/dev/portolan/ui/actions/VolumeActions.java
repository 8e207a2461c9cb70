package dev.portolan.ui.actions;

import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.model.HostSession;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * A volume's backup and restore from the window (the seed's backup container): the file
 * chosen with the system's dialog, the work in the background with its progress in the
 * status bar, and a restore over the volume asked first.
 */
public final class VolumeActions {

    private final ActionRunner runner;
    private final DialogService dialogs;

    public VolumeActions(ActionRunner runner, DialogService dialogs) {
        this.runner = runner;
        this.dialogs = dialogs;
    }

    public ContextMenu menu(HostSession host, VolumeInfo volume, Window owner) {
        MenuItem backUp = new MenuItem("Back up to a file…");
        backUp.setId("volume-backup");
        backUp.setOnAction(e -> backUp(host, volume, owner));
        MenuItem restore = new MenuItem("Restore from a file…");
        restore.setId("volume-restore");
        restore.setOnAction(e -> restore(host, volume, owner));
        return new ContextMenu(backUp, restore);
    }

    /** Asks where, then streams the volume into that tar file with its SHA-256 beside it. */
    public void backUp(HostSession host, VolumeInfo volume, Window owner) {
        if (!connected(host)) return;
        String name = volume.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".tar";
        dialogs.saveFile(owner, "Back up the volume " + volume.name(), name, "Tar files", "*.tar").ifPresent(file ->
                runner.start("Backing up " + volume.name() + "…", "Backed up " + volume.name() + " to " + file.getFileName()
                        + " (its SHA-256 beside it)", "Back up " + volume.name(),
                        progress -> host.operations().backUpVolume(volume.name(), file, progress), this::step, written -> { },
                        error -> { }));
    }

    /** Asks for the file and, when the volume is not empty to begin with, whether to replace what it holds. */
    public void restore(HostSession host, VolumeInfo volume, Window owner) {
        if (!connected(host)) return;
        Optional<Path> chosen = dialogs.openFile(owner, "Restore a backup into " + volume.name(), "Tar files", "*.tar");
        if (chosen.isEmpty() || !confirmReplace(volume, chosen.get(), owner)) return;
        Path file = chosen.get();
        runner.start("Restoring " + file.getFileName() + " into " + volume.name() + "…", "Restored " + file.getFileName()
                + " into " + volume.name(), "Restore " + volume.name(),
                progress -> host.operations().restoreVolume(file, volume.name(), true, progress), this::step, restored -> { },
                error -> { });
    }

    private boolean confirmReplace(VolumeInfo volume, Path file, Window owner) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "What " + volume.name() + " holds now is replaced by the contents of "
                + file.getFileName() + ", once its SHA-256 is checked. Containers that use the volume must be removed first.",
                replace, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setHeaderText("Replace the contents of " + volume.name() + "?");
        ask.getDialogPane().lookupButton(replace).setId("confirm-restore");
        return ask.showAndWait().filter(b -> b == replace).isPresent();
    }

    private void step(String text) {
        runner.say(new ActionRunner.Message(text, false));
    }

    private boolean connected(HostSession host) {
        if (host != null && host.isConnected()) return true;
        runner.say(new ActionRunner.Message((host == null ? "This host" : host.model().name())
                + " is not connected. Wait until it is live again, or press Retry now.", true));
        return false;
    }
}
