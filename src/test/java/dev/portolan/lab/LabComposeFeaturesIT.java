package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.ExposedPort;
import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.ExplainedFailure;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.Progress;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a staging copy of a compose project needs, applied on the real engine: files of this
 * computer copied into the host and mounted (again when they change), secrets and configs,
 * exposed ports, ulimits, logging, network aliases and a fixed address, a health check's
 * start period, and waits for a service to be healthy or to have completed.
 */
class LabComposeFeaturesIT extends EngineTest {

    @TempDir
    Path home;
    @TempDir
    Path project;

    @Test
    void filesWaitsAndTheRestOfAComposeServiceAreMadeAsTheLabSays() throws Exception {
        String name = "cf" + UUID.randomUUID().toString().substring(0, 6);
        Files.writeString(project.resolve("nginx.conf"), "server { listen 80; }\n");
        Files.createDirectories(project.resolve("initdb"));
        Files.writeString(project.resolve("initdb/01-schema.sql"), "create table t (id int);\n");
        Files.writeString(project.resolve("initdb/run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(project.resolve("initdb/run.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(project.resolve("db_password.txt"), "s3cret\n");
        Path labFile = project.resolve("lab.yaml");
        Files.writeString(labFile, """
                name: %1$s
                hosts:
                  - {name: here, provider: existing, endpoint: "%2$s"}
                networks:
                  - {name: %1$s-back, subnet: 172.31.250.0/24}
                containers:
                  - name: %1$s-migrate
                    image: %3$s
                    command: [sh, -c, "sleep 1; exit 0"]
                  - name: %1$s-db
                    image: %3$s
                    command: [sh, -c, "sleep 1; touch /tmp/ready; exec sleep 3600"]
                    networks: [%1$s-back]
                    aliases: [database]
                    ipv4_address: {%1$s-back: 172.31.250.10}
                    healthcheck: {test: [CMD-SHELL, "test -f /tmp/ready"], interval: 1s, retries: 30, start_period: 20s}
                    files:
                      - {source: ./initdb, target: /docker-entrypoint-initdb.d}
                      - {source: ./db_password.txt, target: /run/secrets/db_password, read_only: true}
                    expose: ["5432"]
                    ulimits: {nofile: "1024:2048"}
                    logging: {driver: json-file, options: {max-size: 1m}}
                  - name: %1$s-web
                    image: %3$s
                    command: [sleep, "3600"]
                    networks: [%1$s-back]
                    depends_on: [%1$s-db]
                    wait_for: {%1$s-db: healthy, %1$s-migrate: completed}
                    files:
                      - {source: ./nginx.conf, target: /etc/nginx/conf.d/default.conf, read_only: true}
                      - {content: "port=80", target: /etc/app.conf, read_only: true}
                """.formatted(name, engine.endpoint().address(), TestEngine.BUSYBOX));
        Labs labs = TestLabs.in(engine, home).labs();
        try {
            List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
            labs.apply(LabFile.read(labFile), Progress.reporting(steps::add));
            assertTrue(steps.stream().anyMatch(s -> s.contains(name + "-web: wait until " + name + "-db is healthy")), steps.toString());

            var db = engine.docker().inspectContainerCmd(name + "-db").exec();
            var web = engine.docker().inspectContainerCmd(name + "-web").exec();
            var migrate = engine.docker().inspectContainerCmd(name + "-migrate").exec();
            assertTrue(Instant.parse(web.getCreated()).isAfter(Instant.parse(migrate.getState().getFinishedAt())),
                    "web is made once migrate has completed");
            assertEquals(0L, migrate.getState().getExitCodeLong());
            assertEquals(20_000_000_000L, db.getConfig().getHealthcheck().getStartPeriod());
            assertTrue(Arrays.asList(db.getConfig().getExposedPorts()).contains(ExposedPort.tcp(5432)));
            assertEquals("nofile", db.getHostConfig().getUlimits()[0].getName());
            assertEquals(1024L, db.getHostConfig().getUlimits()[0].getSoftLong());
            assertEquals(2048L, db.getHostConfig().getUlimits()[0].getHardLong());
            assertEquals("json-file", db.getHostConfig().getLogConfig().getType().getType());
            assertEquals("1m", db.getHostConfig().getLogConfig().getConfig().get("max-size"));
            var endpoint = db.getNetworkSettings().getNetworks().get(name + "-back");
            assertEquals("172.31.250.10", endpoint.getIpAddress());
            assertTrue(endpoint.getAliases().contains("database"), endpoint.getAliases().toString());

            String ping = exec(name + "-web", "sh", "-c", "ping -c 1 -W 1 database | head -n 1");
            assertTrue(ping.contains("(172.31.250.10)"), "web reaches db by its alias, at its fixed address: " + ping);
            assertEquals("server { listen 80; }\n", exec(name + "-web", "cat", "/etc/nginx/conf.d/default.conf"));
            assertEquals("port=80", exec(name + "-web", "cat", "/etc/app.conf"));
            assertEquals("s3cret\n", exec(name + "-db", "cat", "/run/secrets/db_password"));
            assertEquals("create table t (id int);\n", exec(name + "-db", "cat", "/docker-entrypoint-initdb.d/01-schema.sql"));
            assertEquals("hi\n", exec(name + "-db", "/docker-entrypoint-initdb.d/run.sh"), "a script stays executable");
            assertNotEquals(0, execCode(name + "-web", "sh", "-c", "echo x > /etc/nginx/conf.d/default.conf"), "read-only is kept");
            assertEquals(0, execCode(name + "-db", "sh", "-c", "echo x > /docker-entrypoint-initdb.d/new"), "a folder mounted read-write takes writes");

            assertEquals(List.of(), labs.plan(LabFile.read(labFile)), "unchanged files: nothing to do");
            Files.writeString(project.resolve("nginx.conf"), "server { listen 8080; }\n");
            var again = labs.plan(LabFile.read(labFile)).stream().map(LabStep::describe).toList();
            assertEquals(List.of("replace container " + name + "-web"), again, "a changed file: its container is made again");
            labs.apply(LabFile.read(labFile), Progress.NONE);
            assertEquals("server { listen 8080; }\n", exec(name + "-web", "cat", "/etc/nginx/conf.d/default.conf"));
            var copies = engine.docker().listVolumesCmd().withFilter("label", List.of(LabFiles.FILES_OF + "=" + name + "-web")).exec().getVolumes();
            assertEquals(1, copies.size(), "the old read-only copy is removed once nothing mounts it: " + copies);
        } finally {
            labs.destroy(LabFile.read(labFile), true, Progress.NONE);
        }
        var left = engine.docker().listVolumesCmd().withFilter("label", List.of(dev.portolan.host.Ownership.LAB + "=" + name)).exec().getVolumes();
        assertTrue(left == null || left.isEmpty(), "destroy with volumes takes the copies too: " + left);
    }

    @Test
    void aServiceThatFailsToCompleteStopsWhatWaitsForItAndSaysWhy() throws Exception {
        String name = "cw" + UUID.randomUUID().toString().substring(0, 6);
        LabSpec lab = LabFile.parse("""
                name: %1$s
                hosts:
                  - {name: here, provider: existing, endpoint: "%2$s"}
                containers:
                  - {name: %1$s-migrate, image: %3$s, command: [sh, -c, "exit 3"]}
                  - {name: %1$s-app, image: %3$s, command: [sleep, "3600"], wait_for: {%1$s-migrate: completed}}
                """.formatted(name, engine.endpoint().address(), TestEngine.BUSYBOX), "w.yaml");
        Labs labs = TestLabs.in(engine, home).labs();
        try {
            RuntimeException failed = assertThrows(RuntimeException.class, () -> labs.apply(lab, Progress.NONE));
            assertTrue(failed instanceof InvalidInputException || failed instanceof ExplainedFailure, failed.toString());
            assertTrue(failed.getMessage().contains(name + "-migrate exited with code 3"), failed.getMessage());
            assertTrue(engine.docker().listContainersCmd().withShowAll(true).withNameFilter(List.of(name + "-app")).exec().isEmpty(),
                    "what waits for it is not made");
            var bad = assertThrows(LabFileException.class, () -> LabFile.parse(("""
                    name: %1$s
                    hosts: [{name: here}]
                    containers:
                      - {name: a, image: busybox, wait_for: {b: healthy}, files: [{source: /no/such/file, target: /x}]}
                      - {name: b, image: busybox}
                    """).formatted(name), "bad.yaml"));
            String problems = bad.getMessage();
            assertTrue(problems.contains("bad.yaml:4:") && problems.contains("wait_for b: healthy, but b has no healthcheck")
                    && problems.contains("files source: /no/such/file is not on this computer"), problems);
        } finally {
            labs.destroy(lab, true, Progress.NONE);
        }
    }

    private String exec(String container, String... command) throws Exception {
        var result = new ContainerOps(engine.clients()).exec(container, List.of(command), Duration.ofSeconds(10));
        assertNotNull(result);
        return result.output();
    }

    private int execCode(String container, String... command) throws Exception {
        return new ContainerOps(engine.clients()).exec(container, List.of(command), Duration.ofSeconds(10)).exitCode();
    }
}
