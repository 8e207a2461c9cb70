package dev.portolan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The baseline of the event benchmarks: `docker events` running beside Portolan, and for each
 * event (by a key the caller makes of its JSON) when the CLI printed it and the engine's own
 * time of it, both as epoch nanoseconds.
 */
final class DockerEventsCli implements AutoCloseable {

    final Map<String, Long> seen = new ConcurrentHashMap<>();
    final Map<String, Long> engineTime = new ConcurrentHashMap<>();
    private final Process cli;
    private final Thread reader;

    /** Starts `docker events` with these filters (e.g. "event=die") and waits half a second for it to subscribe. */
    DockerEventsCli(Function<JsonNode, String> key, String... filters) throws Exception {
        this(Map.of(), key, filters);
    }

    /** The same with these environment variables (DOCKER_HOST, PATH) for the CLI. */
    DockerEventsCli(Map<String, String> env, Function<JsonNode, String> key, String... filters) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "events", "--format", "{{json .}}"));
        for (String filter : filters) command.addAll(List.of("--filter", filter));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        cli = builder.start();
        ObjectMapper json = new ObjectMapper();
        reader = Thread.ofPlatform().daemon().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(cli.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    long now = epochNanos();
                    JsonNode event = json.readTree(line);
                    seen.putIfAbsent(key.apply(event), now);
                    engineTime.putIfAbsent(key.apply(event), event.path("timeNano").asLong());
                }
            } catch (Exception e) {
                // the process was stopped
            }
        });
        Thread.sleep(500);
    }

    /**
     * Notes, in {@code seen}, when each container of {@code model} first shows started or
     * exited in the FX model, under the keys the CLI side uses: "ID:start", "ID:die".
     */
    static Map<String, Long> fxStartsAndDeaths(dev.portolan.ui.model.HostModel model) {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        dev.portolan.testing.FxThread.run(() -> model.containers().addListener(
                (javafx.collections.ListChangeListener<dev.portolan.inventory.ContainerInfo>) change -> {
                    long now = epochNanos();
                    while (change.next()) {
                        for (var c : change.getAddedSubList()) {
                            String key = c.id() + (c.isRunning() ? ":start"
                                    : c.state() == dev.portolan.inventory.ContainerInfo.State.EXITED ? ":die" : "");
                            seen.putIfAbsent(key, now);
                        }
                    }
                }));
        return seen;
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void close() throws InterruptedException {
        cli.destroy();
        reader.join(2000);
    }
}
