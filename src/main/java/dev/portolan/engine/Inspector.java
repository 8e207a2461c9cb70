package dev.portolan.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Turns docker-java's inspect responses back into the engine's JSON, for the details pane. */
public final class Inspector {

    // docker-java writes an exposed port as {"80/tcp": new Object()}, as the engine does ({}): an empty object is fine here
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Inspector() {}

    public static String json(Object response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            return "{ \"error\": \"" + e.getOriginalMessage().replace("\"", "'") + "\" }";
        }
    }

    /** What `docker inspect` prints for a resource of the given kind ("container", "image", "volume", "network"). */
    public static String inspect(com.github.dockerjava.api.DockerClient docker, String kind, String key) {
        return json(switch (kind) {
            case "container" -> docker.inspectContainerCmd(key).exec();
            case "image" -> docker.inspectImageCmd(key).exec();
            case "volume" -> docker.inspectVolumeCmd(key).exec();
            case "network" -> docker.inspectNetworkCmd().withNetworkId(key).exec();
            default -> throw new IllegalArgumentException("no such kind: " + kind);
        });
    }
}
