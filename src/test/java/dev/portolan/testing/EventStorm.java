package dev.portolan.testing;

import com.github.dockerjava.api.DockerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storm of engine events on several hosts at once, each event one cheap engine call:
 * six containers per host renamed back and forth, and volumes made and removed, by eight
 * threads per host. Returns how many events it caused; what it made is removed after.
 */
public final class EventStorm {

    private static final int CONTAINERS = 6;
    private static final int THREADS_PER_HOST = 8;

    private EventStorm() {}

    /** Blows on every host for {@code length}; returns the number of events caused. */
    public static long blow(List<DockerClient> hosts, Duration length) throws Exception {
        for (DockerClient docker : hosts) {
            for (int i = 0; i < CONTAINERS; i++) {
                String id = docker.createContainerCmd(TestEngine.BUSYBOX).withName("storm-" + i).withCmd("true").exec().getId();
                docker.startContainerCmd(id).exec();
            }
        }
        AtomicLong events = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService storm = Executors.newFixedThreadPool(hosts.size() * THREADS_PER_HOST)) {
            List<Future<?>> work = new ArrayList<>();
            for (DockerClient docker : hosts) {
                for (int n = 0; n < THREADS_PER_HOST; n++) {
                    int worker = n;
                    work.add(storm.submit(() -> {
                        boolean renamed = false;
                        int round = 0;
                        while (System.nanoTime() < end) {
                            if (worker < CONTAINERS) {
                                String plain = "storm-" + worker;
                                docker.renameContainerCmd(renamed ? plain + "-x" : plain).withName(renamed ? plain : plain + "-x").exec();
                                renamed = !renamed;
                                events.incrementAndGet();
                            } else {
                                String volume = "storm-v" + worker + "-" + (round++);
                                docker.createVolumeCmd().withName(volume).exec();
                                docker.removeVolumeCmd(volume).exec();
                                events.addAndGet(2);
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> w : work) w.get();
        }
        return events.get();
    }

    /** Removes the storm's containers. */
    public static void clear(List<DockerClient> hosts) {
        for (DockerClient docker : hosts) {
            docker.listContainersCmd().withShowAll(true).withNameFilter(List.of("storm-")).exec()
                    .forEach(c -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
        }
    }
}
