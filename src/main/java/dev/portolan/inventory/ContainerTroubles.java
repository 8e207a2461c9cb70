package dev.portolan.inventory;

import dev.portolan.inventory.ContainerInfo.Health;
import dev.portolan.inventory.ContainerInfo.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is wrong with one host's containers: unhealthy, dying in a loop, OOM-killed, exited
 * non-zero. The engine's state says most of it; a loop needs memory, so this remembers each
 * container's recent deaths (from its events) and whether someone asked for the last one
 * (a kill event just before it: `docker stop` ends with exit 137 or 143, not a crash).
 * Fed from the event stream's thread, read from any: thread-safe.
 */
public final class ContainerTroubles {

    /** This many deaths within {@link #LOOP_WINDOW} is a restart loop. */
    public static final int LOOP_DEATHS = 3;
    public static final Duration LOOP_WINDOW = Duration.ofMinutes(5);
    /** A die this soon after a kill event was asked for. */
    private static final Duration ASKED_WITHIN = Duration.ofSeconds(15);

    private final Map<String, Deque<Instant>> deaths = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastKill = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lastDeathAsked = new ConcurrentHashMap<>();

    /** Takes note of a container's death, kill or removal; other events change nothing. */
    public void record(EngineEvent event) {
        if (!event.isContainer()) return;
        String id = event.id();
        switch (event.verb()) {
            case "kill" -> lastKill.put(id, event.time());
            case "die" -> {
                Instant killed = lastKill.remove(id);
                boolean asked = killed != null && !killed.isBefore(event.time().minus(ASKED_WITHIN));
                lastDeathAsked.put(id, asked);
                if (asked) return; // a stop or restart someone asked for is not a loop
                Deque<Instant> times = deaths.computeIfAbsent(id, k -> new ArrayDeque<>());
                synchronized (times) {
                    times.addLast(event.time());
                    while (times.size() > 50 || times.peekFirst().isBefore(event.time().minus(LOOP_WINDOW))) times.removeFirst();
                }
            }
            case "destroy" -> {
                deaths.remove(id);
                lastKill.remove(id);
                lastDeathAsked.remove(id);
            }
            default -> { }
        }
    }

    /** How many times the container died within the loop window before {@code now}. */
    public int recentDeaths(String id, Instant now) {
        Deque<Instant> times = deaths.get(id);
        if (times == null) return 0;
        Instant since = now.minus(LOOP_WINDOW);
        synchronized (times) {
            return (int) times.stream().filter(t -> !t.isBefore(since)).count();
        }
    }

    /** Every container of {@code inventory} with something wrong, by id. */
    public Map<String, List<Trouble>> of(HostInventory inventory, Instant now) {
        return of(Map.of(), inventory, inventory.containers().keySet(), now);
    }

    /**
     * {@code before} brought up to date after only the {@code changed} containers changed: those
     * are judged again, and so is every restart loop (it ends by itself as its deaths age out of
     * the window). Returns {@code before} itself when nothing differs, so a caller can tell cheaply.
     * A host of thousands of containers changes one at a time; judging them all each time cost more
     * than the rest of the change.
     */
    public Map<String, List<Trouble>> of(Map<String, List<Trouble>> before, HostInventory inventory, Set<String> changed,
            Instant now) {
        Set<String> again = new HashSet<>(changed);
        before.forEach((id, troubles) -> {
            for (Trouble t : troubles) if (t.kind() == Trouble.Kind.RESTART_LOOP) again.add(id);
        });
        Map<String, List<Trouble>> after = null;
        for (String id : again) {
            ContainerInfo c = inventory.containers().get(id);
            List<Trouble> troubles = c == null ? List.of() : of(c, recentDeaths(id, now), lastDeathAsked.getOrDefault(id, false));
            if (troubles.equals(before.getOrDefault(id, List.of()))) continue;
            if (after == null) after = new HashMap<>(before);
            if (troubles.isEmpty()) after.remove(id);
            else after.put(id, troubles);
        }
        return after == null ? before : after;
    }

    /**
     * What is wrong with one container, most telling first.
     *
     * @param recentDeaths its deaths within the loop window that nobody asked for
     * @param askedToDie   whether its last death followed a kill someone asked for (then a non-zero exit is no fault)
     */
    public static List<Trouble> of(ContainerInfo c, int recentDeaths, boolean askedToDie) {
        List<Trouble> out = new ArrayList<>();
        if (c.oomKilled()) {
            out.add(new Trouble(Trouble.Kind.OOM_KILLED, "OOM-killed",
                    "The kernel killed a process of it for lack of memory (Docker marks the container when any of its"
                            + " processes was, not only the main one). Raise its memory limit or find what grows."));
        }
        // seen dying, or found waiting for its next restart after many (Portolan started in the middle of the loop)
        int deaths = recentDeaths >= LOOP_DEATHS ? recentDeaths
                : c.state() == State.RESTARTING && c.restartCount() >= LOOP_DEATHS ? c.restartCount() : 0;
        if (deaths > 0) {
            out.add(new Trouble(Trouble.Kind.RESTART_LOOP, "restart loop ×" + deaths,
                    "It died " + deaths + " times" + (deaths == recentDeaths ? " within " + LOOP_WINDOW.toMinutes() + " minutes" : "")
                            + ", nobody stopping it: its restart policy (or someone) starts it, and it dies again. Its last"
                            + " words, kept below, say why."));
        }
        if ((c.state() == State.EXITED || c.state() == State.DEAD) && c.exitCode() != 0 && !askedToDie) {
            out.add(new Trouble(Trouble.Kind.EXITED, "exit " + c.exitCode(), exitMeaning(c.exitCode(), c.oomKilled())));
        }
        if (c.health() == Health.UNHEALTHY) {
            out.add(new Trouble(Trouble.Kind.UNHEALTHY, "unhealthy",
                    "Its health check has failed several times in a row; the details show the check's last output."));
        }
        out.sort(Comparator.comparing(Trouble::kind));
        return out;
    }

    /** The card's tag: the first two troubles' tags. */
    public static String tag(List<Trouble> troubles) {
        return String.join(" · ", troubles.stream().limit(2).map(Trouble::tag).toList());
    }

    /** What an exit code usually means, as a person reading `docker ps -a` would want to be told. */
    static String exitMeaning(int code, boolean oomKilled) {
        return switch (code) {
            case 1 -> "Its program failed (exit 1): its last log lines usually say why.";
            case 2 -> "Its program was called wrongly (exit 2: a usage error, or a shell's misused built-in).";
            case 125 -> "Docker could not run it (exit 125): the error is the engine's, not the program's.";
            case 126 -> "Its command was found but could not be run (exit 126): not executable, or the wrong platform.";
            case 127 -> "Its command was not found (exit 127): a typo in the command, or the image lacks the program.";
            case 137 -> oomKilled ? "It was killed (SIGKILL, exit 137) for lack of memory."
                    : "It was killed (SIGKILL, exit 137): by `docker kill`, at the end of a stop's grace period, or by the kernel for memory.";
            case 139 -> "It crashed with a segmentation fault (SIGSEGV, exit 139).";
            case 143 -> "It ended on SIGTERM (exit 143) without anyone here asking it to.";
            default -> code > 128 && code < 160 ? "It ended on signal " + (code - 128) + " (exit " + code + ")."
                    : "Its program ended with exit code " + code + ": its last log lines usually say why.";
        };
    }
}
