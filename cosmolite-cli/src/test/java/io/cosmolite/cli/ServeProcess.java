package io.cosmolite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cosmolite serve} running in a child JVM, as a user starts it, so that a test can kill it
 * with SIGKILL: the test's own classpath with {@link Main}, stdout and stderr in files.
 */
final class ServeProcess {
    /** How the JDK reports a process that died of SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT_STATUS = 137;
    private static final Pattern ENDPOINT = Pattern.compile("\n {2}Endpoint +(\\S+)\n");

    private final Process process;
    private final Path out;
    private final Path err;

    private ServeProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code cosmolite serve} with {@code serveArgs} (after {@code serve}); its output goes
     * to {@code <logs>/<name>.out} and {@code .err}.
     */
    static ServeProcess start(Path logs, String name, List<String> serveArgs) throws IOException {
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        // RocksDB extracts its native library to the temp directory and deletes it at a normal exit
        // only: a killed child's copy must land where JUnit cleans up.
        Path childTmp = Files.createDirectories(logs.resolve("child-tmp"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A server that lives a few seconds gains more from a quick start (C1 only) than from C2.
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + childTmp,
                // A connection the server drops says why on stderr, which a failing test shows.
                "-Dorg.slf4j.simpleLogger.log.io.cosmolite.server.http=debug",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        command.addAll(serveArgs);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ServeProcess(process, out, err);
    }

    /**
     * A loopback port that was free a moment ago, below Linux's ephemeral range (32768 up): no
     * other process's port-0 bind or outgoing connection takes it while the server restarts on it.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; ; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (BindException e) {
                if (attempt == 100) {
                    throw e;
                }
            }
        }
    }

    /** Waits until the server printed its endpoint, which it does once it listens, and returns it. */
    String awaitEndpoint(long timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            Matcher endpoint = ENDPOINT.matcher(Files.readString(out, StandardCharsets.UTF_8));
            if (endpoint.find()) {
                return endpoint.group(1);
            }
            assertThat(process.isAlive()).as("cosmolite serve exited with %s before it served: %s",
                    exitValueOrNone(), Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("cosmolite serve did not print its endpoint within %d s: %s",
                    timeoutSeconds, Files.readString(err)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Kills the server with SIGKILL and waits until it is gone, so that its port and store lock are free. */
    void kill() throws IOException, InterruptedException {
        assertThat(process.isAlive()).as("the server died before the kill: %s", Files.readString(err)).isTrue();
        // On Linux and macOS, destroyForcibly is kill(pid, SIGKILL): no shutdown hook, no flush, no close.
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the server did not die").isTrue();
        assertThat(process.exitValue()).as("the server must die of SIGKILL").isEqualTo(SIGKILL_EXIT_STATUS);
    }

    /** What the server wrote to stderr so far. */
    String errors() throws IOException {
        return Files.readString(err);
    }

    /** Kills the server if it still runs: a failing test must not leave one behind. */
    void destroy() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private String exitValueOrNone() {
        return process.isAlive() ? "none" : Integer.toString(process.exitValue());
    }
}
