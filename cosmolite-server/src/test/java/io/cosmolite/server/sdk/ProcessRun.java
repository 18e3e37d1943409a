package io.cosmolite.server.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process that ran to its end: its exit code and its output (stdout and stderr together).
 *
 * @param exitCode the exit code
 * @param output   what it printed
 */
record ProcessRun(int exitCode, String output) {

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added to this JVM's, its
     * output going to {@code log} (a file, so a chatty child never blocks on a full pipe). A child
     * still running after {@code timeout} is killed with its own children, and the run fails with
     * what it printed.
     *
     * @throws IOException when the command cannot be started, e.g. the program is not installed
     */
    static ProcessRun run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
                          Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds()
                        + " s and was killed; its output:\n" + read(log));
            }
            return new ProcessRun(process.exitValue(), read(log));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + command, e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
