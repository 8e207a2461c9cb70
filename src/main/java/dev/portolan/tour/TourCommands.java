package dev.portolan.tour;

import dev.portolan.host.simulated.SimulatedHosts;
import dev.portolan.lab.LabSpec;
import dev.portolan.tour.TourSpec.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A step's action as a learner types it at a terminal: docker CLI words on the step's host
 * (its docker context, which Portolan registers for every simulated host), or the
 * `portolan` command where the docker CLI has none. The learner types it, then asks *Check*.
 */
final class TourCommands {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private TourCommands() {}

    static String of(Tour tour, TourNames names, Action a) {
        if (a == null) return "";
        LabSpec lab = tour.lab();
        String labFile = tour.spec().lab() != null ? tour.spec().lab() : tour.spec().compose() != null ? lab.name() + ".yaml"
                : tour.spec().template();
        if (Boolean.TRUE.equals(a.apply())) {
            var compose = tour.spec().compose();
            return compose == null ? "portolan apply " + labFile : "portolan import " + compose.file() + " --hosts "
                    + (compose.hosts() == null ? 1 : compose.hosts()) + " -o " + labFile + "\nportolan apply " + labFile;
        }
        if (a.run() != null) {
            List<String> words = new ArrayList<>(List.of("docker", "run", "-d", "--name", a.run().name()));
            if (a.run().network() != null) words.addAll(List.of("--network", a.run().network()));
            a.run().env().forEach((k, v) -> words.addAll(List.of("-e", k + "=" + v)));
            a.run().ports().forEach(p -> words.addAll(List.of("-p", p)));
            a.run().volumes().forEach(v -> words.addAll(List.of("-v", v)));
            if (a.run().restart() != null) words.addAll(List.of("--restart", a.run().restart()));
            words.add(a.run().image());
            words.addAll(a.run().command());
            return on(lab, names.host(a.run().host()), quoted(words));
        }
        if (a.start() != null) return container(lab, names, "docker start", a.start());
        if (a.stop() != null) return container(lab, names, "docker stop", a.stop());
        if (a.kill() != null) return container(lab, names, "docker kill", a.kill());
        if (a.remove() != null) return container(lab, names, "docker rm -f", a.remove());
        if (a.exec() != null) {
            var c = names.container(a.exec().container());
            List<String> words = new ArrayList<>(List.of("docker", "exec", c.name()));
            words.addAll(a.exec().command());
            return on(lab, c.host(), quoted(words));
        }
        if (a.build() != null) {
            return on(lab, names.host(a.build().host()), quoted(List.of("docker", "build", "-t", a.build().tag(), a.build().folder())));
        }
        if (a.connect() != null) {
            var c = names.container(a.connect().container());
            return on(lab, c.host(), quoted(List.of("docker", "network", "connect", a.connect().network(), c.name())));
        }
        if (a.disconnect() != null) {
            var c = names.container(a.disconnect().container());
            return on(lab, c.host(), quoted(List.of("docker", "network", "disconnect", a.disconnect().network(), c.name())));
        }
        if (a.fault() != null) return "portolan fault on " + labFile + " " + a.fault();
        if (Boolean.TRUE.equals(a.heal())) return "portolan fault heal --all";
        if (a.probe() != null) {
            return quoted(List.of("portolan", "probe", names.container(a.probe().from()).path(), a.probe().to()));
        }
        if (a.layers() != null) {
            var image = names.thing(a.layers(), "image");
            return on(lab, image.host(), quoted(List.of("docker", "history", image.name())));
        }
        return on(lab, names.host(a.shell().host()), a.shell().command().strip());
    }

    private static String container(LabSpec lab, TourNames names, String command, String reference) {
        var c = names.container(reference);
        return on(lab, c.host(), command + " " + quoted(List.of(c.name())));
    }

    /** The command on a host: its docker context first, so every docker word after it goes there. */
    private static String on(LabSpec lab, String host, String command) {
        String labHost = host.substring(host.indexOf('/') + 1);
        return "export DOCKER_CONTEXT=" + SimulatedHosts.containerName(lab.name(), labHost) + "\n" + command;
    }

    static String quoted(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(PLAIN.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'");
        return String.join(" ", out);
    }
}
