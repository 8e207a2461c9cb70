package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A representative compose file becomes a lab that reads back, with what it could not map listed. */
class ComposeImportTest {

    static String shop() throws IOException {
        try (InputStream in = ComposeImportTest.class.getResourceAsStream("/compose/shop.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servicesBecomeContainersOfAValidLab() throws Exception {
        var result = ComposeImport.convert(shop(), "shop", 1);
        LabSpec lab = LabFile.parse(result.labYaml(), "shop.yaml");
        Map<String, LabSpec.Container> byName = lab.containers().stream()
                .collect(Collectors.toMap(LabSpec.Container::name, c -> c));
        assertEquals(List.of("web", "api", "db", "builder"), lab.containers().stream().map(LabSpec.Container::name).toList());
        // a string command is split into words as compose splits it, not wrapped in sh -c
        assertEquals(List.of("httpd", "-f", "-p", "80", "-h", "/var/www"), byName.get("web").command());
        assertEquals(List.of("18090:80"), byName.get("web").ports());
        assertEquals(2, byName.get("api").replicas());
        assertEquals(Map.of("MODE", "production", "DB_HOST", "db"), byName.get("api").env());
        assertEquals(List.of("front", "back"), byName.get("api").networks());
        assertEquals(List.of(), byName.get("api").dependsOn(), "its only dependency is a wait");
        assertEquals(List.of("db-data:/data"), byName.get("db").volumes());
        assertEquals(List.of("CMD-SHELL", "test -s /data/log"), byName.get("db").healthcheck().test());
        assertEquals("1s", byName.get("db").healthcheck().interval());
        assertEquals(List.of("db-data"), lab.volumes().stream().map(LabSpec.Volume::name).toList());
        assertEquals(0.5, byName.get("api").cpus(), "deploy.resources.limits.cpus becomes the container's limit");
        assertEquals(List.of("front", "back", "shop_default"), lab.networks().stream().map(LabSpec.Network::name).toList(),
                "a service that names no network is on the project's default one, as in compose");
        assertEquals(List.of("shop_default"), byName.get("builder").networks());
        assertEquals(Map.of("db", "healthy"), byName.get("api").waitFor(), "depends_on: condition: service_healthy waits");
        assertEquals("json-file", byName.get("db").logging().driver());
    }

    @Test
    void whatCannotBeMappedIsListedInTheLabFileNotDropped() throws Exception {
        var result = ComposeImport.convert(shop(), "shop", 1);
        List<String> expected = List.of("secrets.token: declared but used by no service",
                "services.db.environment.FROM_SHELL", "services.db.volumes../init.sql", "services.builder.build",
                "services.builder: has no image");
        for (String item : expected) {
            assertTrue(result.notMapped().stream().anyMatch(n -> n.startsWith(item) || n.contains(item)),
                    item + " is listed: " + result.notMapped());
        }
        for (String note : result.notMapped()) assertTrue(result.labYaml().contains("#   - " + note), "in the file: " + note);
    }

    @Test
    void spreadOverHostsEachHostGetsWhatItsServicesUse() throws Exception {
        var result = ComposeImport.convert(shop(), "shop", 2);
        LabSpec lab = LabFile.parse(result.labYaml(), "shop.yaml");
        assertEquals(2, lab.hosts().size());
        // web depends on api, api on db and names it in DB_HOST: they stay together; builder talks to none
        assertEquals(List.of("node1", "node1", "node1", "node2"), lab.containers().stream().map(LabSpec.Container::host).toList());
        assertTrue(result.labYaml().contains("#   - node1: web, api, db (web depends on api"), result.labYaml());
    }

    @Test
    void aFileWithoutServicesOrNotYamlSaysSo() {
        assertThrows(InvalidInputException.class, () -> ComposeImport.convert("version: '3'\n", "x", 1));
        var e = assertThrows(InvalidInputException.class, () -> ComposeImport.convert("services: [\n", "x", 1));
        assertTrue(e.getMessage().startsWith("compose.yaml:2:1: not valid YAML"), e.getMessage());
        assertEquals("my-app", ComposeImport.labName("My App.yml"));
    }
}
