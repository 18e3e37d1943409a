package io.cosmolite.cli;

/** The entry point of {@code cosmolite.jar}: runs the command line and exits with its code. */
public final class Main {
    private Main() {
    }

    /** Runs {@code cosmolite} with the given arguments and exits with its exit code. */
    public static void main(String[] args) {
        int code = CosmoliteCommand.commandLine().execute(args);
        // A running `serve` never gets here: it blocks until a signal stops the JVM.
        System.exit(code);
    }
}
