package io.cosmolite.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * The server's self-signed certificate and key. With a data directory they are generated once
 * ({@code tls/cert.pem}, {@code tls/key.pem}) and reused on every start, so a client that trusted the
 * certificate keeps trusting it; in memory they are generated per start. The certificate names
 * localhost, 127.0.0.1, ::1 and the machine's host name, and is valid for ten years.
 */
public final class ServerCertificate {
    private final X509Certificate certificate;
    private final PrivateKey key;
    private final String pem;

    ServerCertificate(X509Certificate certificate, PrivateKey key) {
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
            ServerCertificate created = SelfSignedCertificate.generate();
            Files.createDirectories(dir);
            writeAtomically(keyFile, pem("PRIVATE KEY", created.key.getEncoded()));
            writeAtomically(certFile, created.pem);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the TLS certificate in " + dataDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the TLS certificate", e);
        }
    }

    private static ServerCertificate inMemoryCertificate;

    /**
     * One certificate per JVM for in-memory servers: tests start many servers, and a key pair per
     * start would cost each of them the key generation.
     */
    private static synchronized ServerCertificate inMemory() throws GeneralSecurityException {
        if (inMemoryCertificate == null) {
            inMemoryCertificate = SelfSignedCertificate.generate();
        }
        return inMemoryCertificate;
    }

    /** Loads the JDK's TLS, certificate and EC key machinery, which a first start otherwise loads on its own thread. */
    public static void preload() {
        try {
            SSLContext.getInstance("TLS");
            CertificateFactory.getInstance("X.509");
            KeyFactory.getInstance("EC");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS", e);
        }
    }

    /** The certificate in PEM form (served at {@code /_explorer/emulator.pem}). */
    public String pem() {
        return pem;
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * A server TLS context with this identity. It is the JDK's own, not one of Netty's
     * {@code SslContext}s: building those runs a self-test whose PEM parsing loads BouncyCastle's
     * provider, half a second of every start. No trust managers: the server asks for no client
     * certificate, and leaving them out spares loading the JDK's CA store.
     */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new FixedKeyManager(key, certificate)}, new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS", e);
        }
    }

    /**
     * The server side of a new connection's TLS. The first one stops the {@link #warmUp} if it still
     * runs: the client's handshake loads the same code, and two at once would only share the CPU.
     */
    public static SSLEngine serverEngine(SSLContext context) {
        HandshakeWarmUp.clientArrived();
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }

    /**
     * Starts, once per JVM and on a daemon thread, an in-memory TLS handshake with this identity, so
     * that the first client does not wait for the JDK to load and initialize its TLS code.
     */
    public void warmUp(SSLContext context) {
        Thread thread = new Thread(() -> HandshakeWarmUp.once(context, certificate), "cosmolite-tls-warm-up");
        thread.setDaemon(true);
        thread.start();
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
