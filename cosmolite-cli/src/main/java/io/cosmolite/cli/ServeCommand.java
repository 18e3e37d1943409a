package io.cosmolite.cli;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cosmolite serve}: runs the server until SIGINT (Ctrl+C) or SIGTERM, printing how to connect.
 * {@link #start()} starts it without blocking, for tests and embedding.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Runs the Cosmos DB gateway until Ctrl+C (SIGINT) or SIGTERM, then stops cleanly.",
                "Prints the endpoint, the key, the certificate and the Java and JavaScript code to connect."},
        footer = {"", "Exit codes: 0 ok, 1 failure (reason on stderr), 2 usage error."})
public final class ServeCommand implements Callable<Integer> {
    /** The data directory when neither --data-dir nor --in-memory is given. */
    static final Path DEFAULT_DATA_DIR = Path.of("data");

    @Spec
    CommandSpec spec;

    // Defaults are the fields' initial values (picocli shows them as ${DEFAULT-VALUE}), so that a
    // command line read by QuickServeLine, without picocli, starts from the same ones.
    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8081;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @ArgGroup(exclusive = true)
    Store store;

    @Option(names = "--no-tls", description = "Serve plain HTTP instead of HTTPS with a self-signed certificate.")
    boolean noTls;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Account key (base64) clients sign requests with (default: the Cosmos DB emulator's well-known key).")
    String key = ServerOptions.EMULATOR_KEY;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Physical partitions of each new container, 1..64 (default: ${DEFAULT-VALUE}).")
    int partitions = 1;

    /** Where the data lives: a directory or memory, not both. */
    static final class Store {
        /** Data in {@code dir}. */
        static Store in(Path dir) {
            Store store = new Store();
            store.dataDir = dir;
            return store;
        }

        /** Data in memory. */
        static Store memory() {
            Store store = new Store();
            store.inMemory = true;
            return store;
        }

        @Option(names = "--data-dir", paramLabel = "DIR", required = true,
                description = "Keep the data (RocksDB) and the certificate in DIR (default: ./data).")
        Path dataDir;

        @Option(names = "--in-memory", required = true,
                description = "Keep the data in memory only: it is gone when the server stops.")
        boolean inMemory;
    }

    /** The server options the command line asks for; a usage error when they are out of range. */
    public ServerOptions options() {
        String problem = problem();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        Path dataDir = store == null ? DEFAULT_DATA_DIR : store.inMemory ? null : store.dataDir;
        return new ServerOptions(host, port, !noTls, key, dataDir, partitions);
    }

    /** What is wrong with the options' values, in the words of a usage error; null when nothing is. */
    String problem() {
        if (port < 0 || port > 65535) {
            return "--port must be 0..65535, not " + port;
        }
        if (partitions < 1 || partitions > 64) {
            return "--partitions must be 1..64, not " + partitions;
        }
        if (host.isBlank()) {
            return "--host must not be empty";
        }
        if (!isBase64Key(key)) {
            return "--key must be a base64 string (like the keys Azure Cosmos DB issues)";
        }
        return null;
    }

    /**
     * Starts the server the command line describes and returns it running (the caller closes it).
     *
     * @throws ParameterException on an invalid option (exit code 2)
     * @throws StartFailure       when the server cannot start, with a one-line reason (exit code 1)
     */
    public CosmoliteServer start() {
        ServerOptions options = options();
        try {
            return CosmoliteServer.start(options);
        } catch (Exception e) { // Netty rethrows a failed bind's checked BindException undeclared
            throw StartFailure.of(e, options);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        return serve(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Starts the server, prints the connection guide and serves until the JVM is told to stop; when the
     * server cannot start, prints the one-line reason and returns exit code 1.
     */
    int serve(PrintWriter out, PrintWriter err) throws InterruptedException {
        CosmoliteServer server;
        try {
            server = start();
        } catch (StartFailure e) {
            return CosmoliteCommand.failed(e, err);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, out), "cosmolite-shutdown"));
        out.print(ConnectionGuide.of(server).text());
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * Stops the server on SIGINT or SIGTERM (from the JVM's shutdown hook) and ends the process with
     * 0 once it closed cleanly, 1 if it did not: a stop on request is a success, not the signal's 130/143.
     */
    private static void stop(CosmoliteServer server, PrintWriter out) {
        out.println("Stopping Cosmolite...");
        out.flush();
        int code = 0;
        try {
            // Closing the server closes the engine, which flushes and closes the RocksDB store.
            server.close();
            out.println("Stopped.");
        } catch (RuntimeException e) {
            System.err.println("cosmolite: the server did not stop cleanly: " + StartFailure.oneLine(e));
            code = 1;
        }
        out.flush();
        Runtime.getRuntime().halt(code);
    }

    private static boolean isBase64Key(String value) {
        try {
            return !value.isEmpty() && Base64.getDecoder().decode(value).length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
