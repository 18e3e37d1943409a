package io.cosmolite.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code cosmolite} command; its work is done by subcommands. */
@Command(name = "cosmolite", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cosmolite: a Cosmos DB (NoSQL API) compatible database for the JVM.",
        subcommands = {ServeCommand.class, WarmUpCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure (reason on stderr), 2 usage error."})
public final class CosmoliteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand (try: cosmolite serve)");
    }

    /**
     * A command line for {@code cosmolite} with its exit-code rules: usage errors exit 2 with
     * picocli's message and usage; a failure of a command exits 1 with one line on stderr.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new CosmoliteCommand());
        cli.setParameterExceptionHandler(CosmoliteCommand::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        return cli;
    }

    /** A command that failed: its reason on one line of {@code err}, and exit code 1. */
    static int failed(Exception e, PrintWriter err) {
        err.println("cosmolite: " + StartFailure.oneLine(e));
        err.flush();
        return 1;
    }

    /** A usage error: the message and where to find help (the whole usage only for a missing subcommand). */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("cosmolite: " + e.getMessage().replaceFirst("^Error: ", ""));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            if (cli.getCommand() instanceof CosmoliteCommand) {
                cli.usage(err);
            } else {
                err.println("Try 'cosmolite " + cli.getCommandName() + " --help' for the options.");
            }
        }
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }
}
