package dev.portolan.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The system's file and folder dialogs, behind one interface: the window asks through it,
 * and tests answer through a stand-in instead of hooks in each view. Empty when the user
 * cancels.
 */
public interface DialogService {

    /**
     * @param kind     what the files are, as the dialog's filter names them ("Lab files")
     * @param patterns the filter's patterns ("*.yaml", "*.yml")
     */
    Optional<Path> openFile(Window owner, String title, String kind, String... patterns);

    Optional<Path> saveFile(Window owner, String title, String initialName, String kind, String... patterns);

    Optional<Path> chooseFolder(Window owner, String title);
}
