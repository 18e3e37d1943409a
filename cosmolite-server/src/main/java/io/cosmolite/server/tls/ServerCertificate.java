package io.cosmolite.server.tls;

import io.cosmolite.engine.storage.UserCache;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

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
        if (dataDir == null) {
            return inMemory();
        }
        try {
            return readOrMake(dataDir.resolve("tls"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the TLS certificate in " + dataDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the TLS certificate", e);
        }
    }

    private static ServerCertificate inMemoryCertificate;

    /**
     * One certificate for the in-memory servers of a JVM (tests start many), kept in the user's cache
     * ({@code UserCache}, {@code tls/}) so that the first server of each new JVM reads it, about a tenth
     * of a second, instead of making a key pair and certificate, a quarter of a second more. It is made
     * the first time, and made in memory only when the cache cannot be used.
     */
    private static synchronized ServerCertificate inMemory() {
        if (inMemoryCertificate == null) {
            try {
                inMemoryCertificate = readOrMake(UserCache.directory().resolve("tls"));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                inMemoryCertificate = generate();
            }
        }
        return inMemoryCertificate;
    }

    private static ServerCertificate generate() {
        try {
            return SelfSignedCertificate.generate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the TLS certificate", e);
        }
    }

    /**
     * The certificate and key in {@code dir} ({@code cert.pem}, {@code key.pem}), made and written there
     * if missing. The pair is written into a new directory that is then renamed to {@code dir}: a
     * process killed halfway, or several starting at once, never leave a key that is not the
     * certificate's (a second writer finds the directory taken and reads the first one's pair).
     */
    private static ServerCertificate readOrMake(Path dir) throws IOException, GeneralSecurityException {
        Path certFile = dir.resolve("cert.pem");
        Path keyFile = dir.resolve("key.pem");
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            return read(certFile, keyFile);
        }
        ServerCertificate created = SelfSignedCertificate.generate();
        Files.createDirectories(dir.getParent());
        if (Files.isDirectory(dir) && !(Files.exists(certFile) && Files.exists(keyFile))) {
            // Half a pair, which an older version killed between its two writes could leave: make a new one.
            for (String leftover : new String[] {"cert.pem", "key.pem", "cert.pem.tmp", "key.pem.tmp"}) {
                Files.deleteIfExists(dir.resolve(leftover));
            }
            Files.deleteIfExists(dir);
        }
        // A temporary directory is readable by its owner only, which suits a private key.
        Path staging = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".new");
        try {
            Files.writeString(staging.resolve("key.pem"), pem("PRIVATE KEY", created.key.getEncoded()));
            Files.writeString(staging.resolve("cert.pem"), created.pem);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            return created;
        } catch (IOException e) {
            if (Files.exists(certFile) && Files.exists(keyFile)) {
                return read(certFile, keyFile);
            }
            throw e;
        } finally {
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(staging);
            } catch (NoSuchFileException e) {
                // Renamed into place.
            }
        }
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

    /**
     * A client TLS context that trusts the certificate in {@code pem} and nothing else: what a client of
     * a Cosmolite server (the warm-up command, tests) uses instead of the JVM's trust store.
     */
    public static SSLContext trustingOnly(String pem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("cosmolite", CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("not a usable certificate: " + e.getMessage(), e);
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

    /** The pair in the two files; an {@link IllegalStateException} naming them when either is damaged. */
    private static ServerCertificate read(Path certFile, Path keyFile) throws IOException {
        try {
            X509Certificate cert;
            try (InputStream in = Files.newInputStream(certFile)) {
                cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            byte[] der = Base64.getMimeDecoder().decode(Files.readString(keyFile)
                    .replaceAll("-----[A-Z ]+-----", "").trim());
            String algorithm = cert.getPublicKey().getAlgorithm();
            PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new ServerCertificate(cert, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the TLS certificate or key in " + certFile.getParent()
                    + " is damaged (" + e.getMessage() + "): delete that directory to have a new pair made", e);
        }
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
}
