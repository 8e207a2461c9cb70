package dev.portolan.host.simulated;

import dev.portolan.engine.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a simulated host should be: its lab, its name, the Docker-in-Docker image, and
 * ports of the laptop (127.0.0.1) mapped to ports of the host, as kind's extra port mappings.
 */
public record SimulatedHostSpec(String lab, String name, String image, List<PortMapping> ports, Size size) {

    /**
     * How big the host is, as a production machine would be: its container's CPU and memory
     * limits (null: the laptop's), and its engine's labels (the Swarm node's too).
     */
    public record Size(Double cpus, Long memoryBytes, java.util.Map<String, String> labels) {
        public static final Size NONE = new Size(null, null, java.util.Map.of());

        public Size {
            labels = labels == null ? java.util.Map.of() : java.util.Map.copyOf(labels);
        }
    }

    /** A host of the laptop's size, with no labels. */
    public SimulatedHostSpec(String lab, String name, String image, List<PortMapping> ports) {
        this(lab, name, image, ports, Size.NONE);
    }

    public static final String DEFAULT_IMAGE = dev.portolan.app.Settings.PUBLIC_HOST_IMAGE;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    /** 127.0.0.1:laptopPort → hostPort inside the simulated host. */
    public record PortMapping(int laptopPort, int hostPort) {
        public String text() {
            return "127.0.0.1:" + laptopPort + "→" + hostPort;
        }
    }

    public SimulatedHostSpec {
        ports = List.copyOf(ports);
        size = size == null ? Size.NONE : size;
        List<String> problems = new ArrayList<>();
        checkName("Lab", lab, problems);
        checkName("Name", name, problems);
        if (image == null || image.isBlank() || image.contains(" ")) {
            problems.add("Image: choose a Docker-in-Docker image, such as " + DEFAULT_IMAGE + ".");
        }
        for (PortMapping p : ports) {
            if (p.laptopPort() < 1 || p.laptopPort() > 65535 || p.hostPort() < 1 || p.hostPort() > 65535) {
                problems.add("Ports: " + p.laptopPort() + ":" + p.hostPort() + " is out of range (1-65535).");
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(String.join("\n", problems));
    }

    private static void checkName(String field, String value, List<String> problems) {
        if (value == null || !NAME.matcher(value).matches()) {
            problems.add(field + ": '" + value + "' is not allowed; use lower-case letters, digits and '-' "
                    + "(up to 31), starting with a letter or digit, such as node1.");
        }
    }

    /** Parses "8080:80 8443:443" into port mappings, naming what is wrong. */
    public static List<PortMapping> parsePorts(String text) {
        List<PortMapping> ports = new ArrayList<>();
        if (text == null) return ports;
        for (String word : text.trim().split("[\\s,]+")) {
            if (word.isBlank()) continue;
            String[] parts = word.split(":");
            try {
                if (parts.length != 2) throw new NumberFormatException();
                ports.add(new PortMapping(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("Ports: '" + word + "' should look like 8080:80 "
                        + "(port 8080 of this computer to port 80 of the host).");
            }
        }
        return ports;
    }

    /** portolan-LAB-NAME: the container's name and the docker context's name. */
    public String containerName() {
        return SimulatedHosts.containerName(lab, name);
    }
}
