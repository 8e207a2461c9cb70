package dev.portolan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One log file per run in the platform's log folder (see logback.xml). Call before the
 * first logger is made, so that logback reads the folder. Every `portolan` command is a run,
 * so the folder keeps the {@value #KEPT} newest run logs and lets older ones go.
 */
public final class Logging {

    static final int KEPT = 50;
    /** The names logback.xml gives run logs: nothing else in the folder is ever removed. */
    private static final Pattern RUN_LOG = Pattern.compile("portolan-\\d{8}-\\d{6}\\.log");

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
            Path logs = folder;
            // off the start's path; a command that ends first leaves the rest to the next run
            Thread.ofVirtual().name("old-logs").start(() -> removeOldRunLogs(logs, KEPT));
        }
        return folder;
    }

    /** The folder this run logs to, for the About dialog. */
    public static synchronized Path folder() {
        return folder;
    }

    /**
     * Removes run logs beyond the {@code kept} newest (their names hold their start time, so
     * the newest sort last). Best effort: a file another run still writes (Windows) stays.
     */
    static void removeOldRunLogs(Path folder, int kept) {
        List<Path> runs;
        try (Stream<Path> files = Files.list(folder)) {
            runs = files.filter(f -> RUN_LOG.matcher(f.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException unreadable) {
            return;
        }
        for (Path old : runs.subList(0, Math.max(0, runs.size() - kept))) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException inUse) {
                // the next run tries again
            }
        }
    }
}
