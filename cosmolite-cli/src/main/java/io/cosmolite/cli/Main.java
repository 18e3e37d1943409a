package io.cosmolite.cli;

import io.cosmolite.server.CosmoliteServer;

/** The entry point of {@code cosmolite.jar}: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    /** Runs {@code cosmolite} with the given arguments and exits with its exit code. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("serve")) {
            // Parsing the command line takes a few hundred milliseconds of a cold JVM: load the
            // server meanwhile, on the other core.
            CosmoliteServer.preload();
        }
        int code = CosmoliteCommand.commandLine().execute(args);
        // A running `serve` never gets here: it blocks until a signal stops the JVM.
        System.exit(code);
    }
}
