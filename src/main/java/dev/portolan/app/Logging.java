package dev.portolan.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One log file per run in the platform's log folder (see logback.xml). Call before the
 * first logger is made, so that logback reads the folder.
 */
public final class Logging {

    private static Path folder;

    private Logging() {}

    public static synchronized Path start(UserDirectories directories) {
        if (folder == null) {
            folder = directories.logs();
            try {
                Files.createDirectories(folder);
            } catch (java.io.IOException e) {
                folder = Path.of(System.getProperty("java.io.tmpdir"), "portolan-logs");
            }
            System.setProperty("portolan.log.dir", folder.toString());
        }
        return folder;
    }

    /** The folder this run logs to, for the About dialog. */
    public static synchronized Path folder() {
        return folder;
    }
}
