package dev.portolan.host.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** When a PEM certificate on disk stops being valid. */
public final class CertificateDates {

    private CertificateDates() {}

    /** The end of validity of the certificate in {@code pem}; empty when there is none or it cannot be read. */
    public static Optional<Instant> notAfter(Path pem) {
        if (pem == null || !Files.isRegularFile(pem)) return Optional.empty();
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return Optional.of(cert.getNotAfter().toInstant());
        } catch (IOException | CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
