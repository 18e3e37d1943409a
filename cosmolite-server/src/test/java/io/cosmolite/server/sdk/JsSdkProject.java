package io.cosmolite.server.sdk;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Node.js project that drives the official JavaScript SDK ({@code src/test/js}: package.json,
 * the committed package-lock.json, the scripts), set up in a work directory under {@code target}
 * so that the clone's sources never hold a {@code node_modules}. {@code npm ci} installs exactly
 * the locked versions, and only when the lockfile changed since the last install.
 */
final class JsSdkProject {
    /** The oldest Node.js the pinned SDK supports ({@code engines} of @azure/cosmos 4.9.3). */
    static final int MIN_NODE_MAJOR = 20;

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    /** Beside node_modules: the lockfile node_modules was installed from. */
    private static final String INSTALLED_LOCK = "node_modules/.cosmolite-installed-lock.json";
    private static final boolean WINDOWS = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");

    private final Path workDir;

    private JsSdkProject(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * This module's project ({@code src/test/js}) installed in {@code target/js-sdk}, for a test's
     * {@code @BeforeAll}; aborts the test class with {@code -Dcosmolite.js.skip=true}, and in the
     * build's all-TLS rerun of the SDK tests, which the pom keeps the JavaScript tests out of (they
     * choose their transports themselves) but {@code -Dtest=...} overrides its excludes.
     */
    static JsSdkProject installForTest() {
        assumeFalse(Boolean.getBoolean("cosmolite.js.skip"), "-Dcosmolite.js.skip=true");
        assumeFalse(SdkFixture.ALL_TLS, "the JavaScript SDK tests choose their transports themselves");
        Path module = Path.of(System.getProperty("basedir", "")); // surefire sets it; else the working directory
        return install(module.resolve("src/test/js"), module.resolve("target/js-sdk"));
    }

    /**
     * Copies the project's files from {@code sources} into {@code workDir} and installs its
     * dependencies there unless the same lockfile is installed already. Fails, naming what to
     * install, when node or npm is missing or too old.
     */
    static JsSdkProject install(Path sources, Path workDir) {
        requireNode();
        try {
            Files.createDirectories(workDir);
            try (Stream<Path> files = Files.list(sources)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, workDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            JsSdkProject project = new JsSdkProject(workDir);
            project.installDependencies();
            return project;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file into the work directory (e.g. a certificate for a script to trust) and returns its absolute path. */
    Path write(String name, String content) {
        try {
            return Files.writeString(file(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute path of a file in the work directory, e.g. one for a script to write. */
    Path file(String name) {
        return workDir.resolve(name).toAbsolutePath();
    }

    /** Runs {@code node script} in the work directory with {@code environment}; its output is also kept in {@code <script>-<logName>.log}. */
    ProcessRun runScript(String script, Map<String, String> environment, Duration timeout, String logName) {
        try {
            return ProcessRun.run(List.of("node", script), workDir, environment, timeout,
                    workDir.resolve(script + "-" + logName + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installDependencies() throws IOException {
        Path lock = workDir.resolve("package-lock.json");
        Path installed = workDir.resolve(INSTALLED_LOCK);
        if (Files.exists(installed) && Files.mismatch(lock, installed) == -1) {
            return;
        }
        ProcessRun npm = ProcessRun.run(List.of(npm(), "ci", "--no-audit", "--no-fund"), workDir, Map.of(),
                INSTALL_TIMEOUT, workDir.resolve("npm-ci.log"));
        if (npm.exitCode() != 0) {
            throw new AssertionError("npm ci failed in " + workDir.toAbsolutePath() + " (exit code " + npm.exitCode()
                    + "; it needs the npm registry, or a cache that holds the locked packages):\n" + npm.output());
        }
        Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void requireNode() {
        String node = version(List.of("node", "--version"));
        Matcher major = Pattern.compile("v(\\d+)\\.").matcher(node);
        if (!major.lookingAt() || Integer.parseInt(major.group(1)) < MIN_NODE_MAJOR) {
            throw missing("Node.js " + MIN_NODE_MAJOR + " or later is needed, found " + node);
        }
        version(List.of(npm(), "--version"));
    }

    /** What {@code command} prints (a version), or a failure that names the missing tool. */
    private static String version(List<String> command) {
        try {
            Path log = Files.createTempFile("cosmolite-js-probe", ".log");
            try {
                ProcessRun run = ProcessRun.run(command, Path.of("."), Map.of(), PROBE_TIMEOUT, log);
                if (run.exitCode() != 0) {
                    throw missing("`" + String.join(" ", command) + "` failed: " + run.output().strip());
                }
                return run.output().strip();
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw missing("`" + command.get(0) + "` is not on the PATH (" + e.getMessage() + ")");
        }
    }

    private static AssertionError missing(String what) {
        return new AssertionError(what + ". The JavaScript SDK test needs Node.js " + MIN_NODE_MAJOR
                + "+ with npm (https://nodejs.org); -Dcosmolite.js.skip=true skips it.");
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }
}
