package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import dev.portolan.ui.diagram.Layout.Band;
import dev.portolan.ui.diagram.Layout.Card;
import dev.portolan.ui.diagram.Layout.HostBox;
import dev.portolan.ui.diagram.Layout.VolumeBox;

/** What the diagram's tooltip says about the thing under the pointer, and what can be done with it. */
final class DiagramTooltips {

    private DiagramTooltips() {}

    static String of(Object hit) {
        return switch (hit) {
            case Card c -> {
                ContainerInfo x = c.container();
                yield x.name() + "\n" + dev.portolan.ui.inventory.StateText.of(x) + "\nimage " + x.image()
                        + (x.ports().isEmpty() ? "" : "\nports " + String.join(", ", x.ports().stream().map(ContainerInfo.PortMapping::text).toList()))
                        + "\nnetworks " + String.join(", ", x.networks().stream().map(ContainerInfo.NetworkAttachment::network).toList())
                        + (x.mounts().isEmpty() ? "" : "\nmounts " + String.join(", ", x.mounts().stream()
                                .map(m -> (m.name() != null ? m.name() : m.source()) + " → " + m.destination()).toList()))
                        + "\nDrag onto another network to connect it, out of its band to disconnect it.";
            }
            case VolumeBox v -> "volume " + v.volume().name() + " · " + v.volume().driver() + "\n"
                    + (v.users() == 0 ? "no container mounts it" : "mounted by " + v.users() + (v.users() == 1 ? " container" : " containers"));
            case Band b -> b.network() == null ? "containers on no network" : "network " + b.name() + " · " + b.network().driver()
                    + " · " + b.network().scope() + (b.network().subnet() == null ? "" : " · " + b.network().subnet())
                    + "\nDouble-click to collapse or open it.";
            case HostBox h -> "host " + h.host() + " · " + h.status() + "\nDrag its title to move it; double-click to collapse it.";
            case null, default -> null;
        };
    }
}
