package io.cosmolite.server;

import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.EngineOptions;
import io.cosmolite.server.http.HttpServer;
import io.cosmolite.server.route.Router;
import io.cosmolite.server.route.ServerContext;
import io.cosmolite.server.tls.ServerCertificate;
import io.cosmolite.server.wire.ErrorResponses;
import java.time.Clock;

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

    /** Opens the engine and starts serving; throws when the port cannot be bound. */
    public static CosmoliteServer start(ServerOptions options) {
        EngineOptions engineOptions = (options.dataDir() == null ? EngineOptions.inMemory()
                : EngineOptions.durable(options.dataDir())).withDefaultPartitions(options.partitions());
        CosmosEngine engine = CosmosEngine.open(engineOptions);
        try {
            ServerCertificate certificate = options.tls() ? ServerCertificate.loadOrCreate(options.dataDir()) : null;
            ServerContext context = new ServerContext(engine, options, Clock.systemUTC(),
                    certificate == null ? null : certificate.pem());
            HttpServer http = new HttpServer(options.host(), options.port(),
                    certificate == null ? null : certificate.serverContext(), new Router(context), ErrorResponses::of);
            return new CosmoliteServer(options, engine, certificate, http);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.close();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (Exception e) {
            // Netty rethrows a BindException undeclared: whatever failed, release the store's lock.
            engine.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
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
