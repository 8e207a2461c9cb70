package dev.portolan.bench;

import dev.portolan.image.ImageBuild;
import dev.portolan.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's numbers: opening the layer tree of a ~500 MB image beside `docker save` of
 * it to /dev/null, same run; and a ~1 GB image opened in a JVM with a 100 MB heap.
 * The images are built once (from the busybox test image) and kept for later runs.
 */
class ImageLayersBench extends EngineTest {

    static final String HALF = "portolan-bench/layers-500:1";
    static final String GIGA = "portolan-bench/layers-1g:1";

    @Test
    void layerTreeAgainstDockerSave() throws Exception {
        buildIfMissing(HALF, """
                FROM portolan-test/busybox
                RUN mkdir /many && cd /many && i=0; while [ $i -lt 20000 ]; do echo $i > f$i; i=$((i+1)); done
                RUN dd if=/dev/urandom of=/data1 bs=1M count=120
                RUN dd if=/dev/urandom of=/data2 bs=1M count=120
                RUN dd if=/dev/urandom of=/data3 bs=1M count=120
                RUN dd if=/dev/urandom of=/data1 bs=1M count=120
                RUN rm /data2
                """);
        buildIfMissing(GIGA, """
                FROM %s
                RUN dd if=/dev/urandom of=/data4 bs=1M count=250
                RUN dd if=/dev/urandom of=/data5 bs=1M count=250
                """.formatted(HALF));
        long halfSize = engine.docker().inspectImageCmd(HALF).exec().getSize();
        long gigaSize = engine.docker().inspectImageCmd(GIGA).exec().getSize();

        List<Double> ours = new ArrayList<>();
        List<Double> save = new ArrayList<>();
        LayerTreeProbe.open(engine.clients(), HALF); // warm-up: class loading, JIT, page cache
        dockerSaveToNull(HALF);
        LayerTreeProbe.Result result = null;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            result = LayerTreeProbe.open(engine.clients(), HALF);
            ours.add((System.nanoTime() - start) / 1e6);
            save.add(dockerSaveToNull(HALF));
        }
        String probe = probeWithSmallHeap(GIGA);

        Stats portolan = Stats.of(ours);
        Stats baseline = Stats.of(save);
        BenchReport report = new BenchReport("image-layers");
        report.line(String.format("(7) layer tree of %s (%.0f MB, %d files visible, %.0f MB wasted), 3 rounds after a warm-up",
                HALF, halfSize / 1e6, result.files(), result.contents().wastedBytes() / 1e6));
        report.line(Stats.header());
        report.line(portolan.row("Portolan: history + archive + tree"));
        report.line(baseline.row("baseline: docker save > /dev/null"));
        report.line(String.format("median ratio %.2fx (goal <= 1.5x)", portolan.p50() / baseline.p50()));
        report.line(String.format("%s (%.0f MB) in a JVM with -Xmx100m: %s", GIGA, gigaSize / 1e6, probe));
        report.put("layerTree", portolan);
        report.put("dockerSave", baseline);
        report.put("gigabyteImageWith100MbHeap", probe);
        report.finish();
    }

    private static double dockerSaveToNull(String image) throws Exception {
        long start = System.nanoTime();
        Process save = new ProcessBuilder("docker", "save", image).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!save.waitFor(10, TimeUnit.MINUTES) || save.exitValue() != 0) throw new IllegalStateException("docker save failed");
        return (System.nanoTime() - start) / 1e6;
    }

    /** Runs {@link LayerTreeProbe} in a JVM limited to a 100 MB heap; returns what it printed. */
    private static String probeWithSmallHeap(String image) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx100m", "-cp", System.getProperty("java.class.path"),
                LayerTreeProbe.class.getName(), image).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes()).strip();
        if (!probe.waitFor(10, TimeUnit.MINUTES) || probe.exitValue() != 0) {
            return "FAILED (exit " + probe.exitValue() + "): " + output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        }
        return output.lines().filter(l -> l.startsWith("ms=")).findFirst().orElse(output);
    }

    private static void buildIfMissing(String tag, String dockerfile) throws Exception {
        try {
            engine.docker().inspectImageCmd(tag).exec();
            return;
        } catch (com.github.dockerjava.api.exception.NotFoundException missing) {
            // build it below
        }
        Path dir = Files.createTempDirectory("bench-image");
        Path file = Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        try {
            long start = System.nanoTime();
            ImageBuild.build(engine.docker(), dir, tag, ImageBuild.Listener.steps(step -> {}), () -> false);
            System.out.printf("built %s in %.1f s%n", tag, (System.nanoTime() - start) / 1e9);
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }
}
