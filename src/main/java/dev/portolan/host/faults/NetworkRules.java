package dev.portolan.host.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shell that makes and undoes network faults inside one network namespace (a
 * simulated host's own, or a container's through nsenter): iptables rules, each carrying
 * the fault's mark as a comment so heal removes exactly those, and tc netem where the
 * kernel has it. Only the host image's own tools: iptables, tc, sh, nsenter.
 */
public final class NetworkRules {

    /** Every rule Portolan makes carries this comment and the fault's id: nothing else is ever removed. */
    public static final String MARK_PREFIX = "portolan-fault:";

    /**
     * Tries netem on the loopback and takes it away again: exit 0 when the kernel has it.
     * busybox's tc cannot add a qdisc, so the image's real tc is looked for by path.
     */
    public static final String NETEM_PROBE = tc() + "$TC qdisc add dev lo root netem delay 1ms && $TC qdisc del dev lo root";

    /** An address to cut, with a port when only a published port of that address is the peer's. */
    public record Peer(String address, String protocol, int port) {
        public static Peer all(String address) {
            return new Peer(address, null, 0);
        }

        String match(String direction) {
            return direction + " " + address + (port > 0 ? " -p " + protocol + " --dport " + port : "");
        }
    }

    private NetworkRules() {}

    /**
     * Drops packets to and from each peer; one way, only the connections this side opens.
     * {@code routed}: the namespace is a host whose containers' traffic is forwarded through it.
     */
    public static String cut(String mark, List<Peer> peers, boolean oneWay, boolean routed) {
        List<String> rules = new ArrayList<>();
        for (Peer peer : peers) {
            String out = peer.match("-d") + (oneWay ? " -m conntrack --ctstate NEW" : "");
            rules.add(rule("OUTPUT", out, mark));
            if (routed) rules.add(rule("FORWARD", out, mark));
            if (!oneWay && peer.port() == 0) {
                rules.add(rule("INPUT", peer.match("-s"), mark));
                if (routed) rules.add(rule("FORWARD", peer.match("-s"), mark));
            }
        }
        return String.join(" && ", rules);
    }

    /** Drops {@code percent} of the packets coming in, at random (as Pumba's iptables loss does). */
    public static String drop(String mark, int percent, boolean routed) {
        String share = "-m statistic --mode random --probability " + String.format(Locale.ROOT, "%.2f", percent / 100.0);
        return rule("INPUT", share, mark) + (routed ? " && " + rule("FORWARD", share, mark) : "");
    }

    /** netem delay on every interface but the loopback. */
    public static String delay(long latencyMillis, long jitterMillis) {
        return tc() + "for dev in $(" + interfaces() + "); do $TC qdisc add dev $dev root netem delay " + latencyMillis + "ms"
                + (jitterMillis > 0 ? " " + jitterMillis + "ms" : "") + " || exit 1; done";
    }

    /** Removes the netem qdiscs (only those: a qdisc of another kind is left as it is). */
    public static String undelay() {
        return tc() + "for dev in $(" + interfaces() + "); do $TC qdisc show dev $dev | grep -q netem && $TC qdisc del dev $dev root;"
                + " done; true";
    }

    /** Removes the rules carrying one fault's mark. */
    public static String heal(String mark) {
        return removeRules("grep -E '" + mark + "\"?( |$)'");
    }

    /** Removes the rules of every fault Portolan made here (Heal all, after a lost list): only rules with its mark. */
    public static String healEvery() {
        return removeRules("grep -F '" + MARK_PREFIX + "'");
    }

    private static String removeRules(String select) {
        // `iptables -S` prints the comment quoted; eval reads the quotes back as the shell wrote them
        return "iptables -w -S | " + select + " | sed 's/^-A /-D /' | while read -r r; do eval iptables -w $r; done; true";
    }

    private static String rule(String chain, String match, String mark) {
        return "iptables -w -I " + chain + " " + match + " -m comment --comment " + mark + " -j DROP";
    }

    private static String tc() {
        return "TC=$(for t in /usr/sbin/tc /sbin/tc /usr/bin/tc; do [ -x $t ] && echo $t && break; done); "
                + "[ -n \"$TC\" ] || { echo 'tc: not found' >&2; exit 127; }; ";
    }

    private static String interfaces() {
        return "ip -o link show | sed -n 's/^[0-9]*: \\([^:@]*\\).*/\\1/p' | grep -v '^lo$'";
    }
}
