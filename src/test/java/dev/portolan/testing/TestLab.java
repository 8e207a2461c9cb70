package dev.portolan.testing;

import dev.portolan.lab.LabTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The web-db template as tests apply it: a name of its own, and its web port free on this computer. */
public record TestLab(String name, int webPort, String text) {

    public static TestLab webDb(String prefix) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 6);
        int port = TestEngine.freePort();
        return new TestLab(name, port, LabTemplates.text("web-db.yaml").replace("name: web-db", "name: " + name)
                .replace("\"8080:80\"", "\"" + port + ":80\""));
    }

    public Path writeTo(Path dir) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), text);
    }
}
