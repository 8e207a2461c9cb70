package dev.portolan.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A burst of about 500 engine events from 100 containers made at once (3 threads): each
 * created and started, every second one killed, every fourth one removed.
 */
public final class ContainerBurst {

    private ContainerBurst() {}

    public static void run(TestEngine engine, String prefix) throws InterruptedException {
        try (ExecutorService parallel = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                parallel.submit(() -> {
                    String id = engine.create(TestEngine.uniqueName(prefix + n));
                    engine.docker().startContainerCmd(id).exec();
                    if (n % 2 == 0) engine.docker().killContainerCmd(id).exec();
                    if (n % 4 == 0) engine.docker().removeContainerCmd(id).withForce(true).exec();
                    return null;
                });
            }
            parallel.shutdown();
            parallel.awaitTermination(2, TimeUnit.MINUTES);
        }
    }
}
