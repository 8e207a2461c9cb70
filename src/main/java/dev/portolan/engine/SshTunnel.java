package dev.portolan.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine reached over ssh, as the docker CLI reaches one: the system's own ssh client
 * (its config, keys, agent and known hosts; Portolan stores no keys) runs
 * {@code docker system dial-stdio} on the server, and the engine's API goes over that
 * stream. docker-java talks to a private unix socket (in a folder only this user can
 * open); each connection made there becomes one ssh session, all of a host's sessions
 * over one ssh connection (OpenSSH's ControlMaster), kept open a minute after the last.
 * One tunnel per address, for the life of the app.
 */
public final class SshTunnel {

    private static final Logger LOG = LoggerFactory.getLogger(SshTunnel.class);
    private static final Map<URI, SshTunnel> OPEN = new ConcurrentHashMap<>();
    /** When each address last answered the check: a connection made again soon after (a new window, a reconnect) skips it. */
    private static final Map<URI, Long> ANSWERED = new ConcurrentHashMap<>();
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** How long the first answer may take: a new ssh connection, then `docker version` over it. */
    private static final long CHECK_SECONDS = 25;

    private final URI address;
    private final Path socket;
    private final ServerSocketChannel server;

    private SshTunnel(URI address, Path socket) throws IOException {
        this.address = address;
        this.socket = socket;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        socket.toFile().deleteOnExit();
        Thread.ofVirtual().name("ssh tunnel " + address).start(this::accept);
    }

    /**
     * The unix socket that reaches the engine at {@code address} (ssh://[user@]host[:port]);
     * checks first, over ssh, that the engine answers there (unless it did within 30 s), and
     * throws a {@link SshFailure} that says what to do when it does not.
     */
    public static URI socketFor(URI address) {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            // docker-java reaches unix sockets on Linux and macOS only, and Windows' OpenSSH shares no connections
            throw new SshFailure("Engines over ssh are not supported on Windows yet. Make a docker context with a tcp+TLS"
                    + " endpoint for " + address.getHost() + ", or forward its socket with `ssh -L`.");
        }
        Long answered = ANSWERED.get(address);
        if (answered == null || System.nanoTime() - answered > RECHECK_NANOS) {
            check(address);
            ANSWERED.put(address, System.nanoTime());
        }
        SshTunnel tunnel = OPEN.computeIfAbsent(address, a -> {
            try {
                return new SshTunnel(a, folder().resolve(name(a) + ".sock"));
            } catch (IOException e) {
                throw new SshFailure("Portolan could not open its socket for " + a + ": " + e.getMessage());
            }
        });
        return URI.create("unix://" + tunnel.socket);
    }

    /**
     * Runs {@code docker version} on the server through ssh: the quickest way to learn
     * whether ssh, the key, the host key, the docker command and the user's right to the
     * engine are all there, each failure in its own sentence.
     */
    static void check(URI address) {
        List<String> command = command(address, List.of("docker", "version", "--format", "{{.Server.APIVersion}}"));
        Path out;
        Path err;
        try {
            out = Files.createTempFile(folder(), "check", ".out");
            err = Files.createTempFile(folder(), "check", ".err");
        } catch (IOException e) {
            throw new SshFailure("Portolan could not write in " + folder() + " to ask " + address + ": " + e.getMessage());
        }
        // files, not pipes: the ssh connection kept for later (ControlPersist) holds on to its
        // stderr, and a pipe read to its end would wait for that connection to close
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new SshFailure("There is no ssh client on this computer, and Portolan reaches " + address
                    + " with it. Install OpenSSH's client (on Debian and Ubuntu: apt install openssh-client), then try again.");
        }
        try {
            if (!process.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SshFailure(address + " did not answer over ssh within " + CHECK_SECONDS + " s. Check that the"
                        + " server is up and reachable from here (`ssh " + target(address) + "` in a terminal).");
            }
            String answer = Files.readString(out).strip();
            if (process.exitValue() != 0 || answer.isEmpty()) {
                throw new SshFailure(SshFailure.explain(address, process.exitValue(), Files.readString(err).strip()));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SshFailure("Connecting to " + address + " was interrupted.");
        } catch (IOException e) {
            throw new SshFailure("Reading ssh's answer from " + address + " failed: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // a leftover in Portolan's own folder, removed with it
            }
        }
    }

    /**
     * Why the engine at {@code address} cannot be reached, as the check over ssh finds it; null
     * when the check passes (then the failure was the engine's own, not ssh's).
     */
    static String explain(URI address) {
        ANSWERED.remove(address);
        try {
            check(address);
            return null;
        } catch (SshFailure e) {
            return e.getMessage();
        }
    }

    /**
     * The ssh command for {@code remote} on the server: never a prompt (BatchMode: a host key
     * nobody accepted fails instead of asking), one shared connection per address (not per
     * user, host and port, as OpenSSH's %C would: two addresses that reach one server with
     * other keys or known hosts must each make, and check, their own).
     */
    static List<String> command(URI address, List<String> remote) {
        List<String> command = new ArrayList<>(List.of("ssh"));
        String config = System.getProperty("portolan.ssh-config");
        if (config != null && !config.isBlank()) command.addAll(List.of("-F", config));
        command.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15",
                "-o", "ControlMaster=auto", "-o", "ControlPath=" + folder().resolve(name(address) + ".ssh"),
                "-o", "ControlPersist=60"));
        if (address.getPort() > 0) command.addAll(List.of("-p", String.valueOf(address.getPort())));
        if (address.getUserInfo() != null) command.addAll(List.of("-l", address.getUserInfo()));
        command.add(address.getHost());
        command.add("--");
        command.addAll(remote);
        return command;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread.ofVirtual().name("ssh session " + address).start(() -> carry(connection));
            } catch (IOException e) {
                if (server.isOpen()) LOG.warn("the ssh tunnel to {} stopped accepting: {}", address, e.getMessage());
                return;
            }
        }
    }

    /**
     * One connection of docker-java: its bytes to `docker system dial-stdio` on the server
     * and back. The channel is read and written directly, from one thread each: its stream
     * adapters would share one lock, and a read waiting for the client would hold up every
     * answer to it.
     */
    private void carry(SocketChannel connection) {
        Process process = null;
        try (connection) {
            process = new ProcessBuilder(command(address, List.of("docker", "system", "dial-stdio")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Process ssh = process;
            Thread up = Thread.ofVirtual().start(() -> {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                try (OutputStream toServer = ssh.getOutputStream()) {
                    while (connection.read(buffer) >= 0) {
                        toServer.write(buffer.array(), 0, buffer.position());
                        toServer.flush();
                        buffer.clear();
                    }
                } catch (IOException closed) {
                    // docker-java closed its side, or the session ended
                }
            });
            byte[] chunk = new byte[64 * 1024];
            try (InputStream fromServer = ssh.getInputStream()) {
                for (int n; (n = fromServer.read(chunk)) >= 0; ) {
                    ByteBuffer out = ByteBuffer.wrap(chunk, 0, n);
                    while (out.hasRemaining()) connection.write(out);
                }
            }
            up.interrupt();
            // ssh's own failure (the server gone, the connection broken): the next connect asks again
            if (ssh.waitFor(2, TimeUnit.SECONDS) && ssh.exitValue() == 255) ANSWERED.remove(address);
        } catch (IOException e) {
            LOG.debug("an ssh session to {} ended: {}", address, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process != null) process.destroy();
        }
    }

    /** A folder only this user may open, with a short path: a unix socket's path has at most about 100 bytes. */
    static Path folder() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "portolan-" + System.getProperty("user.name"));
        try {
            if (!Files.isDirectory(dir)) Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new SshFailure("Portolan could not make its folder " + dir + " for ssh: " + e.getMessage());
        }
        return dir;
    }

    private static String name(URI address) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(address.toString().getBytes(StandardCharsets.UTF_8));
            return "engine-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a person types this address to ssh: "-p 2222 deploy@server". */
    static String target(URI address) {
        return (address.getPort() > 0 ? "-p " + address.getPort() + " " : "")
                + (address.getUserInfo() != null ? address.getUserInfo() + "@" : "") + address.getHost();
    }

}
