package io.cosmolite.server.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a new self-signed certificate. The only class that touches BouncyCastle, so that a start
 * that reads the certificate from the data directory loads none of it.
 */
final class SelfSignedCertificate {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** A new EC P-256 key and a certificate for it naming this machine, valid for ten years. */
    static ServerCertificate generate() throws GeneralSecurityException {
        // EC P-256: generated in milliseconds where RSA-2048 takes a noticeable part of a start.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=localhost, O=Cosmolite");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names()));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new ServerCertificate(cert, pair.getPrivate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    /** localhost, the host name, 127.0.0.1 and ::1. */
    private static GeneralName[] names() {
        Set<String> dns = new LinkedHashSet<>(List.of("localhost"));
        try {
            dns.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // No resolvable host name: localhost and the loopback addresses still work.
        }
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        return names.toArray(GeneralName[]::new);
    }
}
