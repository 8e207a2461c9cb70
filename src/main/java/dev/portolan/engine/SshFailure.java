package dev.portolan.engine;

import java.net.URI;
import java.util.Locale;

/** Why an engine over ssh cannot be reached, in plain words, with what to do. */
public final class SshFailure extends ExplainedFailure {

    public SshFailure(String message) {
        super(message);
    }

    /** Reads what ssh (exit 255) or the command on the server said, and says it plainly. */
    static String explain(URI address, int exit, String stderr) {
        String target = SshTunnel.target(address);
        String host = address.getHost() + (address.getPort() > 0 ? ":" + address.getPort() : "");
        String user = address.getUserInfo() != null ? address.getUserInfo() : "your user";
        String said = stderr.toLowerCase(Locale.ROOT);
        if (said.contains("remote host identification has changed")) {
            return "The host key of " + host + " has CHANGED since this computer last connected. It may be a reinstalled"
                    + " server, or someone in between. Portolan never accepts a key by itself: if you trust the new key,"
                    + " remove the old one (`ssh-keygen -R " + knownHostsName(address) + "`), connect once in a terminal"
                    + " (`ssh " + target + "`) and answer yes, then try again.";
        }
        if (said.contains("host key verification failed") || (said.contains("no ") && said.contains("host key is known"))) {
            return "The host key of " + host + " is not known to this computer yet, and Portolan never accepts a key by"
                    + " itself. Check it and accept it in a terminal (`ssh " + target + "`, answer yes), then try again.";
        }
        if (said.contains("permission denied (publickey") || said.contains("permission denied (password")
                || said.contains("too many authentication failures")) {
            return host + " refused the login of " + user + ". Portolan uses your ssh client's keys and agent and never"
                    + " asks for a password: add your public key to ~/.ssh/authorized_keys there, or load your key with"
                    + " ssh-add, and check `ssh " + target + "` works without a prompt.";
        }
        if (said.contains("could not resolve hostname")) {
            return "The name " + address.getHost() + " is unknown to this computer. Check the address.";
        }
        if (said.contains("connection refused")) {
            return "Nothing answers ssh at " + host + " (connection refused). Check the port, and that sshd runs there.";
        }
        if (said.contains("kex_exchange_identification") || said.contains("connection reset by peer")
                || said.contains("connection closed by")) {
            return host + " took the connection and closed it before ssh could begin: sshd there may be starting,"
                    + " or refusing this computer (too many connections, or a firewall in between). Try again in a moment.";
        }
        if (said.contains("timed out") || said.contains("no route to host") || said.contains("network is unreachable")) {
            return host + " cannot be reached from this computer (" + firstLine(stderr) + "). Check the network and the address.";
        }
        if (exit == 127 || said.contains("docker: not found") || said.contains("docker: command not found")) {
            return "There is no docker command on " + host + ", and ssh runs `docker system dial-stdio` there to reach"
                    + " the engine. Install Docker there (the engine and its command line), then try again.";
        }
        if (said.contains("permission denied while trying to connect to the docker daemon")) {
            return user + " may not use the Docker engine on " + host + ". Add that user to the docker group there"
                    + " (`sudo usermod -aG docker " + (address.getUserInfo() != null ? address.getUserInfo() : "$USER")
                    + "`, then log in again), or connect as a user who may.";
        }
        if (said.contains("cannot connect to the docker daemon") || said.contains("is the docker daemon running")) {
            return "The Docker engine is not running on " + host + ". Start it there (`sudo systemctl start docker`).";
        }
        return "ssh to " + host + " failed (exit " + exit + ")" + (stderr.isBlank() ? "." : ": " + firstLine(stderr))
                + " Check that `ssh " + target + " docker version` works in a terminal.";
    }

    /** The name known_hosts keeps: "[host]:port" for a port other than 22. */
    private static String knownHostsName(URI address) {
        return address.getPort() > 0 && address.getPort() != 22 ? "'[" + address.getHost() + "]:" + address.getPort() + "'"
                : address.getHost();
    }

    private static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
