package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.engine.ShellWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compose files read as compose reads them: variables, .env, anchors and merge keys, several files, extends, profiles. */
class ComposeReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ComposeReader.Options env(Map<String, String> environment, String... profiles) {
        return new ComposeReader.Options(null, Set.of(profiles), environment);
    }

    private static JsonNode service(ComposeReader.Read read, String name) {
        return read.compose().path("services").path(name);
    }

    @Test
    void variablesComeFromTheEnvironmentOverDotEnvWithDefaultsAndDollarDollar() throws Exception {
        write(".env", "# settings\nTAG=1.25\nMEDIA=/srv/media\nexport QUOTED=\"a b\"\nPORT=8080\n");
        Path file = write("compose.yaml", """
                services:
                  web:
                    image: "nginx:${TAG}"
                    ports: ["${PORT:-80}:80"]
                    volumes: ["${MEDIA}:/media"]
                    environment:
                      GREETING: $QUOTED
                      FALLBACK: ${NOPE:-plan-b}
                      EMPTY_OK: ${UNSET}
                      PRICE: "$$5"
                      ALT: ${TAG:+tagged}
                """);
        ComposeReader.Read read = ComposeReader.read(List.of(file), env(Map.of("PORT", "9090")));
        JsonNode web = service(read, "web");
        assertEquals("nginx:1.25", web.path("image").asText());
        assertEquals("9090:80", web.path("ports").get(0).asText(), "the environment wins over .env");
        assertEquals("/srv/media:/media", web.path("volumes").get(0).asText());
        assertEquals("a b", web.path("environment").path("GREETING").asText());
        assertEquals("plan-b", web.path("environment").path("FALLBACK").asText());
        assertEquals("", web.path("environment").path("EMPTY_OK").asText());
        assertEquals("$5", web.path("environment").path("PRICE").asText());
        assertEquals("tagged", web.path("environment").path("ALT").asText());
        assertTrue(read.notes().stream().anyMatch(n -> n.contains("UNSET is not set")), read.notes().toString());
    }

    @Test
    void aRequiredVariableThatIsMissingIsNamedAtItsLineAndColumn() throws Exception {
        Path file = write("compose.yaml", "services:\n  db:\n    image: postgres\n    environment:\n"
                + "      POSTGRES_PASSWORD: ${DB_PASSWORD:?set a password}\n");
        var e = assertThrows(InvalidInputException.class, () -> ComposeReader.read(List.of(file), env(Map.of())));
        assertEquals(file + ":5:26: the variable DB_PASSWORD is required: set a password (set it in the environment or the env"
                + " file)", e.getMessage());
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWhereItIsAsComposeRefusesIt() throws Exception {
        Path file = write("compose.yaml", "services:\n  db:\n    image: postgres\n    image: mysql\n");
        var e = assertThrows(InvalidInputException.class, () -> ComposeReader.read(List.of(file), env(Map.of())));
        assertTrue(e.getMessage().startsWith(file + ":4:5: not valid YAML: found duplicate key image"), e.getMessage());
    }

    @Test
    void anEnvFileGivenReplacesDotEnv() throws Exception {
        write(".env", "TAG=from-dot-env\n");
        Path other = write("staging.env", "TAG=from-staging\n");
        Path file = write("compose.yaml", "services:\n  web:\n    image: web:${TAG}\n");
        var read = ComposeReader.read(List.of(file), new ComposeReader.Options(other, Set.of(), Map.of()));
        assertEquals("web:from-staging", service(read, "web").path("image").asText());
        var missing = assertThrows(InvalidInputException.class, () -> ComposeReader.read(List.of(file),
                new ComposeReader.Options(dir.resolve("nope.env"), Set.of(), Map.of())));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
    }

    @Test
    void anchorsMergeKeysAndExtensionFieldsAreReadAsComposeReadsThem() throws Exception {
        Path file = write("compose.yaml", """
                x-common: &common
                  restart: unless-stopped
                  environment:
                    LOG: debug
                services:
                  api:
                    <<: *common
                    image: api:1
                    x-note: ignored
                  worker:
                    <<: *common
                    image: worker:1
                    restart: "no"
                """);
        var read = ComposeReader.read(List.of(file), env(Map.of()));
        assertFalse(read.compose().has("x-common"));
        assertEquals("unless-stopped", service(read, "api").path("restart").asText());
        assertEquals("debug", service(read, "api").path("environment").path("LOG").asText());
        assertFalse(service(read, "api").has("x-note"));
        assertEquals("no", service(read, "worker").path("restart").asText(), "the service's own key wins over the merge");
    }

    @Test
    void severalFilesMergeInOrderAsDashFDoes() throws Exception {
        Path base = write("compose.yaml", """
                services:
                  web:
                    image: web:1
                    command: ["serve", "--slow"]
                    ports: ["8080:80"]
                    environment: ["MODE=base", "KEEP=yes"]
                """);
        Path override = write("compose.override.yaml", """
                services:
                  web:
                    image: web:2
                    command: ["serve", "--fast"]
                    ports: ["8443:443"]
                    environment:
                      MODE: override
                  cache:
                    image: redis:7
                """);
        var read = ComposeReader.read(List.of(base, override), env(Map.of()));
        JsonNode web = service(read, "web");
        assertEquals("web:2", web.path("image").asText());
        assertEquals("[\"serve\",\"--fast\"]", web.path("command").toString(), "a command is replaced, not joined");
        assertEquals("[\"8080:80\",\"8443:443\"]", web.path("ports").toString(), "ports are joined");
        assertEquals("override", web.path("environment").path("MODE").asText());
        assertEquals("yes", web.path("environment").path("KEEP").asText(), "list and map forms merge by name");
        assertTrue(read.compose().path("services").has("cache"));
    }

    @Test
    void extendsTakesItsBaseFromTheFileOrAnotherAndTheServiceWins() throws Exception {
        write("common.yaml", """
                services:
                  base:
                    image: app:1
                    environment: {LEVEL: info, REGION: eu}
                    depends_on: [db]
                """);
        Path file = write("compose.yaml", """
                services:
                  web:
                    extends: {file: common.yaml, service: base}
                    environment: {LEVEL: debug}
                  worker:
                    extends: web
                    command: work
                  db:
                    image: postgres
                """);
        var read = ComposeReader.read(List.of(file), env(Map.of()));
        assertEquals("app:1", service(read, "web").path("image").asText());
        assertEquals("debug", service(read, "web").path("environment").path("LEVEL").asText());
        assertEquals("eu", service(read, "web").path("environment").path("REGION").asText());
        assertFalse(service(read, "web").has("depends_on"), "compose does not inherit depends_on");
        assertEquals("app:1", service(read, "worker").path("image").asText(), "extends of an extended service");
        assertFalse(service(read, "worker").has("extends"));
        Path loop = write("loop.yaml", "services:\n  a: {extends: b, image: x}\n  b: {extends: a, image: y}\n");
        var e = assertThrows(InvalidInputException.class, () -> ComposeReader.read(List.of(loop), env(Map.of())));
        assertTrue(e.getMessage().contains("a loop"), e.getMessage());
    }

    @Test
    void servicesOfProfilesNotChosenAreLeftOutAndTheImportDropsTheirDependents() throws Exception {
        Path file = write("compose.yaml", """
                services:
                  app:
                    image: app:1
                    depends_on: [debugger]
                  debugger:
                    image: busybox
                    profiles: [debug]
                """);
        var without = ComposeReader.read(List.of(file), env(Map.of()));
        assertFalse(without.compose().path("services").has("debugger"));
        assertTrue(without.notes().stream().anyMatch(n -> n.contains("debugger: left out")), without.notes().toString());
        var result = ComposeImport.convert(without, "p", 1);
        assertTrue(result.notMapped().stream().anyMatch(n -> n.contains("depends_on.debugger")), result.notMapped().toString());
        LabFile.parse(result.labYaml(), "p.yaml");

        var with = ComposeReader.read(List.of(file), env(Map.of(), "debug"));
        assertTrue(with.compose().path("services").has("debugger"));
        assertFalse(service(with, "debugger").has("profiles"));
    }

    @Test
    void aVersionOneFileAndAFileThatIsNotComposeAreSaidWithWhatToDo() throws Exception {
        Path v1 = write("v1.yaml", "web:\n  image: nginx\ndb:\n  image: postgres\n");
        var e = assertThrows(InvalidInputException.class, () -> ComposeReader.read(List.of(v1), env(Map.of())));
        assertTrue(e.getMessage().startsWith(v1 + ":1:1: a version 1 compose file"), e.getMessage());
        Path list = write("list.yaml", "- a\n- b\n");
        var notCompose = assertThrows(InvalidInputException.class, () -> ComposeReader.read(List.of(list), env(Map.of())));
        assertTrue(notCompose.getMessage().contains("this is not a compose file"), notCompose.getMessage());
    }

    @Test
    void aStringCommandIsSplitIntoWordsAndContainerNameKeepsDependsOnWorking() throws Exception {
        Path file = write("compose.yaml", """
                services:
                  db:
                    image: mysql:8
                    command: --default-authentication-plugin=mysql_native_password --init-file "/docker init/x.sql"
                  elasticsearch:
                    image: elasticsearch:8
                    container_name: es
                  kibana:
                    image: kibana:8
                    depends_on: [elasticsearch, db]
                """);
        var result = ComposeImport.convert(ComposeReader.read(List.of(file), env(Map.of())), "stack", 1);
        LabSpec lab = LabFile.parse(result.labYaml(), "stack.yaml");
        Map<String, LabSpec.Container> byName = lab.containers().stream()
                .collect(Collectors.toMap(LabSpec.Container::name, c -> c));
        assertEquals(List.of("--default-authentication-plugin=mysql_native_password", "--init-file", "/docker init/x.sql"),
                byName.get("db").command());
        assertTrue(byName.containsKey("es"), byName.keySet().toString());
        assertEquals(List.of("es", "db"), byName.get("kibana").dependsOn());
    }

    @Test
    void shellWordsFollowQuotesAndEscapes() {
        assertEquals(List.of("sh", "-c", "echo 'hi there' && exit 0"),
                ShellWords.split("sh -c \"echo 'hi there' && exit 0\"", "x"));
        assertEquals(List.of("a b", "c\"d", "e$f"), ShellWords.split("a\\ b 'c\"d' \"e\\$f\"", "x"));
        var e = assertThrows(InvalidInputException.class, () -> ShellWords.split("echo 'open", "services.web.command"));
        assertTrue(e.getMessage().startsWith("services.web.command: the quote ' in"), e.getMessage());
    }

    @Test
    void aBuildBecomesAnImageTheLabBuildsFromTheSameFolderAndWhatItCannotTakeIsListed() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile"), "FROM portolan-test/busybox\n");
        Files.writeString(dir.resolve("app/Dockerfile.dev"), "FROM portolan-test/busybox AS dev\n");
        Files.createDirectories(dir.resolve("api"));
        Files.writeString(dir.resolve("api/Dockerfile"), "FROM portolan-test/busybox\n");
        Path file = write("compose.yaml", """
                services:
                  app:
                    build: ./app
                  api:
                    image: shop/api:2
                    build: {context: ./api, args: {VERSION: "2"}}
                  odd:
                    build: {context: ./app, dockerfile: Dockerfile.dev, target: dev, cache_from: [x]}
                  gone:
                    build: ./nowhere
                """);
        var result = ComposeImport.convert(ComposeReader.read(List.of(file), env(Map.of())), "shop", 1);
        LabSpec lab = LabFile.parse(result.labYaml(), "shop.yaml");
        Map<String, LabSpec.Image> images = lab.images().stream().collect(Collectors.toMap(LabSpec.Image::name, i -> i));
        assertEquals(Map.of("shop-app", new LabSpec.Image("shop-app", dir.resolve("app").toString()),
                "shop/api:2", new LabSpec.Image("shop/api:2", dir.resolve("api").toString(), null, Map.of("VERSION", "2"), null),
                "shop-odd", new LabSpec.Image("shop-odd", dir.resolve("app").toString(), "Dockerfile.dev", null, "dev")), images,
                "named as compose names them: PROJECT-SERVICE, or the service's image; with their Dockerfile, args and target");
        Map<String, String> imageOf = lab.containers().stream()
                .collect(Collectors.toMap(LabSpec.Container::name, LabSpec.Container::image));
        assertEquals("shop-app", imageOf.get("app"));
        assertEquals("shop/api:2", imageOf.get("api"));
        List<String> notMapped = result.notMapped();
        assertEquals(List.of("services.odd.build.cache_from", "services.gone.build", "services.gone"),
                notMapped.stream().map(n -> n.substring(0, n.indexOf(':'))).toList(), notMapped.toString());
        assertTrue(notMapped.get(1).contains(dir.resolve("nowhere/Dockerfile") + " is not on this computer"), notMapped.toString());
    }

    @Test
    void howAProcessRunsIsMappedUserEntrypointLabelsInitCapabilitiesTmpfsAndLimits() throws Exception {
        Path file = write("compose.yaml", """
                services:
                  app:
                    image: app:1
                    user: "1000:1000"
                    working_dir: /srv
                    entrypoint: /docker-entrypoint.sh --verbose
                    labels: ["team=shop", "tier=web"]
                    init: true
                    cap_add: [NET_ADMIN]
                    cap_drop: [ALL]
                    tmpfs: /run:size=16m
                    mem_limit: 256m
                    deploy:
                      resources:
                        limits: {cpus: "1.5"}
                        reservations: {memory: 64m}
                """);
        var result = ComposeImport.convert(ComposeReader.read(List.of(file), env(Map.of())), "p", 1);
        LabSpec.Container app = LabFile.parse(result.labYaml(), "p.yaml").containers().getFirst();
        assertEquals("1000:1000", app.user());
        assertEquals("/srv", app.workingDir());
        assertEquals(List.of("/docker-entrypoint.sh", "--verbose"), app.entrypoint());
        assertEquals(Map.of("team", "shop", "tier", "web"), app.labels());
        assertEquals(Boolean.TRUE, app.init());
        assertEquals(List.of("NET_ADMIN"), app.capAdd());
        assertEquals(List.of("ALL"), app.capDrop());
        assertEquals(List.of("/run:size=16m"), app.tmpfs());
        assertEquals("256m", app.memory());
        assertEquals(1.5, app.cpus());
        assertTrue(result.notMapped().stream().anyMatch(n -> n.startsWith("services.app.deploy.resources.reservations")),
                result.notMapped().toString());
    }
}
