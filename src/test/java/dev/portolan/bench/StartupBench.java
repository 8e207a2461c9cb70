package dev.portolan.bench;

import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Processes;
import dev.portolan.testing.TestEngine;
import dev.portolan.ui.FirstFrame;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's numbers for the packaged app: start to first frame against an empty JavaFX
 * window started the same way (the same runtime, class path and JVM options; the
 * app-image's runtime when `-Pinstallers` built one, else this JDK), `portolan --version`
 * against `docker --version`, and the resident memory of the window showing 2,000
 * containers against the empty window's, with what dominates it (NMT). On a virtual
 * display when Xvfb is installed, else JavaFX's headless platform.
 */
class StartupBench extends EngineTest {

    private static final int ROUNDS = 5;
    private static final Path APP_IMAGE = Path.of("target/installer/portolan");
    private static Process xvfb;
    private static String display;
    private static Path home;

    @BeforeAll
    static void screen() throws Exception {
        home = Files.createTempDirectory("portolan-startup");
        if (Files.isExecutable(Path.of("/usr/bin/Xvfb"))) {
            display = ":" + (80 + ProcessHandle.current().pid() % 9);
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1400x900x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopScreen() {
        if (xvfb != null) xvfb.destroy();
    }

    @Test
    void startToFirstFrameAndVersion() throws Exception {
        List<Double> app = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        firstFrame("dev.portolan.Main", List.of()); // warm the disk cache for both
        firstFrame(EmptyWindow.class.getName(), List.of());
        for (int i = 0; i < ROUNDS; i++) {
            app.add(firstFrame("dev.portolan.Main", List.of()).millis);
            empty.add(firstFrame(EmptyWindow.class.getName(), List.of()).millis);
        }
        List<Double> version = new ArrayList<>();
        List<Double> docker = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            version.add(timed(portolanVersion()));
            docker.add(timed(List.of("docker", "--version")));
        }

        BenchReport report = new BenchReport("startup");
        report.line("runtime: " + (Files.isDirectory(APP_IMAGE) ? "the app-image's (" + APP_IMAGE + ")" : "this JDK (no app-image: "
                + "run with -Pinstallers)") + "; display: " + (display != null ? "Xvfb " + display : "headless"));
        report.line("start to first frame, ms (" + ROUNDS + " rounds):");
        Stats[] frame = report.sideBySide("portolan_first_frame", "Portolan's window", app, "empty_first_frame",
                "an empty JavaFX window", empty);
        report.line(String.format("Portolan / empty window: %.2fx (goal <= 1.5x)", frame[0].p50() / frame[1].p50()));
        report.line("--version, ms (10 rounds):");
        Stats[] v = report.sideBySide("portolan_version", "portolan --version", version,
                "docker_version", "docker --version", docker);
        report.line(String.format("portolan / docker: %.1fx (reported)", v[0].p50() / v[1].p50()));
        report.finish();
    }

    @Test
    void residentMemoryShowing2000Containers() throws Exception {
        long made = System.nanoTime();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 2000; i++) {
                parallel.submit(() -> ids.add(engine.create(TestEngine.uniqueName("mem"))));
            }
            parallel.shutdown();
            parallel.awaitTermination(10, TimeUnit.MINUTES);
        }
        double makeSeconds = (System.nanoTime() - made) / 1e9;
        try {
            Started empty = firstFrame(EmptyWindow.class.getName(), List.of("-XX:NativeMemoryTracking=summary"), false);
            Memory emptyMemory = settle(empty.process);
            Started app = firstFrame("dev.portolan.Main", List.of("-XX:NativeMemoryTracking=summary"), false);
            Memory appMemory = settle(app.process);

            BenchReport report = new BenchReport("memory");
            report.line(String.format("%d containers made in %.1f s; each window measured 15 s after its first frame", ids.size(),
                    makeSeconds));
            report.line(String.format("%-44s %8s", "resident memory (max of 5 samples)", "MB"));
            report.line(String.format("%-44s %8.0f   (goal <= 350 MB)", "Portolan showing " + ids.size() + " containers",
                    appMemory.rssMb));
            report.line(String.format("%-44s %8.0f", "an empty JavaFX window", emptyMemory.rssMb));
            report.line("what Portolan's JVM has committed (NMT, MB): " + appMemory.nmt);
            report.line("the empty window's: " + emptyMemory.nmt);
            report.put("portolan_rss_mb", appMemory.rssMb);
            report.put("empty_window_rss_mb", emptyMemory.rssMb);
            report.finish();
        } finally {
            try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
                for (String id : ids) parallel.submit(() -> engine.docker().removeContainerCmd(id).withForce(true).exec());
            }
        }
    }

    private record Started(double millis, Process process) {}

    private record Memory(double rssMb, String nmt) {}

    private static Started firstFrame(String main, List<String> options) throws Exception {
        return firstFrame(main, options, true);
    }

    /** Starts a window and waits for its first frame; stops it unless told to keep it. */
    private static Started firstFrame(String main, List<String> options, boolean stop) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(packagedJvmOptions());
        command.addAll(List.of("-D" + FirstFrame.PROPERTY + "=true", "-Dportolan.first-run=false", "-Dportolan.home=" + home));
        if (display == null) command.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath(), main));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (display != null) builder.environment().put("DISPLAY", display);
        long start = System.nanoTime();
        Process process = builder.start();
        // a window that never reports its frame must not hold the benchmark forever
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(60_000);
                process.destroyForcibly();
            } catch (InterruptedException e) {
                // reported in time
            }
        });
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.contains(FirstFrame.LINE)) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    watchdog.interrupt();
                    Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep its output flowing
                    if (stop) end(process);
                    return new Started(millis, process);
                }
                seen.append(line).append('\n');
            }
            throw new AssertionError(main + " ended (or was stopped after 60 s) before its first frame:\n" + seen);
        } catch (RuntimeException | Error e) {
            end(process);
            throw e;
        }
    }

    /** Resident memory after the window has settled (15 s), and the JVM's own account of it. */
    private static Memory settle(Process process) throws Exception {
        Thread.sleep(15_000);
        double rss = 0;
        for (int i = 0; i < 5; i++) {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) rss = Math.max(rss, Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
            Thread.sleep(1000);
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Processes.Result nmt = Processes.run(60, jcmd.toString(), String.valueOf(process.pid()), "VM.native_memory", "summary", "scale=MB");
        end(process);
        return new Memory(rss, committed(nmt.output()));
    }

    /** The five largest committed areas of an NMT summary: "Java Heap 120, Class 40, …". */
    static String committed(String summary) {
        var pattern = java.util.regex.Pattern.compile("-\\s+([A-Za-z][A-Za-z ]+?) \\(reserved=\\d+MB, committed=(\\d+)MB\\)");
        var areas = new java.util.TreeMap<Integer, List<String>>(java.util.Comparator.reverseOrder());
        var matcher = pattern.matcher(summary);
        while (matcher.find()) areas.computeIfAbsent(Integer.parseInt(matcher.group(2)), k -> new ArrayList<>()).add(matcher.group(1).strip());
        List<String> top = new ArrayList<>();
        areas.forEach((mb, names) -> names.forEach(n -> top.add(n + " " + mb)));
        return top.isEmpty() ? "(no NMT summary: " + dev.portolan.engine.EngineErrors.firstLine(summary) + ")" : String.join(", ", top.subList(0, Math.min(6, top.size())));
    }

    /** The JVM options the packages give the app (installers/app.args), so both windows start as the installed app does. */
    private static List<String> packagedJvmOptions() throws java.io.IOException {
        String line = Files.readAllLines(Path.of("installers/app.args")).stream().filter(l -> l.startsWith("--java-options"))
                .findFirst().orElseThrow();
        return List.of(line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')).split(" "));
    }

    private static void end(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    private static double timed(List<String> command) throws Exception {
        long start = System.nanoTime();
        Processes.Result result = Processes.run(60, java.util.Map.of(), command);
        if (result.exit() != 0) throw new AssertionError(command + ": " + result);
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<String> portolanVersion() {
        return Files.isExecutable(APP_IMAGE.resolve("bin/portolan")) ? List.of(APP_IMAGE.resolve("bin/portolan").toString(), "--version")
                : List.of(java(), "-cp", classPath(), "dev.portolan.Main", "--version");
    }

    private static String java() {
        Path runtime = APP_IMAGE.resolve("lib/runtime/bin/java");
        return Files.isExecutable(runtime) ? runtime.toString() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The app-image's jars and this build's test classes (the empty window), or this test's class path. */
    private static String classPath() {
        if (Files.isDirectory(APP_IMAGE.resolve("lib/app"))) {
            return APP_IMAGE.resolve("lib/app") + "/*" + java.io.File.pathSeparator + Path.of("target/test-classes");
        }
        return System.getProperty("java.class.path");
    }
}
