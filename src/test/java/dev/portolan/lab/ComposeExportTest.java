package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lab written as compose files, one per host, and imported again, is the same lab. */
class ComposeExportTest {

    @TempDir
    Path dir;

    @Test
    void aLabWithEveryContainerFieldComesBackTheSame() throws Exception {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/Dockerfile.prod"), "FROM portolan-test/busybox AS prod\n");
        Files.writeString(dir.resolve("nginx.conf"), "server {}\n");
        Files.createDirectories(dir.resolve("initdb"));
        Files.writeString(dir.resolve("initdb/1.sql"), "select 1;\n");
        Path labFile = dir.resolve("lab.yaml");
        Files.writeString(labFile, """
                name: shop
                hosts:
                  - {name: front, ports: ["8080:80"]}
                  - {name: data}
                images:
                  - {name: "shop/app:1", build: ./app, dockerfile: Dockerfile.prod, args: {VERSION: "1"}, target: prod}
                networks:
                  - {name: web, host: front}
                  - {name: back, host: data, subnet: 172.29.0.0/24}
                volumes:
                  - {name: db-data, host: data}
                  - {name: backups, host: data}
                containers:
                  - name: proxy
                    host: front
                    image: portolan-test/busybox
                    command: [httpd, -f, -p, "80", -h, /www]
                    ports: ["80:80"]
                    networks: [web]
                    depends_on: [app]
                    restart: unless-stopped
                    files:
                      - {source: ./nginx.conf, target: /etc/nginx/nginx.conf, read_only: true}
                      - {content: "upstreams=${replicas:app}", target: /etc/upstreams, read_only: true}
                    env: {BACKENDS: "${replicas:app}", HOME_DIR: "$HOME"}
                    logging: {driver: json-file, options: {max-size: 1m}}
                  - name: app
                    host: front
                    image: "shop/app:1"
                    replicas: 3
                    entrypoint: [sh, -c]
                    command: ["echo $$ && sleep 3600"]
                    networks: [web]
                    aliases: [api]
                    user: "1000:1000"
                    working_dir: /srv
                    labels: {team: shop}
                    init: true
                    cap_drop: [NET_RAW]
                    cap_add: [SYS_TIME]
                    tmpfs: ["/tmp:size=16m"]
                    memory: 64MiB
                    cpus: 0.5
                    expose: ["8080"]
                    ulimits: {nofile: "1024:2048", nproc: "512"}
                  - name: migrate
                    host: data
                    image: portolan-test/busybox
                    command: [sh, -c, "exit 0"]
                    networks: [back]
                  - name: db
                    host: data
                    image: portolan-test/busybox
                    networks: [back]
                    ipv4_address: {back: 172.29.0.10}
                    volumes: ["db-data:/data"]
                    files:
                      - {source: ./initdb, target: /docker-entrypoint-initdb.d}
                    healthcheck: {test: [CMD-SHELL, "test -f /data/ok"], interval: 1s, timeout: 2s, retries: 3, start_period: 10s}
                    wait_for: {migrate: completed}
                  - name: backup
                    host: data
                    image: portolan-test/busybox
                    volumes: ["backups:/backups"]
                    volumes_from: [db]
                    depends_on: [db]
                    healthcheck: {test: [NONE]}
                """);
        LabSpec lab = LabFile.read(labFile);
        List<Path> files = ComposeExport.write(lab, dir.resolve("out"));
        assertEquals(List.of(dir.resolve("out/shop-front.compose.yaml"), dir.resolve("out/shop-data.compose.yaml")), files);
        String front = Files.readString(files.getFirst());
        assertTrue(front.contains("# Run it on that host: docker compose -f shop-front.compose.yaml up -d"), front);
        assertTrue(front.contains("the host's own ports [8080:80]"), front);
        assertTrue(front.contains("BACKENDS: \"$${replicas:app}\""), "a lab's own $ is escaped for compose: " + front);

        var read = ComposeReader.read(files, new ComposeReader.Options(null, Set.of(), Map.of()));
        var imported = ComposeImport.convert(read, ComposeImport.labName(read, "out"), 1);
        assertEquals(List.of(), imported.notMapped(), imported.labYaml());
        LabSpec again = LabFile.parse(imported.labYaml(), "again.yaml");
        assertSame(lab, again);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sample.yaml", "web-db.yaml", "load-balancer.yaml", "volume-container.yaml", "logging-sidecar.yaml"})
    void eachShippedTemplateComesBackTheSame(String template) throws Exception {
        LabSpec lab = LabFile.parse(LabTemplates.text(template), template);
        if (lab.containers().isEmpty()) return;
        List<Path> files = ComposeExport.write(lab, dir);
        var read = ComposeReader.read(files, new ComposeReader.Options(null, Set.of(), Map.of()));
        var imported = ComposeImport.convert(read, ComposeImport.labName(read, "x"), 1);
        assertSame(lab, LabFile.parse(imported.labYaml(), "again.yaml"));
    }

    /** The same hosts (by name), images, networks, volumes and containers, whatever their order. */
    private static void assertSame(LabSpec expected, LabSpec actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(sorted(expected.hosts().stream().map(LabSpec.Host::name).toList()),
                sorted(actual.hosts().stream().map(LabSpec.Host::name).toList()));
        assertEquals(canonical(expected.images()), canonical(actual.images()));
        assertEquals(canonical(expected.volumes().stream().map(v -> hosted(expected, v.host(), v.name())).toList()),
                canonical(actual.volumes().stream().map(v -> hosted(actual, v.host(), v.name())).toList()));
        assertEquals(canonical(expected.networks().stream().map(n -> hosted(expected, n.host(), n.name() + " " + n.subnet())).toList()),
                canonical(actual.networks().stream().map(n -> hosted(actual, n.host(), n.name() + " " + n.subnet())).toList()));
        assertEquals(canonical(expected.containers().stream().map(c -> withHost(expected, c)).toList()),
                canonical(actual.containers().stream().map(c -> withHost(actual, c)).toList()));
    }

    private static String hosted(LabSpec lab, String host, String what) {
        return Labs.hostOf(lab, host) + "/" + what;
    }

    /** A container with its host written out (a one-host lab may leave it out). */
    private static String withHost(LabSpec lab, LabSpec.Container c) {
        return Labs.hostOf(lab, c.host()) + " " + Labs.canonical(c).replace("\"host\":\"" + c.host() + "\",", "").replace("\"host\":null,", "");
    }

    private static List<String> canonical(List<?> items) {
        return items.stream().map(i -> i instanceof String s ? s : Labs.canonical(i)).sorted().toList();
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
