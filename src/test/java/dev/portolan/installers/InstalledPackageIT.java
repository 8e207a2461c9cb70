package dev.portolan.installers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.lab.LabTemplates;
import dev.portolan.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Linux package as a user gets it: `mvn -Pinstallers verify` builds the .deb, this test
 * installs it with apt (which brings GTK and the other libraries it depends on), runs the
 * installed `portolan` command and window, and removes it. Runs where the profile built a
 * package and the test may install software (root, apt): CI; elsewhere it is skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstalledPackageIT {

    private static final Path LAUNCHER = Path.of("/usr/bin/portolan");
    /** The installed app keeps its settings under target/, and uses the local test images, as the other tests do. */
    private static final Map<String, String> TEST_ENV = Map.of("JAVA_TOOL_OPTIONS",
            "-Dportolan.home=" + Path.of("target/installed-home").toAbsolutePath()
                    + " -Dportolan.image-substitutes=busybox:1.36=portolan-test/busybox -Dportolan.host-image=portolan-test/dind");

    private static Path deb;

    @BeforeAll
    static void install() throws Exception {
        String dir = System.getProperty("portolan.installer.dir");
        assumeTrue(dir != null, "the package is built by `mvn -Pinstallers verify`");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isExecutable(Path.of("/usr/bin/apt-get"))
                && "root".equals(System.getProperty("user.name")), "installing a .deb needs Debian or Ubuntu and root");
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            deb = files.filter(f -> f.toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("the installers profile built no .deb in " + dir));
        }
        System.out.printf("[package] %s: %.1f MB%n", deb.getFileName(), Files.size(deb) / 1e6);
        apt("purge", "-y", "portolan"); // a copy left by an interrupted run
        long start = System.nanoTime();
        Processes.Result installed = apt("install", "-y", deb.toAbsolutePath().toString());
        assertEquals(0, installed.exit(), installed.output());
        System.out.printf("[package] installed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void uninstallIfLeft() throws Exception {
        if (deb != null && Files.exists(LAUNCHER)) apt("purge", "-y", "portolan");
    }

    @Test
    @Order(1)
    void theCommandAnswersFromThePath() throws Exception {
        Processes.Result version = portolan("--version");
        assertEquals(0, version.exit(), version.output());
        assertTrue(version.output().contains("portolan 0.1.0"), version.output());

        Processes.Result help = portolan("import", "--help");
        assertEquals(0, help.exit(), help.output());
        assertTrue(help.output().contains("Usage: portolan import"), help.output());

        Processes.Result hosts = portolan("hosts", "--json");
        assertEquals(0, hosts.exit(), hosts.output());
        JsonNode list = new ObjectMapper().readTree(json(hosts.output()));
        assertEquals("local", list.get(0).path("key").asText(), hosts.output());
        assertEquals("live", list.get(0).path("state").asText(), hosts.output());

        // with no engine where DOCKER_HOST points: the list still comes, the local engine lost and why
        var noEngine = new java.util.HashMap<>(TEST_ENV);
        noEngine.put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        Processes.Result lost = Processes.run(120, noEngine, List.of(LAUNCHER.toString(), "hosts"));
        assertEquals(0, lost.exit(), lost.output());
        assertTrue(lost.output().contains("No engine at unix:///nonexistent/docker.sock"), lost.output());
        Processes.Result status = Processes.run(120, noEngine, List.of(LAUNCHER.toString(), "ls"));
        assertEquals(1, status.exit(), status.output());
        assertTrue(status.output().contains("No engine at unix:///nonexistent/docker.sock (the socket does not exist)"),
                status.output());
    }

    @Test
    @Order(2)
    void plansATemplate() throws Exception {
        Path lab = Files.createDirectories(Path.of("target/installed-home")).resolve("web-db.yaml");
        Files.writeString(lab, LabTemplates.text("web-db.yaml"));
        Processes.Result plan = portolan("plan", lab.toAbsolutePath().toString());
        assertEquals(0, plan.exit(), plan.output());
        assertTrue(plan.output().contains("Plan for web-db"), plan.output());

        Processes.Result missing = portolan("plan", "missing.yaml");
        assertEquals(2, missing.exit(), missing.output());
        assertTrue(missing.output().contains("missing.yaml"), missing.output());
    }

    @Test
    @Order(3)
    void opensItsWindowOnADisplay() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")) && Files.isExecutable(Path.of("/usr/bin/import")),
                "a window test needs Xvfb and ImageMagick (.ci/run installs them)");
        String display = ":" + (90 + ProcessHandle.current().pid() % 9);
        Process xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(Path.of("target/installed-xvfb.log").toFile()).start();
        Process app = null;
        try {
            var builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true)
                    .redirectOutput(Path.of("target/installed-window.log").toFile());
            builder.environment().putAll(TEST_ENV);
            builder.environment().put("DISPLAY", display);
            long start = System.nanoTime();
            app = builder.start();
            boolean shown = false;
            while (!shown && System.nanoTime() - start < 60e9 && app.isAlive()) {
                Thread.sleep(250);
                Processes.Result windows = Processes.run(10, "xwininfo", "-display", display, "-root", "-tree");
                // the main window by its title ("Portolan": …), not GTK's 10x10 leader window whose class is "Portolan"
                shown = windows.output().contains("\"Portolan\": (");
            }
            assertTrue(shown, "no window titled Portolan within 60 s; the app's output: "
                    + Files.readString(Path.of("target/installed-window.log")));
            System.out.printf("[package] the installed app's window is up %.1f s after launch%n", (System.nanoTime() - start) / 1e9);
            // a picture of the screen once the window has drawn itself (an empty screen compresses to a few hundred bytes)
            Path shot = Path.of("target/installer/installed-window.png");
            long drawn = System.nanoTime();
            do {
                Thread.sleep(1000);
                Processes.Result picture = Processes.run(30, "import", "-display", display, "-window", "root", shot.toString());
                assertEquals(0, picture.exit(), picture.output());
            } while (Files.size(shot) < 10_000 && System.nanoTime() - drawn < 30e9);
            assertTrue(Files.size(shot) > 10_000, "the screenshot is " + Files.size(shot) + " bytes 30 s after the window "
                    + "appeared: an empty screen");
        } finally {
            if (app != null) {
                app.descendants().forEach(ProcessHandle::destroy);
                app.destroy();
            }
            xvfb.destroy();
        }
    }

    @Test
    @Order(4)
    void uninstallsCleanly() throws Exception {
        Processes.Result removed = apt("purge", "-y", "portolan");
        assertEquals(0, removed.exit(), removed.output());
        Processes.Result known = Processes.run(30, "dpkg-query", "-W", "-f=${Status}", "portolan");
        assertTrue(known.exit() != 0 || known.output().contains("not-installed"), "dpkg still knows portolan: " + known.output());
        assertFalse(Files.exists(LAUNCHER, java.nio.file.LinkOption.NOFOLLOW_LINKS), "/usr/bin/portolan is left behind");
        assertFalse(Files.exists(Path.of("/opt/portolan/bin/portolan")), "/opt/portolan is left behind");
    }

    private static Processes.Result portolan(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return Processes.run(120, TEST_ENV, command);
    }

    private static Processes.Result apt(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(List.of(args));
        return Processes.run(600, Map.of("DEBIAN_FRONTEND", "noninteractive"), command);
    }

    /** The JSON of a command's output, without the JVM's "Picked up JAVA_TOOL_OPTIONS" line. */
    private static String json(String output) {
        return output.substring(output.indexOf('['));
    }
}
