package dev.portolan.ui.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.engine.DockerContexts;
import dev.portolan.engine.EndpointResolver;
import dev.portolan.engine.EngineEndpoint;
import dev.portolan.engine.SshFailure;
import dev.portolan.host.Progress;
import dev.portolan.image.TransferProgress;
import dev.portolan.inventory.ContainerInfo;
import dev.portolan.inventory.HostStatus;
import dev.portolan.lab.LabFile;
import dev.portolan.lab.LabSpec;
import dev.portolan.operations.HostOperations;
import dev.portolan.testing.FxThread;
import dev.portolan.testing.Processes;
import dev.portolan.testing.SshServers;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLabs;
import dev.portolan.testing.WindowTest;
import dev.portolan.ui.actions.ContainerActions;
import dev.portolan.ui.model.HostModel;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.control.ChoiceBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engines over ssh, on the real engine with no network beyond this computer: a server
 * container (Debian's sshd in front of a Docker engine) published on 127.0.0.1 only, a key
 * made for the test, the system's ssh client with a config of the test's own. Added from
 * the window as an address and as a docker context, live, an action taken; a lab across a
 * simulated host and the server; each way ssh can fail said in its own sentence.
 */
class SshEnginesIT extends WindowTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @TempDir
    static Path dir;
    @TempDir
    Path dockerConfig;
    private static SshServers servers;
    private static String labName;
    private static LabSpec applied;

    @BeforeAll
    static void startTheServers() throws Exception {
        servers = SshServers.start(engine, dir, true);
    }

    @AfterAll
    static void removeTheServers() throws Exception {
        if (applied != null) TestLabs.in(engine, dir.resolve("home")).labs().destroy(applied, true, Progress.NONE);
        if (servers != null) servers.close();
    }

    private static Processes.Result ssh(String alias, String... remote) throws Exception {
        return servers.ssh(alias, remote);
    }

    @BeforeEach
    void openWindow() throws Exception {
        open(new EndpointResolver(Map.of(), dockerConfig, false));
        waitFor("the local host is live", Duration.ofSeconds(10), () -> window.hosts().getFirst().isLive());
    }

    /** Forgets the hosts a test added, so that no other test's window (they share the test home) connects to them. */
    @org.junit.jupiter.api.AfterEach
    void forgetAddedHosts() {
        for (String name : List.of("server-" + RUN, "prod-" + RUN, "stranger-" + RUN)) {
            HostModel added = host(name);
            if (added != null) FxThread.run(() -> window.menus().menu(added).getItems().stream()
                    .filter(i -> "host-forget".equals(i.getId())).findFirst().orElseThrow().fire());
        }
    }

    private HostModel host(String name) {
        return FxThread.get(() -> window.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElse(null));
    }


    @SuppressWarnings("unchecked")
    private void addEndpoint(String kind, String name, String address, String context) {
        click("#add-host").clickOn("#add-endpoint");
        FxThread.run(() -> robot.lookup("#endpoint-kind").queryAs(ChoiceBox.class).setValue(kind));
        if (context != null) FxThread.run(() -> robot.lookup("#endpoint-context").queryAs(javafx.scene.control.ComboBox.class)
                .setValue(context));
        retype("#endpoint-name", name);
        if (address != null) retype("#endpoint-address", address);
        click("#endpoint-add");
    }

    private static EngineEndpoint endpoint(String alias) {
        return new EngineEndpoint(alias, URI.create("ssh://" + alias), null, "test");
    }

    @Test
    void anSshEngineAddedFromTheWindowShowsItsContainersLiveAndTakesAnAction() throws Exception {
        addEndpoint(AddEndpointDialog.SSH, "server-" + RUN, "ssh://" + servers.good, null);
        waitFor("the server is live in the sidebar", Duration.ofSeconds(30), () -> host("server-" + RUN) != null && host("server-" + RUN).isLive());

        // an image for the server, sent over the same ssh streams; a container started there by someone else
        HostOperations local = FxThread.get(() -> window.session(window.hosts().getFirst()).operations());
        HostOperations server = FxThread.get(() -> window.session(host("server-" + RUN)).operations());
        local.copyImageTo(server, TestEngine.BUSYBOX, TransferProgress.of((done, of) -> {}, () -> false));
        Processes.Result run = ssh(servers.good, "docker", "run", "-d", "--name", "sleeper", TestEngine.BUSYBOX, "sleep", "3600");
        assertEquals(0, run.exit(), run.toString());
        waitFor("its container shows, live from the event stream", Duration.ofSeconds(15), () -> host("server-" + RUN).containers()
                .stream().anyMatch(c -> c.name().equals("sleeper") && c.isRunning()));

        ContainerInfo sleeper = FxThread.get(() -> host("server-" + RUN).containers().stream().filter(c -> c.name().equals("sleeper"))
                .findFirst().orElseThrow());
        FxThread.run(() -> new ContainerActions(window.runner()).apply(window.session(host("server-" + RUN)), ContainerActions.Action.KILL,
                List.of(sleeper)));
        waitFor("the kill went through ssh and came back as an event", Duration.ofSeconds(15), () -> host("server-" + RUN).containers()
                .stream().anyMatch(c -> c.name().equals("sleeper") && c.state() == ContainerInfo.State.EXITED));
        assertEquals("", ssh(servers.good, "docker", "ps", "-q", "--filter", "name=sleeper").output().strip(), "stopped on the server");

        // the server goes down: the host is lost with ssh's reason in plain words, and comes back by itself
        Processes.run(60, Map.of(), List.of("docker", "stop", "-t", "1", servers.goodServer()));
        waitFor("the sidebar says nothing answers ssh there", Duration.ofSeconds(30), () -> host("server-" + RUN).status()
                instanceof HostStatus.Lost lost && lost.reason().contains("Nothing answers ssh at"));
        Processes.run(60, Map.of(), List.of("docker", "start", servers.goodServer()));
        waitFor("the server is live again, reconnected", Duration.ofSeconds(60), () -> host("server-" + RUN).isLive());
    }

    @Test
    void aDockerContextWithAnSshEndpointIsAddedAsAHostAndAnUnknownHostKeyIsSaidInTheSidebar() {
        new DockerContexts(dockerConfig).write("prod-" + RUN, endpoint(servers.good), "the test's ssh server");
        addEndpoint(AddEndpointDialog.CONTEXT, "prod-" + RUN, null, "prod-" + RUN);
        waitFor("the context's engine is live", Duration.ofSeconds(30), () -> host("prod-" + RUN) != null && host("prod-" + RUN).isLive());

        addEndpoint(AddEndpointDialog.SSH, "stranger-" + RUN, "ssh://" + servers.unknownHostKey, null);
        waitFor("the sidebar's host says its key is unknown", Duration.ofSeconds(30), () -> host("stranger-" + RUN) != null
                && host("stranger-" + RUN).status() instanceof HostStatus.Lost lost && lost.reason().contains("is not known to this computer yet"));
    }

    @Test
    void eachWaySshFailsIsSaidInItsOwnSentence() {
        String wrongKey = failure(servers.wrongKey);
        assertTrue(wrongKey.contains("refused the login of"), wrongKey);
        String unknown = failure(servers.unknownHostKey);
        assertTrue(unknown.contains("is not known to this computer yet"), unknown);
        String changed = failure(servers.changedHostKey);
        assertTrue(changed.contains("has CHANGED"), changed);
        String noDocker = failure(servers.noDocker);
        assertTrue(noDocker.startsWith("There is no docker command on"), noDocker);
        String guest = failure(servers.guest);
        assertTrue(guest.contains("may not use the Docker engine"), guest);
    }

    private static String failure(String alias) {
        return assertThrows(SshFailure.class, () -> {
            try (HostOperations ops = HostOperations.connect(endpoint(alias))) {
                ops.containerNames();
            }
        }).getMessage();
    }

    @Test
    void aLabAcrossASimulatedHostAndTheSshServerAppliesAndDestroysOnlyWhatItOwns() throws Exception {
        labName = "sshlab" + RUN;
        LabSpec lab = LabFile.parse("""
                name: %s
                hosts:
                  - name: node1
                    provider: simulated
                  - name: server
                    provider: existing
                    endpoint: ssh://%s
                containers:
                  - name: web
                    host: node1
                    image: %s
                    command: ["sleep", "3600"]
                  - name: api
                    host: server
                    image: %s
                    command: ["sleep", "3600"]
                """.formatted(labName, servers.good, TestEngine.BUSYBOX, TestEngine.BUSYBOX), "ssh-lab.yaml");
        TestLabs labs = TestLabs.in(engine, java.nio.file.Files.createDirectories(dir.resolve("home")));
        applied = lab;
        labs.labs().apply(lab, Progress.NONE);
        assertTrue(ssh(servers.good, "docker", "ps", "--format", "{{.Names}}").output().lines().anyMatch(n -> n.equals("api")),
                "the lab's container runs on the server (its image copied there over ssh)");
        Processes.Result outsider = ssh(servers.good, "docker", "create", "--name", "outsider-" + RUN, TestEngine.BUSYBOX);
        assertEquals(0, outsider.exit(), outsider.toString());

        labs.labs().destroy(lab, true, Progress.NONE);
        String left = ssh(servers.good, "docker", "ps", "-a", "--format", "{{.Names}}").output();
        assertTrue(left.lines().noneMatch(n -> n.equals("api")), "the lab's container is gone: " + left);
        assertTrue(left.contains("outsider-" + RUN), "what the lab does not own stays: " + left);
        applied = null;
    }
}
