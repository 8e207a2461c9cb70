package dev.portolan.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A burst of 495 engine events of every kind the inventory follows (network connects and
 * disconnects included), from 100 containers made at once (4 threads): each created and
 * renamed three times; every tenth one started, paused and unpaused, half of those killed and
 * the other half removed running; every fourth removed. Few are started because the engine
 * here starts one container at a time, 0.5 s each in this sandbox's cgroups (a rename costs
 * 0.01 s): the burst of 100 started containers it replaced took a minute to make.
 */
public final class ContainerBurst {

    /** The containers left once the burst is over. */
    public static final int LEFT = 75;

    private ContainerBurst() {}

    public static void run(TestEngine engine, String prefix) throws InterruptedException, ExecutionException {
        List<Future<?>> made = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 100; i++) {
                int n = i;
                made.add(parallel.submit(() -> {
                    String name = TestEngine.uniqueName(prefix + n);
                    String id = engine.create(name);
                    engine.docker().renameContainerCmd(id).withName(name + "-once").exec();
                    engine.docker().renameContainerCmd(id).withName(name + "-twice").exec();
                    engine.docker().renameContainerCmd(id).withName(name + "-renamed").exec();
                    if (n % 10 == 0) {
                        engine.docker().startContainerCmd(id).exec();
                        engine.docker().pauseContainerCmd(id).exec();
                        // once: the engine may still call it paused just after an unpause returns
                        engine.docker().unpauseContainerCmd(id).exec();
                        if (n % 20 == 0) engine.docker().killContainerCmd(id).exec();
                    }
                    if (n % 4 == 2) engine.docker().removeContainerCmd(id).withForce(true).exec();
                    return null;
                }));
            }
        }
        for (Future<?> one : made) one.get(); // a step the engine refused fails the test, not the count after it
    }
}
