package dev.portolan.operations;

import dev.portolan.inventory.SwarmSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a Swarm's tasks cannot run, read from a snapshot alone (no engine): what the Swarm
 * window lists under its picture and `portolan swarm ps` prints, each with what to do.
 */
public final class SwarmProblems {

    private SwarmProblems() {}

    /**
     * Why tasks cannot run, one sentence each: an image a node does not have (with the node, so it can be copied there),
     * a constraint no node meets, no node with room.
     */
    public static List<String> of(SwarmSnapshot swarm) {
        List<String> problems = new ArrayList<>();
        for (var service : swarm.services()) {
            for (var task : swarm.tasks()) {
                // the newest task of its slot, of the image the service runs now: a past failure the Swarm got over is history
                if (!task.serviceId().equals(service.id()) || !task.image().equals(service.image())
                        || !swarm.history(task).getFirst().equals(task)) continue;
                String sentence = problem(swarm, service, task);
                if (sentence != null && !problems.contains(sentence)) problems.add(sentence);
            }
        }
        return problems;
    }

    private static String problem(SwarmSnapshot swarm, SwarmSnapshot.Service service, SwarmSnapshot.Task task) {
        String error = task.error().isEmpty() ? task.message() : task.error();
        if (task.state().equals("rejected") && missingImage(error)) {
            return service.name() + ": " + swarm.nodeName(task.nodeId()) + " has no image " + task.image()
                    + " and cannot pull it (no registry). Copy it there: portolan swarm copy-image " + service.name() + ".";
        }
        if (task.state().equals("pending") && error.contains("constraint")) {
            return service.name() + ": no node meets its placement constraints (" + error + "); label a node or change them.";
        }
        if (task.state().equals("pending") && error.contains("insufficient resources")) {
            return service.name() + ": no node has room for a task (" + error + ").";
        }
        return null;
    }

    /** The engine's words for an image it neither has nor can pull. */
    private static boolean missingImage(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("no such image") || e.contains("pull access denied") || e.contains("repository does not exist")
                || e.contains("manifest unknown") || e.contains("not found: manifest") || e.contains("failed to resolve reference")
                || e.contains("no such host") && e.contains("registry");
    }
}
