package dev.portolan.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Start roomy, then settle small. A window's start allocates fast (thousands of classes,
 * the first inventories): a heap held small from the start means collections all through
 * it (the first frame 0.8 s later, measured). Once started, ZGC is asked to keep the heap
 * near {@link #SETTLED_MB} (its SoftMaxHeapSize can be changed while running); with the
 * packages' periodic collection and uncommit delay (installers/app.args) what it no longer
 * uses goes back to the system: with 2,000 containers shown, 581 MB resident 15 s after the
 * first frame, 312 MB a minute later (StartupBench).
 */
public final class HeapSettling {

    public static final long SETTLED_MB = 96;

    private HeapSettling() {}

    /** After {@code delay}, asks the collector to keep the heap near {@link #SETTLED_MB}; where it cannot (not ZGC), nothing. */
    public static void after(Duration delay) {
        Thread.ofVirtual().name("heap settling").start(() -> {
            try {
                Thread.sleep(delay);
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .setVMOption("SoftMaxHeapSize", String.valueOf(SETTLED_MB * 1024 * 1024));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                // another collector, a smaller maximum heap, a runtime without jdk.management: the JVM's own sizing stays
                org.slf4j.LoggerFactory.getLogger(HeapSettling.class).debug("heap not settled: {}", e.toString());
            }
        });
    }
}
