package dev.portolan.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Docker engines a laptop has, where each product puts its socket: Docker
 * Desktop, Colima, OrbStack, Rancher Desktop, Podman's Docker-compatible socket, Lima,
 * a system dockerd, plus DOCKER_HOST and the docker CLI's contexts. It only looks at files
 * (no engine is asked here: {@link #check} does that, off the FX thread).
 */
public final class EngineDiscovery {

    /** An engine found on this computer: what product it is, where it answers, and how it was found. */
    public record Found(String product, EngineEndpoint endpoint, String foundBy) {}

    /** A found engine after asking it: its version when it answered, else why not. */
    public record Checked(Found found, boolean answers, String detail) {}

    /** The places products put their Docker socket, relative to the home folder unless absolute, per system. */
    private record Place(String path, String product) {}

    private static final List<Place> MAC = List.of(
            new Place(".docker/run/docker.sock", "Docker Desktop"),
            new Place(".orbstack/run/docker.sock", "OrbStack"),
            new Place(".colima/default/docker.sock", "Colima"),
            new Place(".config/colima/default/docker.sock", "Colima"),
            new Place(".rd/docker.sock", "Rancher Desktop"),
            new Place(".local/share/containers/podman/machine/podman.sock", "Podman machine"),
            new Place(".local/share/containers/podman/machine/qemu/podman.sock", "Podman machine"),
            new Place(".lima/default/sock/docker.sock", "Lima"),
            new Place("/var/run/docker.sock", "the default socket"));
    private static final List<Place> LINUX = List.of(
            new Place("/var/run/docker.sock", "dockerd (system)"),
            new Place(".docker/desktop/docker.sock", "Docker Desktop"),
            new Place("$XDG_RUNTIME_DIR/docker.sock", "dockerd (rootless)"),
            new Place("$XDG_RUNTIME_DIR/podman/podman.sock", "Podman"),
            new Place("/run/podman/podman.sock", "Podman (root)"),
            new Place(".colima/default/docker.sock", "Colima"),
            new Place(".config/colima/default/docker.sock", "Colima"),
            new Place(".rd/docker.sock", "Rancher Desktop"),
            new Place(".lima/default/sock/docker.sock", "Lima"));
    private static final List<Place> WINDOWS = List.of(
            new Place("//./pipe/docker_engine", "Docker Desktop"),
            new Place("//./pipe/podman-machine-default", "Podman machine"));

    private final Path home;
    private final Map<String, String> env;
    private final String osName;
    private final EndpointResolver resolver;

    public EngineDiscovery(Path home, Map<String, String> env, String osName, EndpointResolver resolver) {
        this.home = home;
        this.env = env;
        this.osName = osName;
        this.resolver = resolver;
    }

    public static EngineDiscovery forThisUser(EndpointResolver resolver) {
        return new EngineDiscovery(Path.of(System.getProperty("user.home")), System.getenv(), System.getProperty("os.name", ""),
                resolver);
    }

    /** The system this runs on, as a person names it: "macOS", "Windows" or "Linux". */
    public String system() {
        if (osName.startsWith("Mac")) return "macOS";
        if (osName.startsWith("Windows")) return "Windows";
        return "Linux";
    }

    /** What Portolan uses, as the docker CLI would choose it; empty with the reason when the choice itself is broken. */
    public Optional<EngineEndpoint> inUse() {
        try {
            return Optional.of(resolver.resolve());
        } catch (EndpointException e) {
            return Optional.empty();
        }
    }

    /** Every engine this computer seems to have, once each (two paths to one socket are one engine), the one in use first. */
    public List<Found> find() {
        Map<String, Found> byTarget = new LinkedHashMap<>();
        // the engine in use comes first; the platform's default socket only where it exists (else: nothing found)
        inUse().filter(e -> !e.source().equals("default socket") || Files.exists(socketPath(e.host())))
                .ifPresent(e -> byTarget.put(target(e.host()), new Found(productOf(e.host()), e, "in use: " + e.source())));
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            try {
                URI uri = EndpointResolver.parseHost(dockerHost.strip(), "DOCKER_HOST");
                byTarget.putIfAbsent(target(uri), new Found(productOf(uri), new EngineEndpoint("DOCKER_HOST", uri, null,
                        "DOCKER_HOST"), "DOCKER_HOST"));
            } catch (EndpointException e) {
                // the resolver's own message says what is wrong with it; nothing to list
            }
        }
        for (Place place : places()) {
            Optional<Path> socket = resolve(place.path());
            if (socket.isEmpty() || !Files.exists(socket.get())) continue;
            URI uri = system().equals("Windows") ? URI.create("npipe://" + place.path())
                    : URI.create("unix://" + socket.get().toAbsolutePath());
            String product = place.path().startsWith("/var/run") && system().equals("macOS") ? productOf(uri) : place.product();
            byTarget.putIfAbsent(target(uri), new Found(product, new EngineEndpoint(product, uri, null, "socket"), socket.get().toString()));
        }
        DockerContexts contexts = new DockerContexts(resolver.dockerConfigDir());
        for (String name : contexts.names()) {
            if (name.startsWith("portolan-")) continue; // Portolan's own simulated hosts: listed as hosts, not as engines
            try {
                EngineEndpoint endpoint = contexts.read(name);
                byTarget.putIfAbsent(target(endpoint.host()), new Found(productOf(endpoint.host()), endpoint, "docker context " + name));
            } catch (EndpointException e) {
                // a broken context is the docker CLI's business; `docker context ls` shows it
            }
        }
        return List.copyOf(byTarget.values());
    }

    /** Asks each engine for its version, all at once, each within a few seconds; never on the FX thread. */
    public List<Checked> check(List<Found> engines) {
        return dev.portolan.app.Futures.inParallel(engines, EngineDiscovery::check);
    }

    private static Checked check(Found found) {
        try (var client = EngineClients.pinger(found.endpoint())) {
            var version = client.versionCmd().exec();
            return new Checked(found, true, "Docker " + version.getVersion() + " (API " + version.getApiVersion() + ")"
                    + (version.getOperatingSystem() == null ? "" : " on " + version.getOperatingSystem()));
        } catch (Exception e) {
            return new Checked(found, false, EngineErrors.isUnreachable(e) ? EngineErrors.unreachable(found.endpoint(), e)
                    : EngineErrors.action("Asking " + found.endpoint().address(), e));
        }
    }

    /** What to install when no engine answers, for this system. */
    public String installAdvice() {
        return switch (system()) {
            case "macOS" -> "Install Docker Desktop (docker.com/products/docker-desktop), or Colima "
                    + "(brew install colima docker, then colima start), or OrbStack; then open Portolan again.";
            case "Windows" -> "Install Docker Desktop (docker.com/products/docker-desktop) with the WSL 2 back end, "
                    + "or Rancher Desktop with its dockerd (moby) engine; then open Portolan again.";
            default -> "Install Docker's engine: sudo apt install docker.io on Debian or Ubuntu (your distribution's "
                    + "docker package elsewhere), then sudo usermod -aG docker $USER and log in again.";
        };
    }

    private List<Place> places() {
        return switch (system()) {
            case "macOS" -> MAC;
            case "Windows" -> WINDOWS;
            default -> LINUX;
        };
    }

    private Optional<Path> resolve(String path) {
        if (system().equals("Windows")) return Optional.of(Path.of(path.replace('/', '\\')));
        if (path.startsWith("$XDG_RUNTIME_DIR/")) {
            String runtime = env.get("XDG_RUNTIME_DIR");
            return runtime == null || runtime.isBlank() ? Optional.empty()
                    : Optional.of(Path.of(runtime, path.substring("$XDG_RUNTIME_DIR/".length())));
        }
        return Optional.of(path.startsWith("/") ? Path.of(path) : home.resolve(path));
    }

    /** Which product a socket belongs to, from where it really is (/var/run/docker.sock is a link on a Mac). */
    private String productOf(URI uri) {
        if (!"unix".equals(uri.getScheme())) return uri.getScheme().equals("npipe") ? "Docker Desktop" : "remote engine";
        String real = target(uri);
        for (Place place : places()) {
            if (place.path().startsWith("/")) continue;
            Optional<Path> path = resolve(place.path());
            if (path.isPresent() && real.equals(realPath(path.get()))) return place.product();
        }
        return LINUX.getFirst().path().equals(uri.getPath()) && system().equals("Linux") ? LINUX.getFirst().product() : "Docker engine";
    }

    /** The file behind a local address: a unix socket's path, or a Windows named pipe. */
    private static Path socketPath(URI uri) {
        return "npipe".equals(uri.getScheme()) ? Path.of(uri.getPath().replace('/', '\\')) : Path.of(uri.getPath());
    }

    /** Where an address really leads: the socket file behind any links, or the address itself. */
    private static String target(URI uri) {
        return "unix".equals(uri.getScheme()) ? realPath(Path.of(uri.getPath())) : uri.toString();
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize().toString();
        }
    }

    /** The list as text, a line each, the one in use marked: what `portolan engines` prints. */
    public static String describe(List<Checked> engines) {
        List<String> lines = new ArrayList<>();
        for (Checked c : engines) {
            lines.add(String.format("%-2s%-20s %-45s %s", c.found().foundBy().startsWith("in use") ? "*" : "",
                    c.found().product(), c.found().endpoint().address(),
                    (c.answers() ? "answers: " : "no answer: ") + c.detail()));
        }
        return String.join("\n", lines);
    }
}
