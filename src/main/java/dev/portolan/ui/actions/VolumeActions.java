package dev.portolan.ui.actions;

import dev.portolan.host.Progress;
import dev.portolan.inventory.VolumeInfo;
import dev.portolan.ui.Confirmation;
import dev.portolan.ui.DialogService;
import dev.portolan.ui.hosts.ProgressWindow;
import dev.portolan.ui.model.HostSession;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/**
 * A volume's backup and restore from the window (the seed's backup container): the file
 * chosen with the system's dialog, the work in the background with its steps and Cancel
 * in a progress window, and a restore over the volume asked first.
 */
public final class VolumeActions {

    private final ActionRunner runner;
    private final DialogService dialogs;

    public VolumeActions(ActionRunner runner, DialogService dialogs) {
        this.runner = runner;
        this.dialogs = dialogs;
    }

    public ContextMenu menu(HostSession host, VolumeInfo volume, Window owner) {
        return menu(host == null ? null : host.model(), host, volume, owner);
    }

    /**
     * As above, {@code model} the volume's host: while it has no session ({@code host} null),
     * the menu says why first and greys its items.
     */
    public ContextMenu menu(dev.portolan.ui.model.HostModel model, HostSession host, VolumeInfo volume, Window owner) {
        boolean connected = host != null && host.isConnected();
        MenuItem backUp = new MenuItem("Back up to a file…");
        backUp.setId("volume-backup");
        backUp.setOnAction(e -> backUp(host, volume, owner));
        MenuItem restore = new MenuItem("Restore from a file…");
        restore.setId("volume-restore");
        restore.setOnAction(e -> restore(host, volume, owner));
        ContextMenu menu = new ContextMenu();
        if (!connected) menu.getItems().addAll(Unavailable.heading(model, "volume-host-unavailable"));
        backUp.setDisable(!connected);
        restore.setDisable(!connected);
        menu.getItems().addAll(backUp, restore);
        return menu;
    }

    /**
     * Removes a volume no container uses, once confirmed: Portolan never removes one by
     * itself, and the question says its data is gone for good. A volume in use is refused
     * with the names of its users.
     */
    public void remove(HostSession host, VolumeInfo volume, java.util.List<String> usedBy, Window owner) {
        if (!connected(host)) return;
        if (!usedBy.isEmpty()) {
            runner.say(new ActionRunner.Message(volume.name() + " is used by " + String.join(", ", usedBy)
                    + ": remove those containers first.", true));
            return;
        }
        if (!Confirmation.ask(owner, "Remove the volume " + volume.name() + "?", "Its data is gone for good. To keep a copy,"
                + " choose Back up to a file… first.", "Remove", "confirm-remove-volume", true)) return;
        runner.run("Removing volume " + volume.name() + "…", "Removed volume " + volume.name(), "Remove volume " + volume.name(),
                () -> {
                    host.operations().removeVolume(volume.name());
                    return volume;
                }, removed -> { });
    }

    /** Asks where, then streams the volume into that tar file with its SHA-256 beside it, in a window with Cancel. */
    public void backUp(HostSession host, VolumeInfo volume, Window owner) {
        if (!connected(host)) return;
        String name = volume.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".tar";
        dialogs.saveFile(owner, "Back up the volume " + volume.name(), name, "Tar files", "*.tar").ifPresent(file ->
                inWindow(owner, "Back up " + volume.name(), "Backing up " + volume.name() + "…", "Backed up " + volume.name()
                        + " to " + file.getFileName() + " (its SHA-256 beside it)",
                        progress -> host.operations().backUpVolume(volume.name(), file, progress)));
    }

    /** Asks for the file and whether to replace what the volume holds, then restores it in a window with Cancel. */
    public void restore(HostSession host, VolumeInfo volume, Window owner) {
        if (!connected(host)) return;
        Optional<Path> chosen = dialogs.openFile(owner, "Restore a backup into " + volume.name(), "Tar files", "*.tar");
        if (chosen.isEmpty() || !confirmReplace(volume, chosen.get(), owner)) return;
        Path file = chosen.get();
        inWindow(owner, "Restore " + volume.name(), "Restoring " + file.getFileName() + " into " + volume.name() + "…",
                "Restored " + file.getFileName() + " into " + volume.name(),
                progress -> host.operations().restoreVolume(file, volume.name(), true, progress));
    }

    /** The work through the runner (the status bar), its steps, Cancel and outcome in a progress window, as host creation does. */
    private void inWindow(Window owner, String what, String doing, String done, Function<Progress, ?> work) {
        ProgressWindow window = new ProgressWindow(owner, what);
        Progress progress = window.progress(step -> { });
        runner.run(doing, done, what, () -> work.apply(progress), result -> window.done(done), window::failed);
    }

    private boolean confirmReplace(VolumeInfo volume, Path file, Window owner) {
        return Confirmation.ask(owner, "Replace the contents of " + volume.name() + "?", "What " + volume.name()
                + " holds now is replaced by the contents of " + file.getFileName() + ", once its SHA-256 is checked."
                + " Containers that use the volume must be removed first.", "Replace", "confirm-restore", false);
    }

    private boolean connected(HostSession host) {
        if (host != null && host.isConnected()) return true;
        Unavailable.say(runner, host);
        return false;
    }
}
