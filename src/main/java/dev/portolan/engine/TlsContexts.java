package dev.portolan.engine;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * One TLS context per folder of client certificates, shared by every client of that engine:
 * docker-java builds a context per client (reading and parsing the PEM files, a key store, a
 * trust store), and a connection to an engine makes three clients, an apply another, a wait for
 * a starting host one more, all on the CPU a starting engine needs. A shared context also
 * shares its TLS session cache, so a later connection may resume a session instead of a full
 * handshake. A folder whose files change (certificates made again) gets a new context.
 */
public final class TlsContexts {

    private static final List<String> FILES = List.of("ca.pem", "cert.pem", "key.pem");
    /** Enough for every host of a few labs; the eldest goes first. */
    private static final int KEPT = 64;
    private static final Map<Key, SSLContext> CONTEXTS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SSLContext> eldest) {
            return size() > KEPT;
        }
    };

    private TlsContexts() {}

    /** The folder's files as they are now: a context made from older ones is not used. */
    private record Key(Path folder, List<Long> modified) {}

    /** docker-java's TLS configuration for a folder of ca.pem, cert.pem and key.pem, its context shared. */
    public static SSLConfig of(Path folder) {
        return () -> context(folder.toAbsolutePath().normalize());
    }

    private static SSLContext context(Path folder) {
        Key key = new Key(folder, FILES.stream().map(name -> modified(folder.resolve(name))).toList());
        synchronized (CONTEXTS) {
            SSLContext known = CONTEXTS.get(key);
            if (known != null) return known;
        }
        // made outside the lock: two threads may both make one for a new folder; either will do
        SSLContext made = new LocalDirectorySSLConfig(folder.toString()).getSSLContext();
        if (made == null) return null; // docker-java's answer for a folder without the three files: nothing to keep
        synchronized (CONTEXTS) {
            SSLContext raced = CONTEXTS.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException missing) {
            return -1; // docker-java says which file is missing when it reads the folder
        }
    }

    /** For tests: forgets every context. */
    static void clear() {
        synchronized (CONTEXTS) {
            CONTEXTS.clear();
        }
    }

    static int size() {
        synchronized (CONTEXTS) {
            return CONTEXTS.size();
        }
    }
}
