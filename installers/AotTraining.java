// Packaging step (run by the Maven profile `installers` after jpackage made the app-image):
//     java installers/AotTraining.java APP-IMAGE-FOLDER linux|macos|windows
// Starts the app-image's own launcher once with -XX:AOTCacheOutput (JDK 25's ahead-of-time
// cache, JEP 483/514): the window opens off-screen (JavaFX's headless platform), connects to
// the local engine if one answers, shows the first-run screen, and closes itself after a few
// seconds. The classes it loaded and linked go into portolan.aot beside the launcher's
// configuration, and the configuration then names the cache, so every start of the installed
// app maps them instead of reading and verifying ~8,000 classes from jars. The JDK matches
// the cache to the class path by its common prefix, so it still applies once installed
// elsewhere (/opt/portolan, /Applications, Program Files). Where the training run fails the
// package is made without a cache (it starts slower) and this says why.

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

void main(String[] args) throws Exception {
    Path image = Path.of(args[0]);
    String os = args[1];
    Path launcher = switch (os) {
        case "macos" -> image.resolve("Contents/MacOS/Portolan");
        case "windows" -> image.resolve("portolan.exe");
        default -> image.resolve("bin/portolan");
    };
    Path config = switch (os) {
        case "macos" -> image.resolve("Contents/app/Portolan.cfg");
        case "windows" -> image.resolve("app/portolan.cfg");
        default -> image.resolve("lib/app/portolan.cfg");
    };
    Path cache = config.resolveSibling("portolan.aot");
    Files.deleteIfExists(cache);
    Path home = Files.createTempDirectory("portolan-training");

    ProcessBuilder training = new ProcessBuilder(launcher.toString()).redirectErrorStream(true)
            .redirectOutput(image.resolveSibling("aot-training.log").toFile());
    training.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", "-XX:AOTCacheOutput=" + cache,
            "-Dglass.platform=Headless", "-Dprism.order=sw", "-Dportolan.home=" + home, "-Dportolan.training-run=true"));
    long start = System.nanoTime();
    Process process = training.start();
    boolean ended = process.waitFor(180, TimeUnit.SECONDS);
    try (var files = Files.walk(home)) { // the training run's settings and logs
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    if (!ended) {
        process.destroyForcibly();
        System.out.println("[aot] the training run did not end within 180 s: the package has no AOT cache (see aot-training.log)");
        return;
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(cache)) {
        System.out.println("[aot] the training run ended with " + process.exitValue()
                + " and no cache: the package has none (see aot-training.log)");
        return;
    }
    // the launcher expands $APPDIR; the option goes after the other java-options (or in a new section)
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(config));
    int last = -1;
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("java-options=")) last = i;
    String option = "java-options=-XX:AOTCache=$APPDIR/portolan.aot";
    if (last >= 0) lines.add(last + 1, option);
    else lines.addAll(java.util.List.of("[JavaOptions]", option));
    Files.write(config, lines);
    System.out.printf("[aot] %s: %.1f MB from a %.1f s training run%n", cache.getFileName(), Files.size(cache) / 1e6,
            (System.nanoTime() - start) / 1e9);
}
