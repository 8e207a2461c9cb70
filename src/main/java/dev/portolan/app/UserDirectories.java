package dev.portolan.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where Portolan keeps its settings and logs, by the platform's custom:
 * macOS ~/Library/Application Support and ~/Library/Logs, Windows %APPDATA% and
 * %LOCALAPPDATA%, elsewhere the XDG folders. The system property {@code portolan.home}
 * puts everything under one folder instead (tests use it).
 */
public record UserDirectories(Path config, Path logs) {

    public static UserDirectories forThisUser() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")),
                System.getenv(), System.getProperty("portolan.home"));
    }

    static UserDirectories of(String osName, Path home, Map<String, String> env, String override) {
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new UserDirectories(root.resolve("config"), root.resolve("logs"));
        }
        if (osName.startsWith("Mac")) {
            return new UserDirectories(home.resolve("Library/Application Support/Portolan"),
                    home.resolve("Library/Logs/Portolan"));
        }
        if (osName.startsWith("Windows")) {
            Path roaming = env.containsKey("APPDATA") ? Path.of(env.get("APPDATA")) : home.resolve("AppData/Roaming");
            Path local = env.containsKey("LOCALAPPDATA") ? Path.of(env.get("LOCALAPPDATA")) : home.resolve("AppData/Local");
            return new UserDirectories(roaming.resolve("Portolan"), local.resolve("Portolan/logs"));
        }
        Path config = env.containsKey("XDG_CONFIG_HOME") ? Path.of(env.get("XDG_CONFIG_HOME")) : home.resolve(".config");
        Path state = env.containsKey("XDG_STATE_HOME") ? Path.of(env.get("XDG_STATE_HOME")) : home.resolve(".local/state");
        return new UserDirectories(config.resolve("portolan"), state.resolve("portolan/logs"));
    }

    /** Makes a folder that only the user can read (0700 where the file system has modes). */
    public static Path privateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the folder " + dir, e);
        }
    }
}
