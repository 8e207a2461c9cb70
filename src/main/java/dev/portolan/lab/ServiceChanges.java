package dev.portolan.lab;

import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.UpdateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What differs between a running service and the lab file's, in the words plan prints:
 * "image busybox:1.36 → app:2, replicas 3 → 6". Only what the lab file can say is compared.
 */
final class ServiceChanges {

    private ServiceChanges() {}

    /** @param withUpdate compare the update settings too (the lab file gives some; else the engine's own stand) */
    static List<String> between(ServiceSpec running, ServiceSpec wanted, Map<String, String> networkNames, boolean withUpdate) {
        List<String> changes = new ArrayList<>();
        compare(changes, "image", image(running), image(wanted));
        compare(changes, "replicas", replicas(running), replicas(wanted));
        compare(changes, "command", command(running), command(wanted));
        compare(changes, "ports", ports(running), ports(wanted));
        compare(changes, "endpoint mode", endpointMode(running), endpointMode(wanted));
        compare(changes, "networks", networks(running, networkNames), networks(wanted, networkNames));
        compare(changes, "constraints", constraints(running), constraints(wanted));
        if (withUpdate) compare(changes, "update settings", update(running.getUpdateConfig()), update(wanted.getUpdateConfig()));
        return changes;
    }

    private static void compare(List<String> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) changes.add(what + " " + (before.isEmpty() ? "none" : before) + " → " + (after.isEmpty() ? "none" : after));
    }

    private static String image(ServiceSpec s) {
        String image = Optional.ofNullable(s.getTaskTemplate()).map(t -> t.getContainerSpec()).map(c -> c.getImage()).orElse("");
        return image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    }

    private static String replicas(ServiceSpec s) {
        return s.getMode() == null || s.getMode().getReplicated() == null ? "global" : String.valueOf(s.getMode().getReplicated().getReplicas());
    }

    private static String command(ServiceSpec s) {
        return String.join(" ", Optional.ofNullable(s.getTaskTemplate()).map(t -> t.getContainerSpec())
                .map(c -> c.getCommand()).orElse(List.of()));
    }

    private static String ports(ServiceSpec s) {
        var ports = s.getEndpointSpec() == null || s.getEndpointSpec().getPorts() == null ? List.<com.github.dockerjava.api.model.PortConfig>of()
                : s.getEndpointSpec().getPorts();
        return String.join(",", ports.stream().map(p -> p.getPublishedPort() + ":" + p.getTargetPort()).sorted().toList());
    }

    private static String endpointMode(ServiceSpec s) {
        return s.getEndpointSpec() == null || s.getEndpointSpec().getMode() == null ? "vip"
                : s.getEndpointSpec().getMode().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String networks(ServiceSpec s, Map<String, String> names) {
        var attached = s.getTaskTemplate() != null && s.getTaskTemplate().getNetworks() != null && !s.getTaskTemplate().getNetworks().isEmpty()
                ? s.getTaskTemplate().getNetworks() : Optional.ofNullable(s.getNetworks()).orElse(List.of());
        return String.join(",", attached.stream().map(a -> names.getOrDefault(a.getTarget(), a.getTarget())).sorted().toList());
    }

    private static String constraints(ServiceSpec s) {
        return String.join(",", Optional.ofNullable(s.getTaskTemplate()).map(t -> t.getPlacement()).map(p -> p.getConstraints())
                .orElse(List.of()).stream().sorted().toList());
    }

    private static String update(UpdateConfig u) {
        if (u == null) return "";
        return "parallelism " + u.getParallelism() + ", failure action " + String.valueOf(u.getFailureAction()).toLowerCase(java.util.Locale.ROOT)
                + ", delay " + java.time.Duration.ofNanos(u.getDelay() == null ? 0 : u.getDelay()).toSeconds() + " s, monitor "
                + java.time.Duration.ofNanos(u.getMonitor() == null ? 0 : u.getMonitor()).toSeconds() + " s";
    }
}
