package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first run's search for engines, on this machine's real engine, dressed as the
 * laptops users have: a Mac whose Colima socket leads to it, a Linux laptop whose
 * DOCKER_HOST points nowhere, a computer with nothing installed.
 */
class EngineDiscoveryIT extends EngineTest {

    private static final Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");

    @TempDir
    Path home;

    @Test
    void aMacWithColimaFindsItAnsweringAndInUse() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SYSTEM_SOCKET), "the test engine listens on " + SYSTEM_SOCKET);
        Path colima = Files.createDirectories(home.resolve(".colima/default")).resolve("docker.sock");
        Files.createSymbolicLink(colima, SYSTEM_SOCKET);
        // the Mac's /var/run/docker.sock is the same engine: listed once, named by where it leads
        var resolver = new EndpointResolver(Map.of(), Files.createDirectories(home.resolve(".docker")), false);
        var discovery = new EngineDiscovery(home, Map.of(), "Mac OS X", resolver);

        List<EngineDiscovery.Checked> found = discovery.check(discovery.find());

        System.out.println(EngineDiscovery.describe(found));
        assertEquals(1, found.size(), EngineDiscovery.describe(found));
        EngineDiscovery.Checked colimaEngine = found.getFirst();
        assertEquals("Colima", colimaEngine.found().product());
        assertTrue(colimaEngine.found().foundBy().startsWith("in use"), colimaEngine.toString());
        assertTrue(colimaEngine.answers(), colimaEngine.toString());
        assertTrue(colimaEngine.detail().startsWith("Docker "), colimaEngine.detail());
    }

    @Test
    void aDockerHostThatLeadsNowhereIsSaidAndTheEngineThatAnswersIsOffered() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(SYSTEM_SOCKET), "the test engine listens on " + SYSTEM_SOCKET);
        Path dockerConfig = Files.createDirectories(home.resolve(".docker"));
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + home.resolve("gone.sock"));
        // a context of the user's is listed; the contexts Portolan writes for its simulated hosts are not
        var contexts = new DockerContexts(dockerConfig);
        contexts.write("staging", new EngineEndpoint("staging", java.net.URI.create("unix://" + SYSTEM_SOCKET), null, "test"), "");
        contexts.write("portolan-lab-node1", new EngineEndpoint("n", java.net.URI.create("tcp://127.0.0.1:1"), null, "test"), "");
        var discovery = new EngineDiscovery(home, env, "Linux", new EndpointResolver(env, dockerConfig, false));

        List<EngineDiscovery.Checked> found = discovery.check(discovery.find());

        System.out.println(EngineDiscovery.describe(found));
        assertEquals(2, found.size(), "DOCKER_HOST's engine and the system's (the context leads to it too): "
                + EngineDiscovery.describe(found));
        EngineDiscovery.Checked inUse = found.get(0);
        assertEquals("in use: DOCKER_HOST", inUse.found().foundBy());
        assertFalse(inUse.answers());
        assertTrue(inUse.detail().startsWith("No engine at unix://" + home.resolve("gone.sock")
                + " (the socket does not exist)."), inUse.detail());
        EngineDiscovery.Checked system = found.get(1);
        assertEquals("dockerd (system)", system.found().product());
        assertTrue(system.answers(), system.toString());
        assertTrue(found.stream().noneMatch(c -> c.found().foundBy().contains("portolan-")), "Portolan's own contexts are hosts");
    }

    @Test
    void nothingInstalledSaysWhatToInstallForThisSystem() throws Exception {
        // a Windows computer (as far as the search can tell from here) with no engine at all
        var discovery = new EngineDiscovery(home, Map.of(), "Windows 11",
                new EndpointResolver(Map.of(), Files.createDirectories(home.resolve(".docker")), true));

        assertEquals(List.of(), discovery.find());
        assertEquals("Windows", discovery.system());
        assertTrue(discovery.installAdvice().startsWith("Install Docker Desktop"), discovery.installAdvice());
        assertTrue(new EngineDiscovery(home, Map.of(), "Linux", null).installAdvice().contains("sudo apt install docker.io"));
        assertTrue(new EngineDiscovery(home, Map.of(), "Mac OS X", null).installAdvice().contains("colima start"));
    }
}
