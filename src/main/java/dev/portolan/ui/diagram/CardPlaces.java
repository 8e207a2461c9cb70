package dev.portolan.ui.diagram;

import dev.portolan.inventory.ContainerInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Where a container's card goes: which network's band, which other networks it names, in what order of names. */
final class CardPlaces {

    private CardPlaces() {}

    /** Names with numbers in their natural order: web-2 before web-10. */
    static final Comparator<String> NATURAL = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                // by hand, making nothing: a band's sort of a thousand names compares ten thousand pairs
                while (si < i - 1 && a.charAt(si) == '0') si++;
                while (sj < j - 1 && b.charAt(sj) == '0') sj++;
                if (i - si != j - sj) return Integer.compare(i - si, j - sj);
                for (int k = 0; k < i - si; k++) {
                    if (a.charAt(si + k) != b.charAt(sj + k)) return Character.compare(a.charAt(si + k), b.charAt(sj + k));
                }
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /** The network a container's card sits on: its first user network by name, else the first one it has. */
    static String primary(ContainerInfo c) {
        String best = "";
        for (ContainerInfo.NetworkAttachment a : c.networks()) {
            String n = a.network();
            if (best.isEmpty() || (isPredefined(best) && !isPredefined(n))
                    || (isPredefined(best) == isPredefined(n) && n.compareTo(best) < 0)) {
                best = n;
            }
        }
        return best;
    }

    static List<String> otherNetworks(ContainerInfo c, String band) {
        if (c.networks().size() <= 1) return List.of();
        List<String> others = new ArrayList<>(c.networks().size() - 1);
        for (ContainerInfo.NetworkAttachment a : c.networks()) if (!a.network().equals(band)) others.add(a.network());
        others.sort(null);
        return others;
    }

    static boolean isPredefined(String network) {
        return network.equals("bridge") || network.equals("host") || network.equals("none");
    }

}
