package dev.portolan.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Capability;
import dev.portolan.host.Progress;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a lab container's process runs, as compose says it (user, working_dir, entrypoint,
 * labels, init, capabilities, tmpfs, memory and CPU limits), applied on the real engine.
 */
class LabProcessOptionsIT extends EngineTest {

    @TempDir
    Path home;

    @Test
    void theProcessRunsAsTheLabSaysAndItsLabelsKeepTheLabsOwnership() {
        String name = "opts" + UUID.randomUUID().toString().substring(0, 6);
        LabSpec lab = LabFile.parse("""
                name: %s
                hosts:
                  - {name: here, provider: existing, endpoint: "%s"}
                containers:
                  - name: %s-app
                    image: %s
                    command: ["3600"]
                    entrypoint: ["sleep"]
                    user: "65534:65534"
                    working_dir: /tmp
                    labels: {team: shop, dev.portolan.lab: forged}
                    init: true
                    cap_drop: [NET_RAW]
                    cap_add: [SYS_TIME]
                    tmpfs: ["/scratch:size=16m"]
                    memory: 64MiB
                    cpus: 0.5
                """.formatted(name, engine.endpoint().address(), name, TestEngine.BUSYBOX), "opts.yaml");
        Labs labs = TestLabs.in(engine, home).labs();
        try {
            labs.apply(lab, Progress.NONE);
            var app = engine.docker().inspectContainerCmd(name + "-app").exec();
            assertTrue(app.getState().getRunning(), "it runs");
            assertEquals("65534:65534", app.getConfig().getUser());
            assertEquals("/tmp", app.getConfig().getWorkingDir());
            assertArrayEquals(new String[] {"sleep"}, app.getConfig().getEntrypoint());
            assertEquals("shop", app.getConfig().getLabels().get("team"));
            assertEquals(name, app.getConfig().getLabels().get("dev.portolan.lab"), "the lab's own label wins over the file's");
            assertEquals(Boolean.TRUE, app.getHostConfig().getInit());
            assertArrayEquals(new Capability[] {Capability.NET_RAW}, app.getHostConfig().getCapDrop());
            assertArrayEquals(new Capability[] {Capability.SYS_TIME}, app.getHostConfig().getCapAdd());
            assertEquals(Map.of("/scratch", "size=16m"), app.getHostConfig().getTmpFs());
            assertEquals(64L * 1024 * 1024, app.getHostConfig().getMemory());
            assertEquals(500_000_000L, app.getHostConfig().getNanoCPUs());
        } finally {
            labs.destroy(lab, true, Progress.NONE);
        }
    }
}
