package io.cosmolite.benchmarks;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.server.ServerOptions;
import io.cosmolite.server.auth.MasterKeyAuthorizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How fast Cosmolite is ready, measured from outside a JVM's start (not JMH: what is measured is a
 * process's first second). Run from the repository root with the benchmarks jar built:
 *
 * <ul>
 *   <li>{@code serve [--runs N] [--idle-seconds S] [--no-tls]}: launches {@code ./cosmolite serve} on a
 *       temporary data directory N times (after one untimed launch that creates the data directory, the
 *       certificate and, on a new build, the class-data archive) and times each launch until it
 *       answers an authenticated {@code GET /} with 200, JVM start included. After the last launch it
 *       leaves the server idle for S seconds and reads its resident memory (VmRSS).</li>
 *   <li>{@code extension [--runs N]}: starts N fresh JVMs (as a test run's JVM: {@code java -cp}, no
 *       class-data archive), each starting three in-process servers with the JUnit extension's defaults
 *       (in memory, HTTPS, a free port) one after another, as the first and later test classes of a
 *       run do, and times each start and its first authenticated request.</li>
 *   <li>{@code junit [--runs N] [--classpath CP]}: starts N fresh JVMs, each running JUnit's launcher
 *       on two test classes that use {@code @Cosmolite} ({@link ExtensionInJUnit}), and times the
 *       extension's start in each, as a test run meets it: from the class's first callback to its
 *       test method. {@code --classpath} gives the child JVM's class path (default: this jar), so
 *       that it can run on a test module's real one, jar by jar.</li>
 * </ul>
 * Prints each run and the median, minimum and maximum.
 */
public final class StartupBenchmark {
    private static final String CHILD = "extension-child";
    private static final String JUNIT_CHILD = "junit-child";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        String mode = a.isEmpty() ? "" : a.get(0);
        int runs = intOption(a, "--runs", mode.equals("serve") ? 20 : 10);
        switch (mode) {
            case "serve" -> serve(runs, intOption(a, "--idle-seconds", 10), !a.contains("--no-tls"));
            case "extension" -> extension(runs);
            case CHILD -> extensionChild();
            case "junit" -> junit(runs, stringOption(a, "--classpath", System.getProperty("java.class.path")));
            case JUNIT_CHILD -> ExtensionInJUnit.run();
            default -> {
                System.err.println("usage: StartupBenchmark serve [--runs N] [--idle-seconds S] [--no-tls]"
                        + " | extension [--runs N] | junit [--runs N] [--classpath CP]");
                System.exit(2);
            }
        }
    }

    private static void serve(int runs, int idleSeconds, boolean tls) throws Exception {
        Path dataDir = Files.createTempDirectory("cosmolite-launch");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("./cosmolite", "serve", "--port", Integer.toString(port),
                "--data-dir", dataDir.toString()));
        if (!tls) {
            command.add("--no-tls");
        }
        URI root = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + "/");
        System.out.println("command: " + String.join(" ", command));
        try {
            Process first = launch(command, root);
            stop(first.process());
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                Process run = launch(command, root);
                millis[i] = run.millis();
                System.out.printf(Locale.ROOT, "launch %2d: %7.1f ms%n", i + 1, millis[i]);
                if (i < runs - 1) {
                    stop(run.process());
                } else {
                    Thread.sleep(idleSeconds * 1000L);
                    System.out.printf(Locale.ROOT, "resident memory after %d s idle: %d MB%n", idleSeconds,
                            residentKb(run.process().pid()) / 1024);
                    stop(run.process());
                }
            }
            summary("launch until an authenticated GET / answers", millis);
        } finally {
            delete(dataDir);
        }
    }

    private record Process(java.lang.Process process, double millis) {
    }

    /** Starts the command and waits until {@code GET /} answers 200; the time from the launch. */
    private static Process launch(List<String> command, URI root) throws Exception {
        long start = System.nanoTime();
        java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = start + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            if (answers(root)) {
                return new Process(process, (System.nanoTime() - start) / 1e6);
            }
            Thread.sleep(2);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not answer within 120 s");
    }

    private static void stop(java.lang.Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the server closes its store cleanly
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void extension(int runs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            java.lang.Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StartupBenchmark.class.getName(), CHILD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the child JVM failed: " + out);
            }
            double[] row = Arrays.stream(out.split(" ")).mapToDouble(Double::parseDouble).toArray();
            rows.add(row);
            System.out.printf(Locale.ROOT, "jvm %2d: first start %6.1f ms + first request %6.1f ms; "
                    + "second start %5.1f + %5.1f ms; third start %5.1f + %5.1f ms%n", i + 1,
                    row[0], row[1], row[2], row[3], row[4], row[5]);
        }
        String[] names = {"first server start in a fresh JVM", "its first request",
                "second server start", "its first request", "third server start", "its first request"};
        for (int c = 0; c < names.length; c++) {
            int column = c;
            summary(names[c], rows.stream().mapToDouble(r -> r[column]).toArray());
        }
    }

    private static void junit(int runs, String classPath) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            java.lang.Process child = new ProcessBuilder(java, "-cp", classPath, StartupBenchmark.class.getName(),
                    JUNIT_CHILD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("the child JVM failed: " + out);
            }
            // The child's last line holds the figures (the server's log may come before it).
            String[] lines = out.split("\\R");
            double[] row = Arrays.stream(lines[lines.length - 1].split(" ")).mapToDouble(Double::parseDouble).toArray();
            rows.add(row);
            System.out.printf(Locale.ROOT, "jvm %2d: first test class at %6.1f ms of uptime; extension ready in %6.1f ms; "
                    + "in the second class %5.1f ms%n", i + 1, row[0], row[1], row[2]);
        }
        String[] names = {"JVM uptime when the first test class starts", "extension ready in the first test class",
                "extension ready in the second test class"};
        for (int c = 0; c < names.length; c++) {
            int column = c;
            summary(names[c], rows.stream().mapToDouble(r -> r[column]).toArray());
        }
    }

    /** In a fresh JVM: three servers with the extension's defaults, each timed to started and to a first answer. */
    private static void extensionChild() throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            try (CosmoliteServer server = CosmoliteServer.start(ServerOptions.defaults().withPort(0))) {
                long started = System.nanoTime();
                if (!answers(URI.create("https://127.0.0.1:" + server.port() + "/"))) {
                    throw new IllegalStateException("GET / did not answer 200");
                }
                long answered = System.nanoTime();
                out.append(String.format(Locale.ROOT, "%.1f %.1f ", (started - start) / 1e6, (answered - started) / 1e6));
            }
        }
        System.out.println(out.toString().trim());
    }

    /** Whether an authenticated {@code GET /} answers 200 (false while the port refuses connections). */
    private static boolean answers(URI root) throws Exception {
        HttpURLConnection c = (HttpURLConnection) root.toURL().openConnection();
        if (c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(Probe.TRUST_ANY.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        String date = Probe.HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
        String signature = Probe.SIGNER.sign("get\n\n\n" + date.toLowerCase(Locale.ROOT) + "\n\n");
        c.setRequestProperty("x-ms-date", date);
        c.setRequestProperty("x-ms-version", "2020-07-15");
        c.setRequestProperty("authorization",
                URLEncoder.encode("type=master&ver=1.0&sig=" + signature, StandardCharsets.UTF_8));
        c.setConnectTimeout(1000);
        c.setReadTimeout(10_000);
        try {
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status == 200;
        } catch (java.net.ConnectException e) {
            return false;
        } finally {
            c.disconnect();
        }
    }

    /**
     * The probe's signer and TLS context, made at its first request, after the timed start: made when
     * the class loads, they would have the JDK's TLS and crypto loaded before an extension's first
     * start, which a test JVM has not.
     */
    private static final class Probe {
        static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
        static final MasterKeyAuthorizer SIGNER = new MasterKeyAuthorizer(ServerOptions.EMULATOR_KEY, Clock.systemUTC());
        /** The probe trusts whatever certificate the server presents: it measures speed, not trust. */
        static final SSLContext TRUST_ANY = trustAny();
    }

    private static SSLContext trustAny() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long residentKb(long pid) throws IOException {
        // The launched process is the script's exec'd JVM, so its pid is the JVM's.
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static void summary(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "%s: median %.1f ms, min %.1f, max %.1f (%d runs)%n", what, median,
                sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    private static String stringOption(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    private static int intOption(List<String> args, String name, int fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
