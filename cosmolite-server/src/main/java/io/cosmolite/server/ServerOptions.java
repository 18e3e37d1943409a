package io.cosmolite.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a server.
 *
 * @param host       the address to bind (default 127.0.0.1)
 * @param port       the port (default 8081; 0 picks a free one)
 * @param tls        HTTPS with a self-signed certificate (default) or plain HTTP
 * @param masterKey  the account key clients sign with (default: the emulator's well-known key)
 * @param dataDir    the data directory (RocksDB store and certificate), or null for in-memory
 * @param partitions physical partitions of new containers (default 1)
 */
public record ServerOptions(String host, int port, boolean tls, String masterKey, Path dataDir, int partitions) {
    /** The Cosmos DB emulator's well-known account key. */
    public static final String EMULATOR_KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(masterKey, "masterKey");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (partitions < 1 || partitions > 64) {
            throw new IllegalArgumentException("partitions must be 1..64: " + partitions);
        }
    }

    /** Defaults: 127.0.0.1:8081, TLS, the emulator key, in memory, 1 partition. */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 8081, true, EMULATOR_KEY, null, 1);
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, tls, masterKey, dataDir, partitions);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, tls, masterKey, dataDir, partitions);
    }

    public ServerOptions withTls(boolean value) {
        return new ServerOptions(host, port, value, masterKey, dataDir, partitions);
    }

    public ServerOptions withMasterKey(String value) {
        return new ServerOptions(host, port, tls, value, dataDir, partitions);
    }

    /** A data directory, or null for in-memory. */
    public ServerOptions withDataDir(Path value) {
        return new ServerOptions(host, port, tls, masterKey, value, partitions);
    }

    public ServerOptions withPartitions(int value) {
        return new ServerOptions(host, port, tls, masterKey, dataDir, value);
    }
}
