package dev.portolan.tour;

import dev.portolan.engine.InvalidInputException;
import dev.portolan.lab.LabSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tour's names as the engine knows them. A tour speaks the lab's language (node1,
 * node1/web, web); `portolan hosts` names that host LAB/node1. A container alone is found
 * where the lab (or a run step of the tour) places it; the same name on two hosts must say
 * which.
 */
public final class TourNames {

    /** A thing on a host: the host as `portolan hosts` names it (demo/node1), and the thing's own name there. */
    public record OnHost(String host, String labHost, String name) {
        /** demo/node1/web: how faults and probes name a container. */
        public String path() {
            return host + "/" + name;
        }
    }

    private final LabSpec lab;
    private final List<TourSpec.Run> runs;

    public TourNames(LabSpec lab, List<TourSpec.Step> steps) {
        this.lab = lab;
        this.runs = steps.stream().map(TourSpec.Step::action).filter(a -> a != null && a.run() != null).map(TourSpec.Action::run).toList();
    }

    public LabSpec lab() {
        return lab;
    }

    /** A lab host (node1) as `portolan hosts` names it (demo/node1); null means the lab's only host. */
    public String host(String labHost) {
        if (labHost == null || labHost.isBlank()) {
            if (lab.hosts().size() == 1) return lab.name() + "/" + lab.hosts().getFirst().name();
            throw new InvalidInputException("name the host: the lab has " + String.join(", ", hostNames()));
        }
        if (!hostNames().contains(labHost)) {
            throw new InvalidInputException(labHost + " is not a host of the lab " + lab.name() + " (its hosts: "
                    + String.join(", ", hostNames()) + ")");
        }
        return lab.name() + "/" + labHost;
    }

    /** A container: NAME where the lab or a run step places it, or HOST/NAME. */
    public OnHost container(String reference) {
        String text = reference == null ? "" : reference.strip();
        if (text.isEmpty()) throw new InvalidInputException("name a container, such as web or node1/web");
        int slash = text.indexOf('/');
        if (slash > 0) return on(text.substring(0, slash), text.substring(slash + 1));
        Set<String> hosts = new LinkedHashSet<>();
        for (LabSpec.Container c : lab.containers()) {
            boolean named = c.name().equals(text) || c.replicas() > 1 && text.matches(Pattern.quote(c.name()) + "-\\d+");
            if (named) hosts.add(c.host() == null ? onlyHost() : c.host());
        }
        for (TourSpec.Run r : runs) if (text.equals(r.name())) hosts.add(r.host() == null ? onlyHost() : r.host());
        if (hosts.isEmpty() && lab.hosts().size() == 1) hosts.add(onlyHost());
        if (hosts.size() == 1) return on(hosts.iterator().next(), text);
        if (hosts.isEmpty()) {
            throw new InvalidInputException("no container " + text + " in the lab or made by the tour; name it as HOST/NAME, "
                    + "the hosts being " + String.join(", ", hostNames()));
        }
        throw new InvalidInputException(text + " is on " + String.join(" and ", hosts) + ": say which, as HOST/" + text);
    }

    /**
     * A volume or an image: HOST/NAME when the first part is a host of the lab, else NAME on
     * the lab's only host (an image's own slash, as in portolan/app, is part of its name).
     */
    public OnHost thing(String reference, String kind) {
        String text = reference == null ? "" : reference.strip();
        if (text.isEmpty()) throw new InvalidInputException("name the " + kind + ", such as node1/NAME");
        int slash = text.indexOf('/');
        if (slash > 0 && hostNames().contains(text.substring(0, slash))) return on(text.substring(0, slash), text.substring(slash + 1));
        if (lab.hosts().size() == 1) return on(onlyHost(), text);
        if (kind.equals("volume")) {
            List<String> hosts = lab.volumes().stream().filter(v -> v.name().equals(text) && v.host() != null)
                    .map(LabSpec.Volume::host).distinct().toList();
            if (hosts.size() == 1) return on(hosts.getFirst(), text);
        }
        throw new InvalidInputException("say on which host the " + kind + " " + text + " is, as HOST/" + text + " (hosts: "
                + String.join(", ", hostNames()) + ")");
    }

    private OnHost on(String labHost, String name) {
        if (name.isBlank()) throw new InvalidInputException("'" + labHost + "/' names no container");
        return new OnHost(host(labHost), labHost, name);
    }

    private String onlyHost() {
        return lab.hosts().size() == 1 ? lab.hosts().getFirst().name() : null;
    }

    private List<String> hostNames() {
        List<String> names = new ArrayList<>();
        for (LabSpec.Host h : lab.hosts()) names.add(h.name());
        return names;
    }
}
