package dev.portolan.testing;

import dev.portolan.engine.DockerContexts;
import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.lab.Labs;
import java.nio.file.Path;

/**
 * Simulated hosts and labs on the test engine, their certificates and docker contexts in a
 * folder of the test's own, the hosts running the locally built DinD image.
 */
public record TestLabs(SimulatedHosts hosts, Labs labs) {

    public static TestLabs in(TestEngine engine, Path home) {
        SimulatedHosts hosts = new SimulatedHosts(engine.docker(), home.resolve("config"), new DockerContexts(home.resolve("docker")));
        return new TestLabs(hosts, new Labs(engine.docker(), hosts, TestEngine.DIND));
    }
}
