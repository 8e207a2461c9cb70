package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

class SharedMapperConfigTest {

    private static DefaultDockerClientConfig config(String host) {
        return DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    }

    @Test
    void clientsOfDifferentEnginesShareOneMapperWhereDockerJavaWouldCopyIt() {
        var one = config("tcp://127.0.0.1:2376");
        var other = config("unix:///var/run/docker.sock");
        // docker-java's own: a fresh copy at every call, so each client introspects the answers' classes again
        assertNotSame(one.getObjectMapper(), one.getObjectMapper());
        assertSame(new SharedMapperConfig(one).getObjectMapper(), new SharedMapperConfig(other).getObjectMapper());
    }

    @Test
    void everythingElseIsTheWrappedConfiguration() {
        var wrapped = config("tcp://127.0.0.1:2376");
        var shared = new SharedMapperConfig(wrapped);
        assertEquals(URI.create("tcp://127.0.0.1:2376"), shared.getDockerHost());
        assertEquals(wrapped.getApiVersion(), shared.getApiVersion());
        assertEquals(wrapped.getRegistryUrl(), shared.getRegistryUrl());
        assertSame(wrapped.getSSLConfig(), shared.getSSLConfig());
    }
}
