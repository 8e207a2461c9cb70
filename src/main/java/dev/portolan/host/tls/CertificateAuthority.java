package dev.portolan.host.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A lab's certificate authority (ECDSA P-256, BouncyCastle), and the server and client
 * certificates it signs for the lab's hosts. Files: ca.pem and ca-key.pem in the CA's
 * folder; keys are written 0600 in folders that only the user can read.
 */
public final class CertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(825);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private CertificateAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** Loads the CA kept in {@code dir}, or makes one and keeps it there. */
    public static CertificateAuthority loadOrCreate(Path dir, String labName) {
        try {
            Path cert = dir.resolve("ca.pem");
            Path key = dir.resolve("ca-key.pem");
            if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
                X509Certificate certificate = Pem.readCertificate(cert);
                return new CertificateAuthority(new KeyPair(certificate.getPublicKey(), Pem.readPrivateKey(key)), certificate);
            }
            KeyPair keys = newKeyPair();
            X500Name name = new X500Name("CN=Portolan lab " + labName + " CA,O=Portolan");
            X509v3CertificateBuilder builder = builder(name, name, keys, VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys);
            Pem.privateDirectory(dir);
            Pem.writePrivate(key, keys.getPrivate());
            Pem.writePublic(cert, certificate);
            return new CertificateAuthority(keys, certificate);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the lab's CA in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the lab's CA", e);
        }
    }

    /** Writes ca.pem, cert.pem and key.pem of a server certificate for {@code names} (DNS names or IPs). */
    public void issueServer(Path dir, String commonName, List<String> names) {
        issue(dir, commonName, names, KeyPurposeId.id_kp_serverAuth);
    }

    /** Writes ca.pem, cert.pem and key.pem of a client certificate: what the docker CLI reads. */
    public void issueClient(Path dir, String commonName) {
        issue(dir, commonName, List.of(), KeyPurposeId.id_kp_clientAuth);
    }

    private void issue(Path dir, String commonName, List<String> names, KeyPurposeId purpose) {
        try {
            KeyPair pair = newKeyPair();
            // the issuer must match the CA's subject byte for byte, so take its encoding as is
            X500Name issuer = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + commonName + ",O=Portolan"),
                    pair, VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            if (!names.isEmpty()) {
                List<GeneralName> alternatives = new ArrayList<>();
                for (String n : names) {
                    alternatives.add(n.matches("[0-9.]+|[0-9a-fA-F:]+:[0-9a-fA-F:]*")
                            ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
                }
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
            X509Certificate issued = sign(builder, keys);
            Pem.privateDirectory(dir);
            Pem.writePublic(dir.resolve("ca.pem"), certificate);
            Pem.writePublic(dir.resolve("cert.pem"), issued);
            Pem.writePrivate(dir.resolve("key.pem"), pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificates to " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKeys,
            Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }
}
