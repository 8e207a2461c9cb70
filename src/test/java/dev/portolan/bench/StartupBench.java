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
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's numbers for the packaged app: start to first frame against an empty JavaFX
 * window started the same way (the same runtime, class path and JVM options; Portolan by
 * the app-image's launcher with its AOT cache when `-Pinstallers` built one, else this
 * JDK; the empty window also with an AOT cache of its own, made the same way), `portolan --version`
 * against `docker --version`, and the resident memory of the window showing 2,000
 * containers against the empty window's, with what dominates it (NMT). On a virtual
 * display when Xvfb is installed, else JavaFX's headless platform.
 */
class StartupBench extends EngineTest {

    private static final int ROUNDS = 5;
    private static final Path APP_IMAGE = Path.of("target/installer/portolan");
    private static final Path APP_CACHE = APP_IMAGE.resolve("lib/app/portolan.aot");
    private static final String APP = "dev.portolan.Main";
    private static final String EMPTY = EmptyWindow.class.getName();
    private static Process xvfb;
    private static String display;
    @TempDir
    static Path home;

    @BeforeAll
    static void screen() throws Exception {
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
        org.junit.jupiter.api.Assumptions.assumeTrue(packaged(), "the start-up comparison needs the app-image: -Pinstallers,bench");
        Path emptyCache = home.resolve("empty.aot");
        train(emptyCache);
        List<Double> app = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        List<Double> emptyCached = new ArrayList<>();
        firstFrame(APP, List.of(), true); // warm the disk cache for each
        firstFrame(EMPTY, List.of(), true);
        for (int i = 0; i < ROUNDS; i++) {
            app.add(firstFrame(APP, List.of(), true).millis);
            empty.add(firstFrame(EMPTY, List.of(), true).millis);
            emptyCached.add(firstFrame(EMPTY, List.of("-XX:AOTCache=" + emptyCache), true).millis);
        }
        List<Double> version = new ArrayList<>();
        List<Double> docker = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            version.add(timed(portolanVersion()));
            docker.add(timed(List.of("docker", "--version")));
        }

        BenchReport report = new BenchReport("startup");
        report.line("Portolan: " + (packaged() ? "the app-image's launcher (" + APP_IMAGE + (Files.exists(APP_CACHE)
                ? ", with its AOT cache)" : ", no AOT cache)") : "this JDK (no app-image: run with -Pinstallers)")
                + "; display: " + (display != null ? "Xvfb " + display : "headless"));
        report.line("start to first frame, ms (" + ROUNDS + " rounds):");
        Stats[] frame = report.sideBySide("portolan_first_frame", "Portolan's window", app, "empty_first_frame",
                "an empty JavaFX window (same runtime, options)", empty);
        Stats cached = Stats.of(emptyCached);
        report.line(cached.row("the empty window with its own AOT cache"));
        report.put("empty_aot_first_frame_p50_ms", cached.p50());
        report.line(String.format("Portolan / empty window: %.2fx (goal <= 1.5x); / the empty window with its own cache: %.2fx",
                frame[0].p50() / frame[1].p50(), frame[0].p50() / cached.p50()));
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
            Started empty = firstFrame(EMPTY, List.of("-XX:NativeMemoryTracking=summary"), false);
            Thread.sleep(15_000);
            Sample emptySample = sample(empty.process);
            String emptyAccount = account(empty.process, "the empty window");
            Started app = firstFrame(APP, List.of("-XX:NativeMemoryTracking=summary"), false);
            Thread.sleep(15_000);
            Sample appSample = sample(app.process);
            Thread.sleep(40_000);
            Sample appSettled = sample(app.process);
            String appAccount = account(app.process, "Portolan");

            BenchReport report = new BenchReport("memory");
            report.line(String.format("%d containers made in %.1f s", ids.size(), makeSeconds));
            report.line(String.format("%-52s %8s", "resident memory (max of 5 samples, 1 s apart)", "MB"));
            report.line(String.format("%-52s %8.0f   (goal <= 350 MB)   %s", "Portolan showing " + ids.size()
                    + " containers, 15 s after its first frame", appSample.rssMb, appSample.parts));
            report.line(String.format("%-52s %8.0f   %s", "the same, 60 s after", appSettled.rssMb, appSettled.parts));
            report.line(String.format("%-52s %8.0f   %s", "an empty JavaFX window, 15 s after", emptySample.rssMb,
                    emptySample.parts));
            report.line("what Portolan's JVM has committed at 60 s (NMT, MB): " + appAccount);
            report.line("the empty window's: " + emptyAccount);
            report.put("portolan_rss_mb", appSample.rssMb);
            report.put("portolan_settled_rss_mb", appSettled.rssMb);
            report.put("empty_window_rss_mb", emptySample.rssMb);
            report.finish();
        } finally {
            try (ExecutorService parallel = Executors.newFixedThreadPool(8)) {
                for (String id : ids) parallel.submit(() -> engine.docker().removeContainerCmd(id).withForce(true).exec());
            }
        }
    }

    private record Started(double millis, Process process) {}

    private record Sample(double rssMb, String parts) {}

    /** Starts a window and waits for its first frame; stops it unless told to keep it. */
    private static Started firstFrame(String main, List<String> options, boolean stop) throws Exception {
        List<String> settings = new ArrayList<>(List.of("-D" + FirstFrame.PROPERTY + "=true", "-Dportolan.first-run=false",
                "-Dportolan.home=" + home));
        if (display == null) settings.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        settings.addAll(options);
        ProcessBuilder builder;
        if (main.equals(APP) && packaged()) {
            // the installed app's way: its launcher, class path, JVM options and AOT cache; the benchmark's own settings
            // through the variable every JVM reads
            builder = new ProcessBuilder(APP_IMAGE.resolve("bin/portolan").toString());
            builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", settings));
        } else {
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(packagedJvmOptions());
            command.addAll(settings);
            command.addAll(List.of("-cp", classPath(), main));
            builder = new ProcessBuilder(command);
        }
        builder.redirectErrorStream(true);
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

    /** Resident memory now: the largest of 5 samples 1 s apart, with its anonymous, file-backed and shared parts. */
    private static Sample sample(Process process) throws Exception {
        double rss = 0;
        String parts = "";
        for (int i = 0; i < 5; i++) {
            double now = 0;
            StringBuilder kinds = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                double mb = Long.parseLong("0" + line.replaceAll("\\D", "")) / 1024.0;
                if (line.startsWith("VmRSS:")) now = mb;
                // anonymous (native memory), file-backed (the AOT cache, the runtime's modules, jars, fonts), shared (ZGC's heap)
                if (line.startsWith("RssAnon:") || line.startsWith("RssFile:") || line.startsWith("RssShmem:")) {
                    kinds.append(String.format("%s %.0f ", line.substring(3, line.indexOf(':')), mb));
                }
            }
            if (now >= rss) {
                rss = now;
                parts = kinds.toString().strip();
            }
            Thread.sleep(1000);
        }
        return new Sample(rss, parts);
    }

    /** The JVM's own account (NMT's committed areas; the largest classes on the heap, printed), then the window is closed. */
    private static String account(Process process, String label) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Processes.Result nmt = Processes.run(60, jcmd.toString(), String.valueOf(process.pid()), "VM.native_memory", "summary", "scale=MB");
        Processes.Result histogram = Processes.run(60, jcmd.toString(), String.valueOf(process.pid()), "GC.class_histogram");
        System.out.println("[memory] largest classes on the heap of " + label + ":\n"
                + histogram.output().lines().limit(14).collect(java.util.stream.Collectors.joining("\n")));
        end(process);
        return committed(nmt.output());
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

    private static boolean packaged() {
        return Files.isExecutable(APP_IMAGE.resolve("bin/portolan"));
    }

    /** The empty window's own AOT cache, made the way the packaging makes Portolan's (a training run that ends itself). */
    private static void train(Path cache) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:AOTCacheOutput=" + cache));
        command.addAll(packagedJvmOptions());
        command.addAll(List.of("-D" + FirstFrame.TRAINING + "=true", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-cp", classPath(), EMPTY));
        Processes.Result trained = Processes.run(120, java.util.Map.of(), command);
        if (!Files.exists(cache)) throw new AssertionError("no AOT cache for the empty window: " + trained);
    }

    private static double timed(List<String> command) throws Exception {
        long start = System.nanoTime();
        Processes.Result result = Processes.run(60, java.util.Map.of(), command);
        if (result.exit() != 0) throw new AssertionError(command + ": " + result);
        return (System.nanoTime() - start) / 1e6;
    }

    private static List<String> portolanVersion() throws java.io.IOException {
        return packaged() ? List.of(APP_IMAGE.resolve("bin/portolan").toString(), "--version")
                : List.of(java(), "-cp", classPath(), "dev.portolan.Main", "--version");
    }

    private static String java() {
        Path runtime = APP_IMAGE.resolve("lib/runtime/bin/java");
        return Files.isExecutable(runtime) ? runtime.toString() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The app-image's jars and the empty window in a jar of its own (an AOT cache takes jars only), or, with no
     * app-image, this test's class path.
     */
    private static String classPath() throws java.io.IOException {
        if (!packaged()) return System.getProperty("java.class.path");
        Path jar = home.resolve("empty-window.jar");
        if (!Files.exists(jar)) {
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
                for (String name : List.of("EmptyWindow.class", "EmptyWindow$Window.class")) {
                    out.putNextEntry(new java.util.jar.JarEntry("dev/portolan/bench/" + name));
                    out.write(Files.readAllBytes(Path.of("target/test-classes/dev/portolan/bench", name)));
                    out.closeEntry();
                }
            }
        }
        return APP_IMAGE.resolve("lib/app") + "/*" + java.io.File.pathSeparator + jar;
    }
}
