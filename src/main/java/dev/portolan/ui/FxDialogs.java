package dev.portolan.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The system's own dialogs, through JavaFX's choosers. Each opens where the last one was
 * left, at first the user's home (not the folder Portolan was started from: a lab saved
 * there would land among a program's files).
 */
public final class FxDialogs implements DialogService {

    private File lastFolder = new File(System.getProperty("user.home"));

    @Override
    public Optional<Path> openFile(Window owner, String title, String kind, String... patterns) {
        return remembered(chooser(title, kind, patterns).showOpenDialog(owner), false);
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String initialName, String kind, String... patterns) {
        FileChooser chooser = chooser(title, kind, patterns);
        chooser.setInitialFileName(initialName);
        return remembered(chooser.showSaveDialog(owner), false);
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        return remembered(chooser.showDialog(owner), true);
    }

    private FileChooser chooser(String title, String kind, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
        if (lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        return chooser;
    }

    private Optional<Path> remembered(File chosen, boolean isFolder) {
        if (chosen != null) {
            File folder = isFolder ? chosen : chosen.getParentFile();
            if (folder != null) lastFolder = folder;
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
