package io.cosmolite.server;

import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.server.http.HttpServer;
import io.cosmolite.server.route.Router;
import io.cosmolite.server.route.ServerContext;
import io.cosmolite.server.tls.ServerCertificate;
import io.cosmolite.server.wire.ErrorResponses;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.net.ssl.SSLContext;

/**
 * A running Cosmolite server: an engine (RocksDB in the data directory, or in memory) behind the
 * Cosmos REST gateway. Start one with {@link #start(ServerOptions)}; close it to stop serving and
 * close the engine.
 */
public final class CosmoliteServer implements AutoCloseable {
    private final ServerOptions options;
    private final CosmosEngine engine;
    private final ServerCertificate certificate;
    private final HttpServer http;

    private CosmoliteServer(ServerOptions options, CosmosEngine engine, ServerCertificate certificate, HttpServer http) {
        this.options = options;
        this.engine = engine;
        this.certificate = certificate;
        this.http = http;
    }

    /**
     * Starts loading, on a daemon thread, what every start spends most of its time on: the store's
     * native library, Netty, the JDK's TLS. A caller with its own work to do before {@link #start},
     * such as the command line parsing its arguments, calls this first, and the two overlap.
     */
    public static void preload() {
        Thread thread = new Thread(() -> {
            CosmosEngine.preload();
            HttpServer.preload();
            ServerCertificate.preload();
        }, "cosmolite-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Opens the engine and starts serving; throws when the port cannot be bound. The TLS identity is
     * read (or made) and its context built on a second thread meanwhile, and Netty binds the port
     * before it is ready (in a fresh JVM each of the three takes a good part of a start): a start then
     * takes about the longest of them, not their sum. A client that connects before the TLS context
     * is ready waits for it.
     */
    public static CosmoliteServer start(ServerOptions options) {
        EngineOptions engineOptions = (options.dataDir() == null ? EngineOptions.inMemory()
                : EngineOptions.durable(options.dataDir())).withDefaultPartitions(options.partitions());
        FutureTask<Tls> tls = new FutureTask<>(() -> options.tls() ? Tls.of(options.dataDir()) : null);
        new Thread(tls, "cosmolite-tls-setup").start();
        CosmosEngine engine;
        try {
            engine = CosmosEngine.open(engineOptions);
        } catch (RuntimeException e) {
            await(tls);
            throw e;
        }
        HttpServer http = null;
        try {
            ServerContext context = new ServerContext(engine, options, Clock.systemUTC(), () -> {
                Tls identity = await(tls);
                return identity == null ? null : identity.certificate().pem();
            });
            http = new HttpServer(options.host(), options.port(),
                    options.tls() ? () -> ServerCertificate.serverEngine(await(tls).context()) : null,
                    new Router(context), ErrorResponses::of);
            Tls identity = await(tls);
            if (identity != null) {
                identity.certificate().warmUp(identity.context());
            }
            return new CosmoliteServer(options, engine, identity == null ? null : identity.certificate(), http);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.close();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (Exception e) {
            // Netty rethrows a BindException undeclared: whatever failed, stop serving and release the store's lock.
            if (http != null) {
                http.close();
            }
            engine.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The certificate and the TLS context built from it. */
    private record Tls(ServerCertificate certificate, SSLContext context) {
        static Tls of(Path dataDir) {
            ServerCertificate certificate = ServerCertificate.loadOrCreate(dataDir);
            return new Tls(certificate, certificate.sslContext());
        }
    }

    /** The TLS setup's result, its failure rethrown as it was thrown. */
    private static Tls await(FutureTask<Tls> tls) {
        try {
            return tls.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The port the server listens on. */
    public int port() {
        return http.port();
    }

    /** The endpoint clients connect to, e.g. {@code https://localhost:8081/}. */
    public String endpoint() {
        String host = options.host().equals("0.0.0.0") || options.host().equals("127.0.0.1") ? "localhost"
                : options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return (options.tls() ? "https" : "http") + "://" + host + ":" + port() + "/";
    }

    /** The account key clients sign with. */
    public String masterKey() {
        return options.masterKey();
    }

    /** The certificate's PEM, or null without TLS. */
    public String certificatePem() {
        return certificate == null ? null : certificate.pem();
    }

    /** The engine behind the gateway. */
    public CosmosEngine engine() {
        return engine;
    }

    /** The options the server runs with. */
    public ServerOptions options() {
        return options;
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            engine.close();
        }
    }
}
