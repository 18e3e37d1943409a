package io.cosmolite.server.tls;

import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * One TLS handshake between two in-memory engines, once per JVM, so that the JDK's TLS and key
 * exchange code is loaded and initialized before the first client connects: in a fresh JVM the
 * first real handshake otherwise costs that client several hundred milliseconds. Run off the start
 * path (see {@code CosmoliteServer}), it overlaps with opening the store.
 */
final class HandshakeWarmUp {
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** Set by the first real client's handshake: from then on the warm-up only competes with clients for the CPU. */
    private static volatile boolean clientArrived;

    private HandshakeWarmUp() {
    }

    /**
     * Shakes hands once with {@code server}'s identity; later calls return at once. Failures are ignored.
     * Stops early once a real client shakes hands ({@link #clientArrived}): it loads the same code.
     */
    static void once(SSLContext server, X509Certificate certificate) {
        if (DONE.compareAndSet(false, true)) {
            try {
                handshake(server, certificate, () -> !clientArrived);
            } catch (Exception e) {
                // Only a speed-up: a failure here leaves the first real handshake as slow as it was.
            }
        }
    }

    /** A real client is shaking hands: a warm-up still running stops. */
    static void clientArrived() {
        clientArrived = true;
    }

    /** Runs one handshake between a client trusting {@code certificate} and {@code server}; whether it completed. */
    static boolean handshake(SSLContext server, X509Certificate certificate) throws Exception {
        return handshake(server, certificate, () -> true);
    }

    private static boolean handshake(SSLContext server, X509Certificate certificate, BooleanSupplier goOn)
            throws Exception {
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, new TrustManager[] {new OnlyThisCertificate(certificate)}, null);
        SSLEngine client = clientContext.createSSLEngine("localhost", 443);
        client.setUseClientMode(true);
        SSLEngine serverEngine = server.createSSLEngine();
        serverEngine.setUseClientMode(false);
        return shakeHands(client, serverEngine, goOn);
    }

    private static boolean shakeHands(SSLEngine client, SSLEngine server, BooleanSupplier goOn) throws SSLException {
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(size);
        ByteBuffer toClient = ByteBuffer.allocate(size);
        ByteBuffer app = ByteBuffer.allocate(client.getSession().getApplicationBufferSize() + 64);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        // A TLS 1.3 handshake takes a few flights; the bound only guards against a loop that makes no progress.
        for (int step = 0; step < 64 && !(finished(client) && finished(server)) && goOn.getAsBoolean(); step++) {
            step(client, empty, toServer, toClient, app);
            step(server, empty, toClient, toServer, app);
        }
        return finished(client) && finished(server);
    }

    /** Lets one engine send what it has into {@code out} and read what the peer sent into {@code in}. */
    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer app)
            throws SSLException {
        runTasks(engine);
        if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            engine.wrap(empty, out);
        }
        in.flip();
        while (in.hasRemaining() && engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            app.clear();
            if (engine.unwrap(in, app).bytesConsumed() == 0) {
                break;
            }
            runTasks(engine);
        }
        in.compact();
    }

    private static void runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private static boolean finished(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    /** Trusts the server's own certificate and nothing else. */
    private record OnlyThisCertificate(X509Certificate certificate) implements X509TrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain.length == 0 || !chain[0].equals(certificate)) {
                throw new CertificateException("not this server's certificate");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
