package dev.portolan.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.portolan.host.tls.CertificateAuthority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every client of one folder of certificates shares one TLS context, until the folder's files change. */
class TlsContextsTest {

    @TempDir
    Path home;

    @BeforeEach
    void forget() {
        TlsContexts.clear();
    }

    @Test
    void clientsOfOneFolderShareOneContextAndAnotherFolderHasItsOwn() throws Exception {
        var ca = CertificateAuthority.loadOrCreate(home.resolve("ca"), "lab");
        ca.issueClient(home.resolve("a"), "portolan");
        ca.issueClient(home.resolve("b"), "portolan");

        SSLContext first = TlsContexts.of(home.resolve("a")).getSSLContext();
        assertSame(first, TlsContexts.of(home.resolve("a")).getSSLContext(), "a second client of the folder");
        assertSame(first, TlsContexts.of(home.resolve("x/../a")).getSSLContext(), "the same folder written otherwise");
        assertNotSame(first, TlsContexts.of(home.resolve("b")).getSSLContext());
        assertEquals(2, TlsContexts.size());
    }

    @Test
    void certificatesMadeAgainGetANewContext() throws Exception {
        var ca = CertificateAuthority.loadOrCreate(home.resolve("ca"), "lab");
        Path folder = home.resolve("client");
        ca.issueClient(folder, "portolan");
        SSLContext before = TlsContexts.of(folder).getSSLContext();

        ca.issueClient(folder, "portolan");
        Files.setLastModifiedTime(folder.resolve("cert.pem"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertNotSame(before, TlsContexts.of(folder).getSSLContext(), "new files, new context");
    }

    @Test
    void aFolderWithoutCertificatesIsNotKept() throws Exception {
        assertNull(TlsContexts.of(home.resolve("nothing-here")).getSSLContext(), "docker-java's answer: no context");
        assertEquals(0, TlsContexts.size());
    }
}
