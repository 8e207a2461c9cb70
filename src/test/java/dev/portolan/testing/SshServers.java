package dev.portolan.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Servers reached with ssh://, on the test engine: containers of portolan-test/ssh-dind
 * (Debian's sshd in front of a Docker engine) published on 127.0.0.1 only, keys made for the
 * test, and an ssh config of the test's own naming each way in: {@link #GOOD} as root with
 * the right key and host key; the others each wrong in one way. Portolan is pointed at the
 * config with the portolan.ssh-config property; nothing of the user's ~/.ssh is touched.
 */
public final class SshServers implements AutoCloseable {

    public final String good;
    public final String wrongKey;
    public final String unknownHostKey;
    public final String changedHostKey;
    public final String guest;
    public final String noDocker;
    private final Path dir;
    private final List<String> containers = new ArrayList<>();

    private SshServers(Path dir, String run) {
        this.dir = dir;
        good = "ssh-good-" + run;
        wrongKey = "ssh-wrongkey-" + run;
        unknownHostKey = "ssh-unknown-" + run;
        changedHostKey = "ssh-changed-" + run;
        guest = "ssh-guest-" + run;
        noDocker = "ssh-nodocker-" + run;
    }

    /**
     * Starts the servers (the second, without the docker command, only when {@code withBare})
     * and waits until the good way in reaches the engine.
     */
    public static SshServers start(TestEngine engine, Path dir, boolean withBare) throws Exception {
        boolean built = !engine.docker().listImagesCmd().withImageNameFilter("portolan-test/ssh-dind").exec().isEmpty();
        org.junit.jupiter.api.Assumptions.assumeTrue(built, "portolan-test/ssh-dind is not built here (no sshd to build it"
                + " from): prepare-engine.sh builds it where openssh-server is installed");
        SshServers servers = new SshServers(dir, UUID.randomUUID().toString().substring(0, 6));
        for (String key : List.of("client", "other", "host", "impostor")) servers.keygen(key);
        String publicKey = Files.readString(dir.resolve("client.pub")).strip();
        String hostKey = Files.readString(dir.resolve("host"));
        int port = servers.startServer(engine, "portolan-ssh-" + servers.good, publicKey, hostKey, false);
        int barePort = withBare ? servers.startServer(engine, "portolan-ssh-" + servers.noDocker, publicKey, hostKey, true) : port;

        String hostPub = Files.readString(dir.resolve("host.pub")).strip();
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostPub + "\n[127.0.0.1]:" + barePort + " "
                + hostPub + "\n");
        Files.writeString(dir.resolve("known_hosts_empty"), "");
        Files.writeString(dir.resolve("known_hosts_changed"), "[127.0.0.1]:" + port + " "
                + Files.readString(dir.resolve("impostor.pub")).strip() + "\n");
        String config = servers.alias(servers.good, port, "root", "client", "known_hosts")
                + servers.alias(servers.wrongKey, port, "root", "other", "known_hosts")
                + servers.alias(servers.unknownHostKey, port, "root", "client", "known_hosts_empty")
                + servers.alias(servers.changedHostKey, port, "root", "client", "known_hosts_changed")
                + servers.alias(servers.guest, port, "guest", "client", "known_hosts")
                + servers.alias(servers.noDocker, barePort, "root", "client", "known_hosts");
        Files.writeString(servers.config(), config);
        System.setProperty("portolan.ssh-config", servers.config().toString());

        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Processes.Result answer;
        do {
            answer = servers.ssh(servers.good, "docker", "version", "--format", "{{.Server.Version}}");
            if (answer.exit() == 0) return servers;
            Thread.sleep(300);
        } while (System.nanoTime() < until);
        throw new IllegalStateException("the ssh server's engine does not answer: " + answer);
    }

    /** The container of the server the good way in reaches (to stop and start it again). */
    public String goodServer() {
        return containers.getFirst();
    }

    /** The ssh config that names the ways in. */
    public Path config() {
        return dir.resolve("config");
    }

    /** Runs a command on a server through the system's ssh client and the test's config. */
    public Processes.Result ssh(String alias, String... remote) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", config().toString(), "-o", "BatchMode=yes", alias, "--"));
        command.addAll(List.of(remote));
        return Processes.run(60, Map.of(), command);
    }

    private String alias(String name, int port, String user, String key, String knownHosts) {
        return """
                Host %s
                  HostName 127.0.0.1
                  Port %d
                  User %s
                  IdentityFile %s
                  IdentitiesOnly yes
                  UserKnownHostsFile %s
                  GlobalKnownHostsFile /dev/null
                  StrictHostKeyChecking yes
                  LogLevel ERROR

                """.formatted(name, port, user, dir.resolve(key), dir.resolve(knownHosts));
    }

    private void keygen(String name) throws Exception {
        Processes.Result made = Processes.run(20, Map.of(), List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name,
                "-f", dir.resolve(name).toString()));
        if (made.exit() != 0) throw new IllegalStateException("ssh-keygen failed: " + made);
    }

    /**
     * A server container published on 127.0.0.1 only, on a port of its own that it keeps when
     * stopped and started again (as a real server's); returns that port.
     */
    private int startServer(TestEngine engine, String name, String publicKey, String hostKey, boolean withoutDocker) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--label", TestEngine.LABEL + "=true",
                "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE", "--security-opt", "seccomp=unconfined",
                "--security-opt", "apparmor=unconfined", "--security-opt", "systempaths=unconfined",
                "--tmpfs", "/run", "--tmpfs", "/var/run",
                "-p", "127.0.0.1:" + TestEngine.freePort() + ":22", "-e", "AUTHORIZED_KEY=" + publicKey, "-e", "HOST_KEY=" + hostKey));
        if (withoutDocker) command.addAll(List.of("-e", "NO_DOCKER=1"));
        command.add("portolan-test/ssh-dind");
        Processes.Result started = Processes.run(60, Map.of(), command);
        if (started.exit() != 0) throw new IllegalStateException("the ssh server would not start: " + started);
        containers.add(name);
        var ports = engine.docker().inspectContainerCmd(name).exec().getNetworkSettings().getPorts().getBindings();
        return Integer.parseInt(ports.values().iterator().next()[0].getHostPortSpec());
    }

    /** Removes the servers and their engines' volumes, and forgets the config. */
    @Override
    public void close() throws Exception {
        System.clearProperty("portolan.ssh-config");
        for (String name : containers) Processes.run(60, Map.of(), List.of("docker", "rm", "-fv", name));
    }
}
