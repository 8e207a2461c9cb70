package dev.portolan.engine;

import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.PortConfigProtocol;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swarm service's published port as a person writes it, "8080:80" (published:target,
 * TCP): one reading for lab files, the command line and the Swarm window.
 */
public final class ServicePorts {

    private static final Pattern PORT = Pattern.compile("(\\d{1,5}):(\\d{1,5})");

    private ServicePorts() {}

    /** What is wrong with {@code text} as a port, as a sentence; empty when it reads. */
    public static Optional<String> problem(String text) {
        Matcher m = text == null ? null : PORT.matcher(text.strip());
        if (m != null && m.matches() && inRange(m.group(1)) && inRange(m.group(2))) return Optional.empty();
        return Optional.of("'" + text + "' is not a port: write it as PUBLISHED:TARGET, such as 8080:80 (each 1 to 65535).");
    }

    /** The port, published through the routing mesh; bad input is said with {@link #problem}. */
    public static PortConfig parse(String text) {
        problem(text).ifPresent(sentence -> {
            throw new InvalidInputException(sentence);
        });
        String[] parts = text.strip().split(":");
        return new PortConfig().withPublishedPort(Integer.parseInt(parts[0])).withTargetPort(Integer.parseInt(parts[1]))
                .withProtocol(PortConfigProtocol.TCP);
    }

    private static boolean inRange(String digits) {
        int port = Integer.parseInt(digits);
        return port >= 1 && port <= 65_535;
    }
}
