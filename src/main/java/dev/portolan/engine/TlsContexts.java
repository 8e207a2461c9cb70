package dev.portolan.engine;

import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.core.util.CertificateUtils;
import com.github.dockerjava.transport.SSLConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * One TLS context per folder of client certificates, shared by every client of that engine:
 * docker-java builds a context per client (reading and parsing the PEM files, a key store, a
 * trust store), and a connection to an engine makes three clients, an apply another, a wait for
 * a starting host one more, all on the CPU a starting engine needs. A shared context also
 * shares its TLS session cache, so a later connection may resume a session instead of a full
 * handshake. A folder whose files change (certificates made again) gets a new context.
 *
 * <p>A context is made as docker-java's {@code LocalDirectorySSLConfig} makes it (its PEM
 * readers, the same key store, protocol and password), with the BouncyCastle provider those
 * readers need registered once: that one constructs a new provider at every call, 15-25 ms of
 * CPU each time.
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
        SSLContext made = load(folder);
        if (made == null) return null; // docker-java's answer for a folder without the three files: nothing to keep
        synchronized (CONTEXTS) {
            SSLContext raced = CONTEXTS.putIfAbsent(key, made);
            return raced != null ? raced : made;
        }
    }

    /** The folder's context, or null when it lacks the three files (docker-java's answer then: no TLS). */
    private static SSLContext load(Path folder) {
        if (!CertificateUtils.verifyCertificatesExist(folder.toString())) return null;
        BouncyCastle.registered();
        try {
            String ca = Files.readString(folder.resolve("ca.pem"));
            String cert = Files.readString(folder.resolve("cert.pem"));
            String key = Files.readString(folder.resolve("key.pem"));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(CertificateUtils.createKeyStore(key, cert), "docker".toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(CertificateUtils.createTrustStore(ca));
            SSLContext context = SSLContext.getInstance(System.getProperty("ssl.protocol", "TLSv1.2"));
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new DockerClientException(e.getMessage(), e);
        }
    }

    /** docker-java's PEM readers ask for the provider by name; registered on first use, once. */
    private static final class BouncyCastle {
        static {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) Security.addProvider(new BouncyCastleProvider());
        }

        static void registered() {}
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
