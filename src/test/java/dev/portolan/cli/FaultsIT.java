package dev.portolan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portolan.testing.DockerCli;
import dev.portolan.testing.EngineTest;
import dev.portolan.testing.Eventually;
import dev.portolan.testing.TestEngine;
import dev.portolan.testing.TestLab;
import dev.portolan.host.faults.NetworkRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `portolan fault …` on a real two-host lab (web-db: hosts web and data): each fault's
 * effect seen from inside the hosts and containers, then healed, and every bad input a
 * sentence that changes nothing. One lab for the whole class: faults heal what they make.
 */
class FaultsIT extends EngineTest {

    @TempDir
    static Path dir;
    private static TestLab lab;
    private static Path file;
    private static DockerCli docker;
    private static String web;
    private static String data;

    @BeforeAll
    static void applyLab() throws Exception {
        docker = new DockerCli(dir);
        lab = TestLab.webDb("flt");
        String text = lab.text() + """
                faults:
                  split:
                    - cut: [web, data]
                  flaky-db:
                    - drop: data/db
                      share: 100%
                """;
        file = Files.writeString(dir.resolve(lab.name() + ".yaml"), text);
        Cli apply = Cli.run("apply", "--host-image=" + TestEngine.DIND, file.toString());
        assertEquals(0, apply.code(), apply.err());
        web = lab.name() + "/web";
        data = lab.name() + "/data";
    }

    @AfterAll
    static void destroyLab() {
        Cli.run("fault", "heal", "--all");
        Cli.run("destroy", "--remove-volumes", file.toString());
    }

    private static String hostContainer(String host) {
        return "portolan-" + lab.name() + "-" + host;
    }

    private static String address(String host) throws Exception {
        return docker.run("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", hostContainer(host))
                .output().strip();
    }

    /** Whether a TCP connection from inside {@code host}'s own namespace to {@code address}:2376 opens within 2 s. */
    private static boolean hostReaches(String host, String address) throws Exception {
        return docker.run(20, "exec", hostContainer(host), "nc", "-w", "2", address, "2376").exit() == 0;
    }

    /** The same from inside a container on the host (the inner engine's). */
    private static boolean containerReaches(String host, String container, String address) throws Exception {
        return docker.run(20, "exec", hostContainer(host), "docker", "exec", container, "nc", "-w", "2", address, "2376").exit() == 0;
    }

    private static String inner(String host, String container) {
        try {
            return docker.run("exec", hostContainer(host), "docker", "inspect", "-f", "{{.State.Status}}", container).output().strip();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String id(Cli injected) {
        String out = injected.out();
        return out.substring(out.indexOf('[') + 1, out.indexOf(']'));
    }

    @Test
    void twoHostsAreCutApartAndHealed() throws Exception {
        String dataIp = address("data");
        String webIp = address("web");
        assertTrue(hostReaches("web", dataIp), "the hosts reach each other before");

        Cli cut = Cli.run("fault", "cut", web, data);
        assertEquals(0, cut.code(), cut.err());
        assertTrue(cut.out().contains("No packets pass between " + web + " and " + data), cut.out());
        assertFalse(hostReaches("web", dataIp), "web cannot reach data");
        assertFalse(hostReaches("data", webIp), "nor data web: both ways");
        Cli ls = Cli.run("fault", "ls");
        assertTrue(ls.out().contains(id(cut)) && ls.out().contains("cut " + web + " ⇄ " + data) && ls.out().contains("until healed"),
                ls.out());

        Cli heal = Cli.run("fault", "heal", id(cut));
        assertEquals(0, heal.code(), heal.err());
        assertTrue(heal.out().contains("is healed"), heal.out());
        assertTrue(hostReaches("web", dataIp) && hostReaches("data", webIp), "healed both ways");
        assertFalse(Cli.run("fault", "ls").out().contains(id(cut)));

        Cli oneWay = Cli.run("fault", "cut", "--one-way", web, data);
        assertEquals(0, oneWay.code(), oneWay.err());
        assertFalse(hostReaches("web", dataIp), "web cannot open a connection to data");
        assertTrue(hostReaches("data", webIp), "data still reaches web");
        assertEquals(0, Cli.run("fault", "heal", id(oneWay)).code());
        assertTrue(hostReaches("web", dataIp));
    }

    @Test
    void aContainerIsCutFromAHostInsideItsOwnNetworkAndHealed() throws Exception {
        String webIp = address("web");
        assertTrue(containerReaches("data", "db", webIp), "db reaches host web through its host before");
        Cli cut = Cli.run("fault", "cut", data + "/db", web);
        assertEquals(0, cut.code(), cut.err());
        assertFalse(containerReaches("data", "db", webIp), "db is cut from web");
        assertTrue(hostReaches("data", webIp), "its host is not: the rules live in db's namespace only");
        assertEquals(0, Cli.run("fault", "heal", id(cut)).code());
        assertTrue(containerReaches("data", "db", webIp));
    }

    @Test
    void aDropWithADurationHealsItselfWhenItsTimeIsUp() throws Exception {
        String dataIp = address("data");
        long start = System.nanoTime();
        // the command waits its 4 s and heals; meanwhile every packet to data is dropped
        var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> Cli.run("fault", "drop", data, "100%", "--for", "4s"));
        Eventually.within(Duration.ofSeconds(10), "the drop in force", () -> Cli.run("fault", "ls").out().contains("drop 100%"));
        assertFalse(hostReaches("web", dataIp), "100% of data's packets are dropped");
        Cli done = running.get();
        assertEquals(0, done.code(), done.err());
        assertTrue(done.out().contains("Heals in 4 s") && done.out().contains("Healed after"), done.out());
        assertTrue(hostReaches("web", dataIp), "reachable again once healed");
        System.out.printf("drop --for 4s returned after %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @Test
    void aHostIsPausedAndItsEngineKilledAndEachComesBack() throws Exception {
        Cli pause = Cli.run("fault", "pause", web);
        assertEquals(0, pause.code(), pause.err());
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Paused}}", hostContainer("web")).output().strip());
        Cli again = Cli.run("fault", "pause", web);
        assertEquals(2, again.code());
        assertTrue(again.err().contains(web + " is paused: heal that first."), again.err());
        assertEquals(0, Cli.run("fault", "heal", id(pause)).code());
        assertEquals("false", docker.run("inspect", "-f", "{{.State.Paused}}", hostContainer("web")).output().strip());

        Cli kill = Cli.run("fault", "kill-engine", web);
        assertEquals(0, kill.code(), kill.err());
        assertTrue(kill.out().contains("killed without clean-up (SIGQUIT); its restart policy started it again and it answered after"),
                kill.out());
        System.out.println("kill-engine: " + kill.out().strip());
        assertFalse(Cli.run("fault", "ls").out().contains("kill the engine"), "an engine kill is an event, not kept in force");
        // its container with restart: always comes back inside
        Eventually.within(Duration.ofSeconds(30), "web running again inside its host", () -> "running".equals(inner("web", "web")));
    }

    @Test
    void containersArePausedAndDisconnectedAndHealAllPutsThemBack() throws Exception {
        Cli pause = Cli.run("fault", "pause", data + "/db");
        assertEquals(0, pause.code(), pause.err());
        assertEquals(0, Cli.run("fault", "heal", id(pause)).code());
        String networks = "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{join $v.Aliases \",\"}} {{end}}";
        String before = docker.run("exec", hostContainer("data"), "docker", "inspect", "-f", networks, "db").output().strip();

        Cli off = Cli.run("fault", "disconnect", data + "/db", "backend");
        assertEquals(0, off.code(), off.err());
        assertFalse(docker.run("exec", hostContainer("data"), "docker", "inspect", "-f", networks, "db").output().contains("backend"));
        Cli stop = Cli.run("fault", "stop", web);
        assertEquals(0, stop.code(), stop.err());
        // a rule with Portolan's mark that no list knows of (a list lost), and one of someone else's
        assertEquals(0, docker.run("exec", hostContainer("data"), "iptables", "-w", "-I", "INPUT", "-s", "10.254.254.254",
                "-m", "comment", "--comment", "portolan-fault:orphan", "-j", "DROP").exit());
        assertEquals(0, docker.run("exec", hostContainer("data"), "iptables", "-w", "-I", "INPUT", "-s", "10.254.254.253",
                "-j", "DROP").exit());

        Cli healAll = Cli.run("fault", "heal", "--all");
        assertEquals(0, healAll.code(), healAll.err());
        assertTrue(healAll.out().contains(data + "/db is back on backend") && healAll.out().contains(web + " is running again"),
                healAll.out());
        String after = docker.run("exec", hostContainer("data"), "docker", "inspect", "-f", networks, "db").output().strip();
        assertEquals(before, after, "back on backend under the same names");
        assertEquals("true", docker.run("inspect", "-f", "{{.State.Running}}", hostContainer("web")).output().strip());
        String rules = docker.run("exec", hostContainer("data"), "iptables", "-w", "-S", "INPUT").output();
        assertFalse(rules.contains("portolan-fault:orphan"), rules);
        assertTrue(rules.contains("10.254.254.253"), "a rule Portolan did not mark is left alone: " + rules);
        docker.run("exec", hostContainer("data"), "iptables", "-w", "-D", "INPUT", "-s", "10.254.254.253", "-j", "DROP");
        assertEquals("No faults in force.", Cli.run("fault", "ls").out().strip());
    }

    @Test
    void aLabSwitchesOnItsNamedFaults() throws Exception {
        String dataIp = address("data");
        Cli on = Cli.run("fault", "on", file.toString(), "split");
        assertEquals(0, on.code(), on.err());
        assertFalse(hostReaches("web", dataIp));
        assertEquals(0, Cli.run("fault", "heal", id(on)).code());
        assertTrue(hostReaches("web", dataIp));

        Cli none = Cli.run("fault", "on", file.toString(), "nosuch");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("names no faults called nosuch; it names: flaky-db, split."), none.err());
    }

    @Test
    void badInputIsASentenceAndChangesNothing() throws Exception {
        Cli unknown = Cli.run("fault", "kill", data + "/nosuch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("There is no container nosuch on " + data), unknown.err());

        Cli noHost = Cli.run("fault", "pause", "nowhere/node9");
        assertEquals(2, noHost.code());
        assertTrue(noHost.err().contains("There is no host or container named nowhere/node9"), noHost.err());

        Cli duration = Cli.run("fault", "pause", data + "/db", "--for", "3 parsecs");
        assertEquals(2, duration.code());
        assertTrue(duration.err().contains("'3 parsecs' is not a duration: write it as 30s"), duration.err());

        Cli local = Cli.run("fault", "stop", "local");
        assertEquals(2, local.code());
        assertTrue(local.err().contains("act on simulated hosts"), local.err());

        Cli share = Cli.run("fault", "drop", data, "150%");
        assertEquals(2, share.code());
        assertTrue(share.err().contains("'150%' is not a share of packets"), share.err());

        Cli delay = Cli.run("fault", "delay", data, "100ms", "--jitter", "20ms");
        if (delay.code() == 0) {
            assertEquals(0, Cli.run("fault", "heal", id(delay)).code()); // a kernel with netem
        } else {
            assertEquals(2, delay.code());
            assertTrue(delay.err().contains("kernel has no netem") && delay.err().contains("Packet drops and cuts work"), delay.err());
            System.out.println("delay on this kernel: " + delay.err().strip());
        }
        assertEquals("No faults in force.", Cli.run("fault", "ls").out().strip(), "nothing was recorded");
    }

    @Test
    void aFaultOnAStoppedHostSaysItIsLostAlready() throws Exception {
        assertEquals(0, docker.run("stop", hostContainer("web")).exit());
        try {
            Cli pause = Cli.run("fault", "pause", web);
            assertEquals(2, pause.code());
            assertTrue(pause.err().contains(web + " is stopped, so it is lost already"), pause.err());
        } finally {
            assertEquals(0, Cli.run("apply", "--host-image=" + TestEngine.DIND, file.toString()).code());
        }
    }

    @Test
    void destroyingALabHealsItsFaultsAndTheCutAnotherLabsHostHadToIt() throws Exception {
        String gone = "fltgone" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Path goneFile = Files.writeString(dir.resolve(gone + ".yaml"), """
                name: %s
                hosts: [{name: solo}]
                containers:
                  - {name: app, host: solo, image: busybox:1.36, command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]}
                """.formatted(gone));
        assertEquals(0, Cli.run("apply", "--host-image=" + TestEngine.DIND, goneFile.toString()).code());
        String solo = gone + "/solo";
        Cli pause = Cli.run("fault", "drop", solo + "/app", "50%");
        assertEquals(0, pause.code(), pause.err());
        // the rules of this cut live on web, which outlives the lab destroyed
        Cli cut = Cli.run("fault", "cut", "--one-way", web, solo);
        assertEquals(0, cut.code(), cut.err());
        assertTrue(rulesOnWeb().contains(NetworkRules.MARK_PREFIX + id(cut)), "the cut's rule is on web: " + rulesOnWeb());

        Cli destroy = Cli.run("destroy", "--remove-volumes", goneFile.toString());
        assertEquals(0, destroy.code(), destroy.err());
        Cli ls = Cli.run("fault", "ls");
        assertFalse(ls.out().contains(id(pause)) || ls.out().contains(id(cut)),
                "nothing listed for hosts that are gone (both stayed listed before): " + ls.out());
        assertFalse(rulesOnWeb().contains(NetworkRules.MARK_PREFIX + id(cut)), "web keeps no rule against an address a new host may get");
        assertTrue(destroy.out().contains("the cut between " + web + " and " + solo + " is healed"), destroy.out());
    }

    /** The filter rules in web's own namespace, as `iptables -S` prints them. */
    private static String rulesOnWeb() throws Exception {
        return docker.run("exec", hostContainer("web"), "iptables", "-w", "-S").output();
    }
}
