package io.cosmolite.server.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
 * The server's self-signed certificate and key. With a data directory they are generated once
 * ({@code tls/cert.pem}, {@code tls/key.pem}) and reused on every start, so a client that trusted the
 * certificate keeps trusting it; in memory they are generated per start. The certificate names
 * localhost, 127.0.0.1, ::1 and the machine's host name, and is valid for ten years.
 */
public final class ServerCertificate {
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final String pem;

    private ServerCertificate(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
        this.pem = pem("CERTIFICATE", encoded(certificate));
    }

    /** Loads the certificate kept in {@code dataDir}, creating it the first time; null dir = in memory. */
    public static ServerCertificate loadOrCreate(Path dataDir) {
        try {
            if (dataDir == null) {
                return inMemory();
            }
            Path dir = dataDir.resolve("tls");
            Path certFile = dir.resolve("cert.pem");
            Path keyFile = dir.resolve("key.pem");
            if (Files.exists(certFile) && Files.exists(keyFile)) {
                return read(certFile, keyFile);
            }
            ServerCertificate created = generate();
            Files.createDirectories(dir);
            writeAtomically(keyFile, pem("PRIVATE KEY", created.key.getEncoded()));
            writeAtomically(certFile, created.pem);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the TLS certificate in " + dataDir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the TLS certificate", e);
        }
    }

    private static ServerCertificate inMemoryCertificate;

    /**
     * One certificate per JVM for in-memory servers: tests start many servers, and a key pair per
     * start would cost each of them the key generation.
     */
    private static synchronized ServerCertificate inMemory() throws GeneralSecurityException, OperatorCreationException {
        if (inMemoryCertificate == null) {
            inMemoryCertificate = generate();
        }
        return inMemoryCertificate;
    }

    /** The certificate in PEM form (served at {@code /_explorer/emulator.pem}). */
    public String pem() {
        return pem;
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A Netty server TLS context with this identity. */
    public SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(key, certificate).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerCertificate generate() throws GeneralSecurityException, OperatorCreationException {
        // EC P-256: generated in milliseconds where RSA-2048 takes a noticeable part of a start.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"), new SecureRandom());
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        return new ServerCertificate(cert, pair.getPrivate());
    }

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

    private static ServerCertificate read(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(certFile));
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(keyFile)
                .replaceAll("-----[A-Z ]+-----", "").trim());
        String algorithm = cert.getPublicKey().getAlgorithm();
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        return new ServerCertificate(cert, key);
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        StringWriter w = new StringWriter();
        w.write("-----BEGIN " + type + "-----\n");
        w.write(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der));
        w.write("\n-----END " + type + "-----\n");
        return w.toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
