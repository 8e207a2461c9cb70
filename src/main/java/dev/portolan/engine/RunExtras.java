package dev.portolan.engine;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ulimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compose service adds to a run beyond its process: ports it exposes without
 * publishing them, resource limits per process (ulimits), where its output goes (a logging
 * driver and its options), and its other names and fixed address on its first network.
 *
 * @param ulimits "nofile" → "1024:2048" (soft:hard) or "65535" (both)
 */
public record RunExtras(List<String> expose, Map<String, String> ulimits, String logDriver, Map<String, String> logOptions,
        List<String> aliases, String ipv4Address) {

    public static final RunExtras NONE = new RunExtras(List.of(), Map.of(), null, Map.of(), List.of(), null);

    private static final Pattern EXPOSE = Pattern.compile("(\\d{1,5})(?:/(tcp|udp|sctp))?");
    private static final Pattern ULIMIT = Pattern.compile("(-1|\\d+)(?::(-1|\\d+))?");

    public RunExtras {
        expose = expose == null ? List.of() : List.copyOf(expose);
        ulimits = ulimits == null ? Map.of() : Map.copyOf(ulimits);
        logOptions = logOptions == null ? Map.of() : Map.copyOf(logOptions);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** Every problem with exposed ports, ulimits and the logging driver, a sentence each with a good example. */
    public static List<String> problems(List<String> expose, Map<String, String> ulimits, String logDriver) {
        List<String> problems = new ArrayList<>();
        if (logDriver != null && java.util.Arrays.stream(LogConfig.LoggingType.values()).noneMatch(t -> t.getType().equals(logDriver))) {
            problems.add("logging driver: '" + logDriver + "' is not one the engine has; use one of " + String.join(", ",
                    java.util.Arrays.stream(LogConfig.LoggingType.values()).map(LogConfig.LoggingType::getType).toList()));
        }
        for (String port : expose) {
            Matcher m = EXPOSE.matcher(port.strip());
            if (!m.matches() || Integer.parseInt(m.group(1)) == 0 || Integer.parseInt(m.group(1)) > 65535) {
                problems.add("expose: '" + port + "' should be a port such as 3306 or 53/udp");
            }
        }
        ulimits.forEach((name, value) -> {
            if (!name.matches("[a-z]+")) problems.add("ulimits: '" + name + "' is not a limit's name (such as nofile or nproc)");
            if (value == null || !ULIMIT.matcher(value.strip()).matches()) {
                problems.add("ulimits " + name + ": '" + value + "' should be a number, or soft:hard such as 1024:2048");
            }
        });
        return problems;
    }

    /** The exposed ports as the engine takes them. */
    List<ExposedPort> exposedPorts() {
        return expose.stream().map(port -> {
            Matcher m = EXPOSE.matcher(port.strip());
            if (!m.matches()) throw new InvalidInputException("expose: '" + port + "' should be a port such as 3306 or 53/udp");
            int number = Integer.parseInt(m.group(1));
            return m.group(2) == null || m.group(2).equals("tcp") ? ExposedPort.tcp(number)
                    : m.group(2).equals("udp") ? ExposedPort.udp(number) : ExposedPort.sctp(number);
        }).toList();
    }

    void applyTo(CreateContainerCmd create, HostConfig host) {
        if (!ulimits.isEmpty()) {
            host.withUlimits(ulimits.entrySet().stream().map(e -> {
                Matcher m = ULIMIT.matcher(e.getValue().strip());
                if (!m.matches()) throw new InvalidInputException("ulimits " + e.getKey() + ": '" + e.getValue() + "' is not a number");
                long soft = Long.parseLong(m.group(1));
                return new Ulimit(e.getKey(), soft, m.group(2) == null ? soft : Long.parseLong(m.group(2)));
            }).toList());
        }
        if (logDriver != null && !logDriver.isBlank()) {
            host.withLogConfig(new LogConfig(LogConfig.LoggingType.fromValue(logDriver), logOptions.isEmpty() ? null : logOptions));
        }
        if (!aliases.isEmpty()) create.withAliases(aliases);
        if (ipv4Address != null && !ipv4Address.isBlank()) create.withIpv4Address(ipv4Address);
    }
}
