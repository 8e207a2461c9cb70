package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ssh:// addresses as the docker CLI takes them, the ssh command Portolan runs, and ssh's failures in plain words. */
class SshAddressTest {

    private static final URI SERVER = URI.create("ssh://deploy@server.example:2222");

    @Test
    void anSshAddressIsReadWithItsUserAndPortAndABadOneSaysTheShape() {
        assertEquals(URI.create("ssh://deploy@server:2222"), EndpointResolver.parseHost("ssh://deploy@server:2222", "DOCKER_HOST"));
        assertEquals(URI.create("ssh://server"), EndpointResolver.parseHost("ssh://server", "DOCKER_HOST"));
        var error = assertThrows(EndpointException.class, () -> EndpointResolver.parseHost("ssh://deploy@server/var/run", "The address"));
        assertTrue(error.getMessage().contains("ssh://[USER@]HOST[:PORT]"), error.getMessage());
    }

    @Test
    void theCommandNeverPromptsSharesOneConnectionAndRunsTheRemoteCommandAfterTwoDashes() {
        List<String> command = SshTunnel.command(SERVER, List.of("docker", "system", "dial-stdio"));
        assertEquals("ssh", command.getFirst());
        assertTrue(command.contains("BatchMode=yes"), command.toString());
        assertTrue(command.contains("ControlMaster=auto"), command.toString());
        assertEquals(List.of("-p", "2222", "-l", "deploy", "server.example", "--", "docker", "system", "dial-stdio"),
                command.subList(command.size() - 9, command.size()));
    }

    @Test
    void eachOfSshsFailuresGetsItsSentence() {
        assertTrue(SshFailure.explain(SERVER, 255, "No ED25519 host key is known for [server.example]:2222 and you have"
                + " requested strict checking.\nHost key verification failed.").contains("is not known to this computer yet"));
        String changed = SshFailure.explain(SERVER, 255, "@@@ WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! @@@\n"
                + "Host key verification failed.");
        assertTrue(changed.contains("has CHANGED") && changed.contains("ssh-keygen -R '[server.example]:2222'"), changed);
        assertTrue(SshFailure.explain(SERVER, 255, "deploy@server.example: Permission denied (publickey).")
                .startsWith("server.example:2222 refused the login of deploy"));
        assertTrue(SshFailure.explain(SERVER, 127, "sh: docker: not found").startsWith("There is no docker command on"));
        assertTrue(SshFailure.explain(SERVER, 1, "permission denied while trying to connect to the Docker daemon socket at"
                + " unix:///var/run/docker.sock").startsWith("deploy may not use the Docker engine"));
        assertTrue(SshFailure.explain(SERVER, 255, "ssh: connect to host server.example port 2222: Connection refused")
                .contains("connection refused"));
        assertTrue(SshFailure.explain(SERVER, 255, "kex_exchange_identification: read: Connection reset by peer")
                .contains("took the connection and closed it"));
        assertTrue(SshFailure.explain(SERVER, 1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock."
                + " Is the docker daemon running?").startsWith("The Docker engine is not running"));
    }
}
