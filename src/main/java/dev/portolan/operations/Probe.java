package dev.portolan.operations;

import dev.portolan.engine.ContainerOps;
import dev.portolan.engine.EngineErrors;
import dev.portolan.engine.InvalidInputException;
import dev.portolan.host.simulated.SimulatedHost;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Can A reach B?": the checks a person would make, in order, each with what it found and,
 * when it fails, one sentence of cause and one of fix. A is a container (name alone when one
 * simulated host has it, or HOST/NAME on any host); B a container the same way with an optional
 * :PORT, or ADDRESS:PORT. Everything runs in A's and B's own network namespaces with tools that
 * are not theirs ({@link LookInside}), so A's image needs no shell (a scratch image works).
 * Blocking: call off the FX thread.
 */
public final class Probe {

    /**
     * One check: what was looked at, whether it passed, what was found, what to do when not,
     * and the fix as one safe, undoable step where there is one (null otherwise).
     */
    public record Check(String what, boolean passed, String found, String fix, Connect remedy) {
        public Check(String what, boolean passed, String found, String fix) {
            this(what, passed, found, fix, null);
        }
    }

    /** A fix the window can make in one click and undo: connect a container to a network. */
    public record Connect(String host, String container, String network) {
        public String describe() {
            return "Connect " + container + " to " + network;
        }
    }

    /** The checks made, in order; A reaches B when the last one (the connection) passed. */
    public record Result(String from, String to, String address, int port, List<Check> checks) {
        public boolean reaches() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
        }
    }

    /** A container found: its host (and the simulated host it is, or null), its facts, and how to look inside it. */
    private record Found(String host, SimulatedHost simulated, ContainerFacts facts, LookInside inside) {
        String name() {
            return host + "/" + facts.name();
        }
    }

    private final LocalEngine local;
    private final HostsByName hosts;
    private final HostFaults simulatedHosts;

    public Probe(LocalEngine local, HostsByName hosts) {
        this.local = local;
        this.hosts = hosts;
        this.simulatedHosts = new HostFaults(local);
    }

    /** Probes from container {@code from} to {@code to} (a container, with :PORT or not, or ADDRESS:PORT). */
    public Result probe(String from, String to) {
        Found a = find(from);
        if (!a.facts().running()) throw new InvalidInputException(a.name() + " is not running: start it first, then probe again.");
        if (a.facts().paused()) throw new InvalidInputException(a.name() + " is paused: unpause it (or heal the fault), then probe again.");
        int colon = to.lastIndexOf(':');
        Integer port = null;
        String target = to;
        if (colon > 0 && to.substring(colon + 1).matches("\\d{1,5}")) {
            port = Integer.parseInt(to.substring(colon + 1));
            target = to.substring(0, colon);
        }
        if (target.matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
            if (port == null) throw new InvalidInputException("Give the port to try on " + target + ", such as " + target + ":80.");
            return toAddress(a, target, port);
        }
        Found b;
        try {
            b = find(target);
        } catch (InvalidInputException noSuchContainer) {
            if (target.contains("/")) throw noSuchContainer;
            return toName(a, target, port); // what A itself would see: a name nothing answers to
        }
        return toContainer(a, b, port);
    }

    /** B is no container Portolan finds: ask A's DNS for the name, as A would, and say what is near it. */
    private Result toName(Found a, String name, Integer port) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("where", true, a.name() + " is on " + String.join(", ", a.facts().networks().keySet()), ""));
        ContainerOps.ExecResult answer = a.inside().run("nslookup " + name + " 127.0.0.11 2>&1");
        String address = addressIn(answer);
        if (address == null) {
            String near = nearest(a, name);
            checks.add(new Check("name", false, "no such name " + name + " from inside " + a.facts().name(),
                    "No container or alias is called " + name + " on " + a.facts().name() + "'s networks"
                            + (near == null ? "." : ": did you mean " + near + "?")));
            return new Result(a.name(), name, "", port == null ? 0 : port, checks);
        }
        checks.add(new Check("name", true, name + " is " + address, ""));
        if (port == null) throw new InvalidInputException(name + " is " + address + ": give the port to try, such as " + name + ":80.");
        checks.add(connect(a, address, port, name + " (" + address + ":" + port + ")", null));
        return new Result(a.name(), name, address, port, checks);
    }

    /** The name of a container on A's host closest to a misspelt one (two edits at most), or null. */
    private String nearest(Found a, String name) {
        return hosts.operations(a.host()).containerNames().stream()
                .filter(n -> distance(n, name) <= 2).min(java.util.Comparator.comparingInt(n -> distance(n, name))).orElse(null);
    }

    private static int distance(String x, String y) {
        int[] row = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) row[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[y.length()];
    }

    private static String addressIn(ContainerOps.ExecResult answer) {
        if (answer.exitCode() != 0) return null;
        return answer.output().lines().map(String::strip)
                .filter(l -> l.startsWith("Address") && !l.contains("127.0.0.11"))
                .map(l -> l.replaceFirst("^Address( \\d+)?:\\s*", "").split("\\s+")[0]).findFirst().orElse(null);
    }

    private Result toAddress(Found a, String address, int port) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("where", true, a.name() + " is on " + String.join(", ", a.facts().networks().keySet()), ""));
        checks.add(connect(a, address, port, address + ":" + port, null));
        return new Result(a.name(), address + ":" + port, address, port, checks);
    }

    private Result toContainer(Found a, Found b, Integer asked) {
        List<Check> checks = new ArrayList<>();
        String bName = b.facts().name();
        int unknown = asked == null ? 0 : asked;
        if (!b.facts().running()) {
            checks.add(new Check("where", false, b.name() + " is not running",
                    "Start " + b.name() + "; a stopped container has no network to reach."));
            return new Result(a.name(), b.name(), "", unknown, checks);
        }
        if (b.facts().paused()) {
            checks.add(new Check("where", false, b.name() + " is paused", "Unpause " + b.name()
                    + " (or heal the fault that paused it): a paused container answers nothing."));
            return new Result(a.name(), b.name(), "", unknown, checks);
        }
        boolean sameHost = a.host().equals(b.host());
        Set<String> shared = new TreeSet<>(a.facts().networks().keySet());
        shared.retainAll(b.facts().networks().keySet());
        shared.removeIf(n -> n.equals("none") || n.equals("host"));
        // where they are comes first: with no network shared, which port B listens on does not matter yet
        if (sameHost && shared.isEmpty()) return noSharedNetwork(a, b, unknown, checks);
        List<Listening> listening = listening(b);
        int port = asked != null ? asked : listening.stream().filter(l -> !l.loopbackOnly()).mapToInt(Listening::port).sorted()
                .findFirst().orElseThrow(() -> new InvalidInputException("Nothing in " + b.name() + " listens on a port others "
                        + "can reach: give the port to try, such as " + b.name() + ":80."));
        String address;
        if (sameHost) {
            checks.add(new Check("where", true, "both on " + a.host() + ", sharing " + String.join(", ", shared), ""));
            if (shared.equals(Set.of("bridge"))) {
                checks.add(new Check("name", false, "they share only Docker's default bridge, which has no names",
                        "Put both on a network of your own: the default bridge resolves no container names."));
                return new Result(a.name(), b.name(), "", port, checks);
            }
            Check name = resolve(a, b);
            checks.add(name);
            if (!name.passed()) return new Result(a.name(), b.name(), "", port, checks);
            address = name.found().replaceFirst(".* is ", "");
        } else {
            if (a.simulated() == null || b.simulated() == null) {
                checks.add(new Check("route", false, a.name() + " and " + b.name() + " are on different hosts",
                        "The probe follows routes between simulated hosts (it knows their addresses); between "
                                + (a.simulated() == null ? a.host() : b.host()) + " and another host, probe each side's"
                                + " published port as ADDRESS:PORT."));
                return new Result(a.name(), b.name(), "", port, checks);
            }
            int inside = port;
            var published = b.facts().published().stream().filter(p -> p.containerPort() == inside || p.hostPort() == inside)
                    .findFirst();
            if (published.isEmpty()) {
                checks.add(new Check("route", false, a.name() + " and " + b.name() + " are on different hosts; " + bName
                        + " publishes no port for " + port + " and they share no overlay network",
                        "No route: publish " + bName + "'s port " + port + " on " + b.host() + " (ports: [\"" + port + ":" + port
                                + "\"] in the lab), or put both on an overlay network of a Swarm."));
                return new Result(a.name(), b.name(), "", port, checks);
            }
            address = InNamespace.hostAddress(local, b.simulated());
            checks.add(new Check("route", true, "through " + b.host() + "'s published port " + published.get().hostPort()
                    + " at " + address, ""));
            checks.add(new Check("name", true, "across hosts by " + b.host() + "'s address " + address
                    + " (container names resolve only on their own host)", ""));
            port = published.get().containerPort();
            int onHost = published.get().hostPort();
            checks.add(listensCheck(b, listening, port));
            checks.add(connect(a, address, onHost, bName + " (" + address + ":" + onHost + ")", whyNot(checks)));
            return new Result(a.name(), b.name(), address, onHost, checks);
        }
        checks.add(listensCheck(b, listening, port));
        checks.add(connect(a, address, port, bName + " (" + address + ":" + port + ")", whyNot(checks)));
        return new Result(a.name(), b.name(), address, port, checks);
    }

    private static Result noSharedNetwork(Found a, Found b, int port, List<Check> checks) {
        String theirs = String.join(", ", b.facts().networks().keySet());
        String network = b.facts().networks().keySet().iterator().next();
        checks.add(new Check("where", false, a.name() + " is on " + String.join(", ", a.facts().networks().keySet())
                + "; " + b.facts().name() + " is on " + theirs, a.facts().name() + " and " + b.facts().name()
                + " share no network: connect " + a.facts().name() + " to " + network + "?",
                new Connect(a.host(), a.facts().name(), network)));
        return new Result(a.name(), b.name(), "", port, checks);
    }

    /** The failed check before the connection, whose fix is the connection's too. */
    private static Check whyNot(List<Check> checks) {
        return checks.getLast().passed() ? null : checks.getLast();
    }

    // ---- the checks

    /** Docker's embedded DNS, asked from inside A. */
    private Check resolve(Found a, Found b) {
        String name = b.facts().name();
        String address = addressIn(a.inside().run("nslookup " + name + " 127.0.0.11 2>&1"));
        if (address != null) {
            return new Check("name", true, name + " is " + address, "");
        }
        return new Check("name", false, "no such name " + name + " from inside " + a.facts().name(),
                "Docker's DNS did not know " + name + " on " + a.facts().name() + "'s networks: check the spelling, or its "
                        + "aliases (" + String.join(", ", aliases(b)) + ").");
    }

    private static Set<String> aliases(Found b) {
        Set<String> names = new HashSet<>();
        b.facts().networks().values().forEach(n -> n.aliases().stream().filter(x -> !b.facts().id().startsWith(x)).forEach(names::add));
        names.add(b.facts().name());
        return new TreeSet<>(names);
    }

    /** A TCP connection from A's namespace: open, refused, or timed out. */
    private Check connect(Found a, String address, int port, String shown, Check whyNot) {
        ContainerOps.ExecResult tried = a.inside().run("nc -w 3 " + address + " " + port + " </dev/null 2>&1");
        if (tried.exitCode() == 0) return new Check("connect", true, "TCP to " + shown + " opened", "");
        String said = EngineErrors.firstLine(tried.output()).toLowerCase(Locale.ROOT);
        String how = said.contains("refused") ? "refused" : said.contains("timed out") || said.isBlank() ? "timed out" : said;
        String fix = whyNot != null ? "Because of the " + whyNot.what() + " check above."
                : how.equals("refused") ? "Nothing accepts connections there: is the server running, on that port?"
                : "Packets are dropped on the way: a firewall rule, or a fault in force (`portolan fault ls`).";
        return new Check("connect", false, "TCP to " + shown + " " + how, fix);
    }

    /** A socket B listens on, as its kernel lists it. */
    private record Listening(String address, int port) {
        boolean loopbackOnly() {
            return address.startsWith("127.") || address.equals("::1");
        }

        /** "all addresses:80", "127.0.0.1:81". */
        String shown() {
            return (address.equals("0.0.0.0") || address.equals("::") ? "all addresses" : address) + ":" + port;
        }
    }

    private Check listensCheck(Found b, List<Listening> listening, int port) {
        List<Listening> onPort = listening.stream().filter(l -> l.port() == port).toList();
        String name = b.facts().name();
        if (onPort.isEmpty()) {
            String others = listening.stream().map(l -> String.valueOf(l.port())).distinct().sorted().reduce((x, y) -> x + ", " + y)
                    .orElse("none");
            return new Check("listening", false, "nothing in " + name + " listens on " + port + " (it listens on: " + others + ")",
                    "Start the server in " + name + " on port " + port + ", or probe the port it listens on.");
        }
        if (onPort.stream().allMatch(Listening::loopbackOnly)) {
            return new Check("listening", false, name + " listens on " + onPort.getFirst().shown() + " only",
                    "Only " + name + " itself can reach it: make the server listen on 0.0.0.0 (all addresses).");
        }
        return new Check("listening", true, name + " listens on " + onPort.getFirst().shown(), "");
    }

    /** B's listening TCP sockets, read from its kernel's tables in its namespace (/proc/net is the reader's): B needs no tools. */
    private List<Listening> listening(Found b) {
        String tables = b.inside().run("cat /proc/net/tcp /proc/net/tcp6 2>/dev/null").output();
        List<Listening> found = new ArrayList<>();
        for (String line : tables.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4 || !f[3].equals("0A") || !f[1].contains(":")) continue; // 0A: LISTEN
            String[] local = f[1].split(":");
            String address = address(local[0]);
            // Docker's embedded DNS listens in every container's namespace: not the container's own server
            if (!address.equals("127.0.0.11")) found.add(new Listening(address, Integer.parseInt(local[1], 16)));
        }
        return found;
    }

    /** /proc/net/tcp's little-endian hex address, as people write it. */
    static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
        }
        if (hex.equals("00000000000000000000000000000000")) return "::";
        if (hex.equals("00000000000000000000000001000000")) return "::1";
        if (hex.startsWith("0000000000000000FFFF0000")) return address(hex.substring(24));
        return hex;
    }

    // ---- finding containers

    /** HOST/NAME on any host, or a name alone when one simulated host has a container of that name. */
    private Found find(String text) {
        int slash = text.lastIndexOf('/');
        if (slash > 0) {
            String host = text.substring(0, slash);
            return found(host, text.substring(slash + 1));
        }
        List<Found> matches = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (SimulatedHost h : local.simulatedHosts().list()) {
            if (!h.isRunning()) continue;
            try {
                matches.add(found(h.lab() + "/" + h.name(), text));
            } catch (InvalidInputException notThere) {
                // not on this host
            } catch (RuntimeException unreachable) {
                // a host this computer cannot reach (its certificates gone, its engine down) does not hide the others
                unanswered.add(h.lab() + "/" + h.name());
            }
        }
        if (matches.isEmpty()) {
            throw new InvalidInputException("There is no container " + text + " on a running simulated host" + (unanswered.isEmpty()
                    ? "" : " that answered (" + String.join(", ", unanswered) + " did not)") + ": name it as HOST/NAME, "
                    + "such as demo/node1/web (`portolan hosts` lists the hosts).");
        }
        if (matches.size() > 1) {
            throw new InvalidInputException(text + " is on " + String.join(" and ", matches.stream().map(Found::host).toList())
                    + ": name it as HOST/" + text + ".");
        }
        return matches.getFirst();
    }

    private Found found(String host, String name) {
        if (simulatedHosts.simulated(host).isPresent()) {
            SimulatedHost simulated = simulatedHosts.running(host); // a stopped host is said so first
            ContainerFacts facts = hosts.operations(host).facts(name);
            return new Found(host, simulated, facts, LookInside.simulated(local, simulated, facts.pid()));
        }
        HostOperations operations = hosts.operations(host);
        ContainerFacts facts = operations.facts(name);
        // another host: a helper container joined to the container's namespace, its image made sure of when first used
        LookInside[] helper = new LookInside[1];
        return new Found(host, null, facts, script -> {
            if (helper[0] == null) helper[0] = LookInside.helper(operations, host, facts.id());
            return helper[0].run(script);
        });
    }
}
