package dev.portolan.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to run, as a person types it in the run dialog: each field checked, with a
 * message that names the bad value and shows a good one.
 *
 * @param ports   "8080:80", "127.0.0.1:8080:80" or "53:53/udp"
 * @param volumes "data:/var/lib/data" (a named volume) or "/host/path:/in/container[:ro]"
 * @param env     "KEY=value"
 * @param restart no, always, unless-stopped, on-failure
 */
public record RunSpec(
        String image,
        String name,
        List<String> command,
        List<String> env,
        List<String> ports,
        List<String> volumes,
        String network,
        String restart) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern PORT = Pattern.compile("(?:(\\d{1,3}(?:\\.\\d{1,3}){3}):)?(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp|sctp))?");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*=.*", Pattern.DOTALL); // dots too: discovery.type=single-node
    private static final List<String> RESTART = List.of("no", "always", "unless-stopped", "on-failure");

    public RunSpec {
        command = List.copyOf(command);
        env = List.copyOf(env);
        ports = List.copyOf(ports);
        volumes = List.copyOf(volumes);
        List<String> problems = problems(image, name, env, ports, volumes, restart);
        if (!problems.isEmpty()) throw new InvalidInputException(String.join("\n", problems));
    }

    /** Every problem with the fields, one sentence each; empty when all is well. */
    public static List<String> problems(String image, String name, List<String> env, List<String> ports,
            List<String> volumes, String restart) {
        List<String> problems = new ArrayList<>();
        if (image == null || image.isBlank()) problems.add("Image: choose an image to run, such as busybox.");
        else if (image.contains(" ")) problems.add("Image: '" + image + "' has a space; an image name has none.");
        if (name != null && !name.isBlank() && !NAME.matcher(name).matches()) {
            problems.add("Name: '" + name + "' is not allowed; use letters, digits, '_', '.' and '-', starting with a letter or digit.");
        }
        for (String e : env) {
            if (!ENV.matcher(e).matches()) problems.add("Environment: '" + e + "' should look like KEY=value.");
        }
        for (String p : ports) {
            var m = PORT.matcher(p.trim());
            if (!m.matches()) {
                problems.add("Ports: '" + p + "' should look like 8080:80, 127.0.0.1:8080:80 or 53:53/udp.");
            } else if (Integer.parseInt(m.group(2)) > 65535 || Integer.parseInt(m.group(3)) > 65535
                    || Integer.parseInt(m.group(3)) == 0) {
                problems.add("Ports: '" + p + "' has a port above 65535 or a container port of 0.");
            }
        }
        for (String v : volumes) {
            String[] parts = v.split(":");
            if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || !parts[1].startsWith("/")
                    || parts.length == 3 && !parts[2].equals("ro") && !parts[2].equals("rw")) {
                problems.add("Volumes: '" + v + "' should look like data:/var/lib/data or /host/path:/path[:ro].");
            }
        }
        if (restart != null && !restart.isBlank() && !RESTART.contains(restart.toLowerCase(Locale.ROOT))) {
            problems.add("Restart: '" + restart + "' is not a policy; choose one of " + String.join(", ", RESTART) + ".");
        }
        return problems;
    }

    /** A published port, parsed. */
    public record Port(String hostIp, int hostPort, int containerPort, String protocol) {}

    public List<Port> parsedPorts() {
        return ports.stream().map(p -> {
            var m = PORT.matcher(p.trim());
            if (!m.matches()) throw new InvalidInputException("bad port " + p);
            return new Port(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? "tcp" : m.group(4));
        }).toList();
    }

    /** Splits a command line the way a shell would: words, quotes, escapes. */
    public static List<String> splitCommand(String line) {
        return line == null ? List.of() : ShellWords.split(line, "Command");
    }
}
