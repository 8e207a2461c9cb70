package dev.portolan.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import java.util.List;
import java.util.function.UnaryOperator;

/** A Swarm's nodes as a manager knows them: read one, change its spec as `docker node update` does. */
public final class SwarmNodes {

    private SwarmNodes() {}

    /** The node with this id, with its spec and version (docker-java has no inspect for one node: the list, filtered by id). */
    public static SwarmNode node(DockerClient manager, String id) {
        return manager.listSwarmNodesCmd().withIdFilter(List.of(id)).exec().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the Swarm has no node " + id + " (it left meanwhile)"));
    }

    /** Changes a node's spec: sent with the version it was read at, so a change made meanwhile is refused, not lost. */
    public static void update(DockerClient manager, String id, UnaryOperator<SwarmNodeSpec> change) {
        SwarmNode node = node(manager, id);
        manager.updateSwarmNodeCmd().withSwarmNodeId(id).withVersion(node.getVersion().getIndex())
                .withSwarmNodeSpec(change.apply(node.getSpec())).exec();
    }
}
