package dev.portolan.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's own dialogs, through JavaFX's choosers. */
public final class FxDialogs implements DialogService {

    @Override
    public Optional<Path> openFile(Window owner, String title, String kind, String... patterns) {
        return path(chooser(title, kind, patterns).showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String initialName, String kind, String... patterns) {
        FileChooser chooser = chooser(title, kind, patterns);
        chooser.setInitialFileName(initialName);
        return path(chooser.showSaveDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return path(chooser.showDialog(owner));
    }

    private static FileChooser chooser(String title, String kind, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, patterns));
        return chooser;
    }

    private static Optional<Path> path(File chosen) {
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
