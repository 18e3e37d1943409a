package io.cosmolite.cli;

import io.cosmolite.server.CosmoliteServer;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The entry point of {@code cosmolite.jar}: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    /** Runs {@code cosmolite} with the given arguments and exits with its exit code. */
    public static void main(String[] args) throws InterruptedException {
        // Name the logging back end the jar carries, so that SLF4J does not search the 100 MB jar
        // for it with a ServiceLoader while the server starts.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
            // ...without SLF4J announcing on stderr, at every start, that it was told.
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
        // A running `serve` never returns: it blocks until a signal stops the JVM.
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code cosmolite} with the given arguments, writing to {@code out} and {@code err}; the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (args.length > 0 && args[0].equals("serve")) {
            // Load the store's library, Netty and TLS on the other core while this one reads the
            // command line (picocli takes a few hundred milliseconds of a cold JVM) and opens the store.
            CosmoliteServer.preload();
        }
        ServeCommand serve = QuickServeLine.read(args);
        if (serve != null) {
            return serve.serve(out, err);
        }
        CommandLine cli = CosmoliteCommand.commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }
}
