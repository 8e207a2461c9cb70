package dev.portolan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {

    private final Path home = Path.of("/home/ada");

    @Test
    void eachPlatformKeepsItsOwnCustom() {
        assertEquals(new UserDirectories(home.resolve("Library/Application Support/Portolan"),
                home.resolve("Library/Logs/Portolan")), UserDirectories.of("Mac OS X", home, Map.of(), null));
        assertEquals(new UserDirectories(Path.of("C:/r/Portolan"), Path.of("C:/l/Portolan/logs")),
                UserDirectories.of("Windows 11", home, Map.of("APPDATA", "C:/r", "LOCALAPPDATA", "C:/l"), null));
        assertEquals(new UserDirectories(home.resolve(".config/portolan"), home.resolve(".local/state/portolan/logs")),
                UserDirectories.of("Linux", home, Map.of(), null));
        assertEquals(new UserDirectories(Path.of("/x/portolan"), Path.of("/s/portolan/logs")),
                UserDirectories.of("Linux", home, Map.of("XDG_CONFIG_HOME", "/x", "XDG_STATE_HOME", "/s"), null));
    }

    @Test
    void anOverrideKeepsEverythingInOneFolder() {
        assertEquals(new UserDirectories(Path.of("/t/config"), Path.of("/t/logs")),
                UserDirectories.of("Linux", home, Map.of(), "/t"));
    }
}
