package dev.portolan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.EngineTest;
import dev.portolan.testing.TestLab;
import dev.portolan.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `portolan plan|apply|status|ls|destroy` on the real engine, with exit codes and --json. */
class LabCommandsIT extends EngineTest {

    @TempDir
    Path dir;

    private static Cli portolan(String... args) {
        return Cli.run(args);
    }

    @Test
    void aLabIsPlannedAppliedListedAndDestroyedFromTheCommandLine() throws Exception {
        TestLab lab = TestLab.webDb("cli");
        String name = lab.name();
        Path file = lab.writeTo(dir);
        String image = "--host-image=" + TestEngine.DIND;

        Cli plan = portolan("plan", image, file.toString());
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("web: create simulated host web"), plan.out());

        Cli apply = portolan("apply", image, file.toString());
        assertEquals(0, apply.code(), apply.err());
        assertTrue(apply.out().contains(name + " is applied"), apply.out());

        Cli again = portolan("plan", "--json", image, file.toString());
        assertEquals(0, again.code(), again.err());
        assertEquals("[ ]", again.out().strip(), "nothing left to do");

        Cli status = portolan("status", file.toString());
        assertTrue(status.out().contains("web: running") && status.out().contains("data: running"), status.out());
        // a host stopped by hand: status and plan say so, and apply starts it
        assertEquals(0, new dev.portolan.testing.DockerCli(dir).run("stop", "portolan-" + name + "-web").exit());
        Cli stopped = portolan("status", file.toString());
        assertTrue(stopped.out().contains("web: stopped (simulated)") && stopped.out().contains("data: running"), stopped.out());
        Cli planStart = portolan("plan", image, file.toString());
        assertTrue(planStart.out().contains("web: start host web (stopped)") && !planStart.out().contains("create"), planStart.out());
        assertEquals(0, portolan("apply", image, file.toString()).code());
        assertTrue(portolan("status", file.toString()).out().contains("web: running"));

        Cli hosts = portolan("hosts");
        assertEquals(0, hosts.code(), hosts.err());
        assertTrue(hosts.out().startsWith("local") && hosts.out().contains(name + "/web") && hosts.out().contains(name + "/data"),
                hosts.out());
        assertTrue(hosts.out().lines().anyMatch(l -> l.startsWith(name + "/web") && l.contains("simulated host") && l.endsWith("live")),
                hosts.out());

        Cli ls = portolan("ls", "--json");
        assertTrue(ls.out().contains("\"" + name + "\""), ls.out());

        // named as `ls` lists it, as when the file is not at hand (a tour's lab); the data is kept unless asked
        Cli destroy = portolan("destroy", name);
        assertEquals(0, destroy.code(), destroy.err());
        assertTrue(destroy.out().contains("web: remove simulated host (its data volume is kept)")
                && destroy.out().contains(name + " is destroyed; its data volumes are kept"), destroy.out());
        String webData = "portolan-" + name + "-web-docker";
        assertEquals(webData, engine.docker().inspectVolumeCmd(webData).exec().getName());
        // what was kept is not forgotten: ls lists it, status tells it by the lab's name
        assertTrue(portolan("ls").out().lines().anyMatch(l -> l.equals(name + ": data (kept data), web (kept data)")),
                portolan("ls").out());
        Cli kept = portolan("status", name);
        assertEquals(0, kept.code(), kept.err());
        assertTrue(kept.out().contains("web: kept data (simulated)") && kept.out().contains(webData + " is kept"), kept.out());
        // asked later, the kept data goes too, though no host is left to name the lab
        Cli data = portolan("destroy", "--remove-volumes", name);
        assertEquals(0, data.code(), data.err());
        assertTrue(data.out().contains("remove the kept data volume " + webData) && data.out().contains(name + " is destroyed."),
                data.out());
        assertThrows(com.github.dockerjava.api.exception.NotFoundException.class,
                () -> engine.docker().inspectVolumeCmd(webData).exec());
        assertTrue(portolan("status", file.toString()).out().contains("web: absent"));
        Cli gone = portolan("status", name);
        assertEquals(LabCommands.BAD_INPUT, gone.code());
        assertTrue(gone.err().startsWith("There is no lab named " + name + " with hosts or kept data"), gone.err());
    }

    @Test
    void anImagesLayersAndItsWasteWithDiveLikeLimits() throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + TestEngine.BUSYBOX + "\n"
                + "RUN dd if=/dev/zero of=/big bs=1024 count=256\nRUN rm /big\nENV READY=1\n");
        String tag = "portolan-test/cli-waste:" + java.util.UUID.randomUUID().toString().substring(0, 8);
        dev.portolan.image.ImageBuild.build(engine.docker(), dir, tag, dev.portolan.image.ImageBuild.Listener.steps(s -> { }),
                () -> false);
        try {
            Cli layers = portolan("layers", tag);
            assertEquals(0, layers.code(), layers.err());
            assertTrue(layers.out().contains("RUN dd if=/dev/zero of=/big") && layers.out().contains("/big (1 hidden copy)"),
                    layers.out());
            assertTrue(layers.out().contains("262 KB hidden by later layers"), layers.out());

            Cli strict = portolan("layers", "--json", "--lowest-efficiency", "0.99", "--highest-wasted-bytes", "100KB", tag);
            assertEquals(LabCommands.OVER_LIMIT, strict.code(), strict.err());
            assertTrue(strict.out().contains("\"wastedBytes\" : 262144"), strict.out());
            assertEquals(0, portolan("layers", "--highest-wasted-bytes", "1MiB", tag).code(), "within the limit");

            Cli missing = portolan("layers", "portolan-test/no-such-image");
            assertEquals(LabCommands.BAD_INPUT, missing.code());
            assertTrue(missing.err().startsWith("There is no image portolan-test/no-such-image on "), missing.err());
            Cli badHost = portolan("layers", "--host", "nowhere", tag);
            assertEquals(LabCommands.BAD_INPUT, badHost.code());
            assertTrue(badHost.err().startsWith("There is no host named nowhere. Known hosts: local"), badHost.err());
        } finally {
            engine.docker().removeImageCmd(tag).withForce(true).exec();
        }
    }

    @Test
    void aVolumeIsBackedUpAndRestoredFromTheCommandLine() throws Exception {
        String volume = TestEngine.uniqueName("clivol");
        String restored = TestEngine.uniqueName("clirestored");
        engine.docker().createVolumeCmd().withName(volume).withLabels(java.util.Map.of(TestEngine.LABEL, "true")).exec();
        try {
            Path file = dir.resolve("clivol.tar");
            Cli backup = portolan("volume", "backup", "--json", "local/" + volume, file.toString());
            assertEquals(0, backup.code(), backup.err());
            assertEquals(dev.portolan.host.VolumeArchive.checksum(file),
                    LabCommands.JSON.readTree(backup.out()).path("sha256").asText(), backup.out());

            Cli restore = portolan("volume", "restore", file.toString(), "local/" + restored);
            assertEquals(0, restore.code(), restore.err());
            assertTrue(restore.out().contains("Restored " + file + " into local/" + restored + " (a new volume)"), restore.out());

            Cli noSlash = portolan("volume", "backup", volume, file.toString());
            assertEquals(LabCommands.BAD_INPUT, noSlash.code());
            assertTrue(noSlash.err().contains("is not HOST/VOLUME"), noSlash.err());
            Cli noHost = portolan("volume", "backup", "nowhere/" + volume, file.toString());
            assertEquals(LabCommands.BAD_INPUT, noHost.code());
            assertTrue(noHost.err().startsWith("There is no host named nowhere."), noHost.err());
        } finally {
            for (String v : java.util.List.of(volume, restored)) {
                try {
                    engine.docker().removeVolumeCmd(v).exec();
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    // never made
                }
            }
        }
    }

    @Test
    void theEnginesOfThisComputerAreListedWithTheOneInUse() throws Exception {
        Cli engines = portolan("engines", "--json");
        assertEquals(0, engines.code(), engines.err());
        var list = LabCommands.JSON.readTree(engines.out());
        var inUse = list.get(0);
        assertTrue(inUse.path("foundBy").asText().startsWith("in use"), engines.out());
        assertTrue(inUse.path("answers").asBoolean(), engines.out());
        assertTrue(inUse.path("detail").asText().startsWith("Docker "), engines.out());
        assertTrue(portolan("engines").out().startsWith("* "), "the text marks the engine in use");
    }

    @Test
    void aBadFileOrCommandExitsWith2AndSaysWhere() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: demo\nhosts:\n  - name: n1\n    provder: simulated\n");
        Cli bad = portolan("plan", file.toString());
        assertEquals(LabCommands.BAD_INPUT, bad.code());
        assertTrue(bad.err().startsWith("bad.yaml:4:5: unknown key 'provder'"), bad.err());
        Cli noLab = portolan("destroy", "no-such-lab");
        assertEquals(LabCommands.BAD_INPUT, noLab.code());
        assertTrue(noLab.err().startsWith("There is no lab named no-such-lab with hosts on this computer"), noLab.err());
        Cli noFile = portolan("destroy", dir.resolve("gone.yaml").toString());
        assertEquals(LabCommands.BAD_INPUT, noFile.code(), noFile.err());
        Cli unknown = portolan("plna", file.toString());
        assertEquals(LabCommands.BAD_INPUT, unknown.code());
        assertTrue(unknown.err().contains("Unmatched argument") || unknown.err().contains("plna"), unknown.err());
    }
}
