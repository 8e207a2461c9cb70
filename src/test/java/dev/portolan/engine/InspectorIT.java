package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.TestEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The details pane's Inspect and JSON tabs: every kind of resource as the engine describes it, whatever it carries. */
class InspectorIT extends EngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode inspect(String kind, String key) {
        String text = Inspector.inspect(engine.docker(), kind, key);
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(kind + " " + key + " is not JSON: " + text, e);
        }
        assertFalse(node.has("error"), kind + " " + key + ": " + text);
        return node;
    }

    @Test
    void aContainerWithAHealthCheckIsShownWholeAsAreItsImageVolumeAndNetwork() throws Exception {
        String name = TestEngine.uniqueName("inspected");
        String volume = engine.volume("inspected-data");
        String network = TestEngine.uniqueName("inspected-net");
        String networkId = engine.docker().createNetworkCmd().withName(network).withLabels(Map.of(TestEngine.LABEL, "true")).exec().getId();
        try {
            String id = engine.docker().createContainerCmd(TestEngine.BUSYBOX).withName(name).withLabels(Map.of(TestEngine.LABEL, "true"))
                    .withHealthcheck(new HealthCheck().withTest(List.of("CMD", "true")).withInterval(200_000_000L).withRetries(3))
                    .withExposedPorts(com.github.dockerjava.api.model.ExposedPort.tcp(80))
                    .withHostConfig(HostConfig.newHostConfig().withBinds(com.github.dockerjava.api.model.Bind.parse(volume + ":/data"))
                            .withNetworkMode(network).withRestartPolicy(com.github.dockerjava.api.model.RestartPolicy.alwaysRestart())
                            .withPortBindings(com.github.dockerjava.api.model.PortBinding.parse("127.0.0.1:" + TestEngine.freePort() + ":80")))
                    .withCmd("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait").exec().getId();
            engine.docker().startContainerCmd(id).exec();
            Eventually.within(java.time.Duration.ofSeconds(20), "healthy", () -> "healthy".equals(inspect("container", id).path("State").path("Health").path("Status").asText()));

            JsonNode container = inspect("container", id);
            assertEquals("/" + name, container.path("Name").asText());
            assertEquals(List.of("CMD", "true"), JSON.convertValue(container.path("Config").path("Healthcheck").path("Test"), List.class));
            assertTrue(container.path("NetworkSettings").path("Networks").has(network), container.path("NetworkSettings").toString());
            assertTrue(container.path("Config").path("ExposedPorts").has("80/tcp"), "an exposed port, written as the engine does: "
                    + container.path("Config"));
            assertTrue(inspect("image", TestEngine.BUSYBOX).path("RootFS").path("Layers").size() > 0, "the image's layers");
            assertEquals(volume, inspect("volume", volume).path("Name").asText());
            assertEquals(network, inspect("network", networkId).path("Name").asText());
        } finally {
            engine.docker().removeContainerCmd(name).withForce(true).exec();
            engine.docker().removeNetworkCmd(networkId).exec();
            engine.docker().removeVolumeCmd(volume).exec();
        }
    }
}
