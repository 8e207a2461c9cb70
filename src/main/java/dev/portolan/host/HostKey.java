package dev.portolan.host;

import java.util.Optional;

/**
 * Which host: the one place that makes a host's key and reads it back. Its {@link #id()}
 * is what maps and files keep ("local", "endpoint:prod", "machine:vm1", "demo/node1");
 * its {@link #displayName()} is what people read.
 */
public record HostKey(Kind kind, String lab, String name) {

    /** Where a host comes from. */
    public enum Kind {
        LOCAL, ENDPOINT, MACHINE, SIMULATED
    }

    public HostKey {
        if (kind == null || name == null || name.isBlank()) throw new IllegalArgumentException("a host key needs a kind and a name");
        if ((kind == Kind.SIMULATED) != (lab != null)) throw new IllegalArgumentException("only a simulated host has a lab");
    }

    public static HostKey local() {
        return new HostKey(Kind.LOCAL, null, "local");
    }

    public static HostKey endpoint(String name) {
        return new HostKey(Kind.ENDPOINT, null, name);
    }

    public static HostKey machine(String name) {
        return new HostKey(Kind.MACHINE, null, name);
    }

    public static HostKey simulated(String lab, String name) {
        return new HostKey(Kind.SIMULATED, lab, name);
    }

    /** Reads what {@link #id()} wrote. */
    public static HostKey parse(String id) {
        if (id.equals("local")) return local();
        if (id.startsWith("endpoint:")) return endpoint(id.substring("endpoint:".length()));
        if (id.startsWith("machine:")) return machine(id.substring("machine:".length()));
        int slash = id.indexOf('/');
        if (slash > 0 && slash < id.length() - 1) return simulated(id.substring(0, slash), id.substring(slash + 1));
        throw new IllegalArgumentException("not a host key: " + id);
    }

    public String id() {
        return switch (kind) {
            case LOCAL -> "local";
            case ENDPOINT -> "endpoint:" + name;
            case MACHINE -> "machine:" + name;
            case SIMULATED -> lab + "/" + name;
        };
    }

    /** "local", "prod", "vm1", "demo/node1": a simulated host is named with its lab. */
    public String displayName() {
        return kind == Kind.SIMULATED ? lab + "/" + name : name;
    }

    public Optional<String> labName() {
        return Optional.ofNullable(lab);
    }

    @Override
    public String toString() {
        return id();
    }
}
