package dev.portolan.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A shipped tour's copy (its build folders too) is gone once the JVM that read it ends. */
class ShippedToursCleanupTest {

    /** Run in a JVM of its own: reads every shipped tour and prints the folder of each. */
    public static void main(String[] args) {
        for (String name : ShippedTours.names()) System.out.println(ShippedTours.load(name).folder());
    }

    @Test
    void aJvmThatReadEveryShippedTourLeavesNoFolderBehind() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), getClass().getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Path> folders = new String(jvm.getInputStream().readAllBytes()).lines().map(Path::of).toList();
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM ended");
        assertEquals(0, jvm.exitValue());
        assertEquals(ShippedTours.names().size(), folders.size(), folders.toString());
        // images-and-layers has build folders below its own: the case that was left behind
        assertTrue(folders.stream().anyMatch(f -> f.toString().contains("images-and-layers")), folders.toString());
        for (Path folder : folders) assertFalse(Files.exists(folder), folder + " is left behind");
    }
}
