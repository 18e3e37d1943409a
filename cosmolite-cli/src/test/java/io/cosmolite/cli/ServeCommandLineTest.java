package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's options, defaults, usage errors (exit 2) and start failures (exit 1). */
class ServeCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void defaultsServeTheEmulatorsAccountOverTlsFromTheDataDirectory() {
        ServerOptions options = parse("serve").options();
        assertThat(options).isEqualTo(new ServerOptions("127.0.0.1", 8081, true, ServerOptions.EMULATOR_KEY,
                Path.of("data"), 1));
    }

    @Test
    void everyOptionReachesTheServerOptions() {
        String key = "c2VjcmV0LWtleS1mb3ItdGVzdHM=";
        ServerOptions options = parse("serve", "--port", "9000", "--host", "0.0.0.0", "--data-dir", dir.toString(),
                "--no-tls", "--key", key, "--partitions", "4").options();
        assertThat(options).isEqualTo(new ServerOptions("0.0.0.0", 9000, false, key, dir, 4));
        assertThat(parse("serve", "--in-memory").options().dataDir()).isNull();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("serve", "--in-memory", "--data-dir", dir.toString()))
                .isEqualTo(new Outcome(2, "", "cosmolite: --data-dir=DIR, --in-memory are mutually exclusive (specify only one)\n"
                        + "Try 'cosmolite serve --help' for the options.\n"));
        assertThat(run("serve", "--partitions", "0").err()).startsWith("cosmolite: --partitions must be 1..64, not 0\n");
        assertThat(run("serve", "--partitions", "65").code()).isEqualTo(2);
        assertThat(run("serve", "--partitions", "four").err()).startsWith("cosmolite: Invalid value for option '--partitions': 'four' is not an int");
        assertThat(run("serve", "--port", "65536").code()).isEqualTo(2);
        assertThat(run("serve", "--key", "not base64!").code()).isEqualTo(2);
        assertThat(run("serve", "--bogus").code()).isEqualTo(2);
        assertThat(run("srve").code()).isEqualTo(2);
        Outcome bare = run();
        assertThat(bare.code()).isEqualTo(2);
        assertThat(bare.err()).contains("Missing required subcommand").contains("Usage: cosmolite");
    }

    @Test
    void helpAndVersionExitWithZero() {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"help", "serve"}}) {
            Outcome help = run(args);
            assertThat(help.code()).isZero();
            assertThat(help.out()).contains("Usage: cosmolite");
        }
        assertThat(run("serve", "--help").out()).contains("--port=PORT", "--host=HOST", "--data-dir=DIR", "--in-memory",
                "--no-tls", "--key=KEY", "--partitions=N");
        Outcome version = run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("cosmolite " + VersionProvider.version() + "\n");
        assertThat(VersionProvider.version()).doesNotContain("$").isNotEqualTo("unknown");
    }

    @Test
    void aTakenPortExitsWithOneAndOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Outcome outcome = run("serve", "--in-memory", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(outcome).isEqualTo(new Outcome(1, "", "cosmolite: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is already in use (choose another with --port)\n"));
        }
    }

    @Test
    void aDataDirectoryInUseExitsWithOneAndOneLine() {
        try (CosmoliteServer running = parse("serve", "--data-dir", dir.toString(), "--port", "0", "--no-tls").start()) {
            Outcome outcome = run("serve", "--data-dir", dir.toString(), "--port", "0", "--no-tls");
            assertThat(outcome).isEqualTo(new Outcome(1, "", "cosmolite: the data directory " + dir.toAbsolutePath().normalize()
                    + " is in use by another Cosmolite server (stop it, or choose another --data-dir)\n"));
        }
    }

    /** The serve command as parsed from {@code args} (which start with "serve"). */
    static ServeCommand parse(String... args) {
        CommandLine cli = CosmoliteCommand.commandLine();
        return cli.parseArgs(args).subcommand().commandSpec().commandLine().getCommand();
    }

    /** Runs the command line as {@code main} does, capturing its exit code and output. */
    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Outcome(code, out.toString(), err.toString());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    record Outcome(int code, String out, String err) {
    }
}
