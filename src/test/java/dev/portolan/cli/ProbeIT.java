package dev.portolan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.DockerCli;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Processes;
import dev.portolan.testing.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `portolan probe` on a real two-host lab: by name on a shared network, no shared network
 * (and the fix making it reach), a misspelt name, nothing listening, a server on 127.0.0.1
 * only, another host through its published port or with no route, and an A whose image has
 * no shell at all.
 */
class ProbeIT extends EngineTest {

    private static final String NO_SHELL = "portolan-test/no-shell";
    @TempDir
    static Path dir;
    private static Path file;
    private static String lab;

    @BeforeAll
    static void applyLab() throws Exception {
        // an image of one file: busybox named sleep, so it runs as sleep; no shell, no tools. Made
        // once: an import over an existing tag would leave the old image behind, untagged, each run
        Processes.Result image = Processes.run(120, "bash", "-c", "set -e; docker image inspect " + NO_SHELL + " >/dev/null 2>&1 && exit 0; "
                + "d=$(mktemp -d); cp /bin/busybox $d/sleep; "
                + "tar -C $d -c . | docker import --change 'ENTRYPOINT [\"/sleep\"]' - " + NO_SHELL + " >/dev/null; rm -rf $d");
        assertEquals(0, image.exit(), image.output());
        lab = "prb" + UUID.randomUUID().toString().substring(0, 5);
        String httpd = "image: " + TestEngine.BUSYBOX + ", command: [httpd, -f, -p, \"%s\", -h, /tmp]";
        file = Files.writeString(dir.resolve(lab + ".yaml"), """
                name: %s
                hosts: [{name: n1}, {name: n2}]
                networks:
                  - {name: front, host: n1}
                  - {name: back, host: n1}
                containers:
                  - {name: client, host: n1, networks: [front], image: %s, command: [sleep, "3600"]}
                  - {name: quiet, host: n1, networks: [front], image: %s, command: ["3600"]}
                  - {name: web, host: n1, networks: [front], %s}
                  - {name: loopy, host: n1, networks: [front], %s}
                  - {name: api, host: n1, networks: [back], %s}
                  - {name: remote, host: n2, ports: ["%d:80"], %s}
                  - {name: hidden, host: n2, %s}
                """.formatted(lab, TestEngine.BUSYBOX, NO_SHELL, httpd.formatted("80"), httpd.formatted("127.0.0.1:81"),
                httpd.formatted("80"), TestEngine.freePort(), httpd.formatted("80"), httpd.formatted("80")));
        Cli apply = Cli.run("apply", "--host-image=" + TestEngine.DIND, file.toString());
        assertEquals(0, apply.code(), apply.err());
    }

    @AfterAll
    static void destroyLab() {
        Cli.run("destroy", "--remove-volumes", file.toString());
    }

    private static Cli probe(String from, String to) {
        Cli probe = Cli.run("probe", from, to);
        System.out.println("probe " + from + " " + to + " → exit " + probe.code() + "\n" + probe.out() + probe.err());
        return probe;
    }

    @Test
    void onASharedNetworkItReachesByName() {
        Cli probe = probe("client", "web");
        assertEquals(0, probe.code(), probe.out());
        assertTrue(probe.out().contains("✓ name: web is ") && probe.out().contains("✓ listening: web listens on all addresses:80")
                && probe.out().contains("✓ connect: TCP to web") && probe.out().contains("reaches " + lab + "/n1/web"), probe.out());
    }

    @Test
    void withNoSharedNetworkItSaysSoAndTheFixMakesItReach() throws Exception {
        Cli probe = probe(lab + "/n1/client", "api");
        assertEquals(3, probe.code(), probe.out());
        assertTrue(probe.out().contains("client and api share no network: connect client to back?"), probe.out());
        String host = "portolan-" + lab + "-n1";
        DockerCli docker = new DockerCli(dir);
        assertEquals(0, docker.run("exec", host, "docker", "network", "connect", "back", "client").exit());
        try {
            assertEquals(0, probe("client", "api").code(), "connected, it reaches");
        } finally {
            docker.run("exec", host, "docker", "network", "disconnect", "back", "client");
        }
    }

    @Test
    void aMisspeltNameIsNoSuchNameWithTheNearOne() {
        Cli probe = probe("client", "wbe");
        assertEquals(3, probe.code());
        assertTrue(probe.out().contains("✗ name: no such name wbe from inside client") && probe.out().contains("did you mean web?"),
                probe.out());
    }

    @Test
    void nothingListeningIsRefusedAndALoopbackServerIsSaidSo() {
        Cli none = probe("client", "web:9999");
        assertEquals(3, none.code());
        assertTrue(none.out().contains("✗ listening: nothing in web listens on 9999 (it listens on: 80)")
                && none.out().contains("refused"), none.out());
        Cli loopback = probe("client", "loopy:81");
        assertEquals(3, loopback.code());
        assertTrue(loopback.out().contains("loopy listens on 127.0.0.1:81 only") && loopback.out().contains("listen on 0.0.0.0"),
                loopback.out());
    }

    @Test
    void anotherHostIsReachedThroughItsPublishedPortOrHasNoRoute() {
        Cli remote = probe("client", "remote");
        assertEquals(0, remote.code(), remote.out());
        assertTrue(remote.out().contains("✓ route: through " + lab + "/n2's published port"), remote.out());
        Cli hidden = probe("client", "hidden:80");
        assertEquals(3, hidden.code());
        assertTrue(hidden.out().contains("No route: publish hidden's port 80"), hidden.out());
    }

    @Test
    void aContainerWithNoShellProbesToo() throws Exception {
        assertTrue(new DockerCli(dir).run("exec", "portolan-" + lab + "-n1", "docker", "exec", "quiet", "sh", "-c", "true").exit() != 0,
                "quiet has no shell");
        Cli probe = probe("quiet", "web");
        assertEquals(0, probe.code(), probe.out());
    }

    /** On the local engine (any host Portolan does not own): a throwaway busybox container joined to A's namespace. */
    @Test
    void onTheLocalEngineAHelperLooksFromInsideAndIsNeverLeftBehind() throws Exception {
        assertEquals(0, helpers(), "no helper container before");
        String network = TestEngine.uniqueName("probe-net");
        engine.docker().createNetworkCmd().withName(network).withLabels(java.util.Map.of(TestEngine.LABEL, "true")).exec();
        String a = TestEngine.uniqueName("shell-less");
        String b = TestEngine.uniqueName("server");
        for (String[] c : new String[][] {{a, NO_SHELL, "3600"}, {b, TestEngine.BUSYBOX, "httpd -f -p 8080 -h /tmp"}}) {
            String id = engine.docker().createContainerCmd(c[1]).withName(c[0]).withLabels(java.util.Map.of(TestEngine.LABEL, "true"))
                    .withCmd(c[2].split(" ")).withHostConfig(com.github.dockerjava.api.model.HostConfig.newHostConfig()
                            .withNetworkMode(network)).exec().getId();
            engine.docker().startContainerCmd(id).exec();
        }
        Cli probe = probe("local/" + a, "local/" + b);
        assertEquals(0, probe.code(), probe.out());
        assertTrue(probe.out().contains("✓ name: " + b + " is ") && probe.out().contains("listens on all addresses:8080"), probe.out());
        Cli wrong = probe("local/" + a, "local/" + b + ":81");
        assertEquals(3, wrong.code(), wrong.out());
        assertEquals(0, helpers(), "no helper container is left behind");

        // cancelled at any moment: still none left behind
        try (var local = dev.portolan.operations.LocalEngine.connect(dev.portolan.engine.EndpointResolver.forThisProcess(), dir);
                var hosts = new dev.portolan.operations.ConnectedHosts(local)) {
            for (int wait : new int[] {150, 300, 400, 500, 800}) {
                Thread probing = Thread.ofVirtual().start(() -> {
                    try {
                        new dev.portolan.operations.Probe(local, hosts).probe("local/" + a, "local/" + b);
                    } catch (RuntimeException cancelled) {
                        // what a cancel looks like from here
                    }
                });
                Thread.sleep(wait);
                probing.interrupt();
                probing.join(30_000);
                assertEquals(0, helpers(), "no helper left after a probe cancelled at " + wait + " ms");
            }
        }
    }

    private static int helpers() {
        return engine.docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of("dev.portolan.role", "probe-helper")).exec().size();
    }

    @Test
    void badInputIsASentence() {
        Cli stopped = Cli.run("probe", "nosuch", "web");
        assertEquals(2, stopped.code());
        assertTrue(stopped.err().contains("There is no container nosuch on a running simulated host"), stopped.err());
        Cli local = Cli.run("probe", "local/nosuch-x", "web");
        assertEquals(2, local.code());
        assertTrue(local.err().contains("There is no container nosuch-x on local"), local.err());
        Cli address = Cli.run("probe", "client", "10.0.0.1");
        assertEquals(2, address.code());
        assertTrue(address.err().contains("Give the port to try on 10.0.0.1"), address.err());
    }
}
