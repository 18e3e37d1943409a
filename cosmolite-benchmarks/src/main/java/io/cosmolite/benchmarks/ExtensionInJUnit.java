package io.cosmolite.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.cosmolite.server.CosmoliteServer;
import io.cosmolite.testing.Cosmolite;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The JUnit extension as a test run meets it: JUnit's launcher discovers and runs two test classes
 * that use {@link Cosmolite @Cosmolite}, in a fresh JVM. For each class it times the extension's
 * start, from the class's first {@code beforeAll} callback (registered ahead of the extension) to
 * its test method, which receives the running {@link CosmoliteServer}. The child side of
 * {@code StartupBenchmark junit}.
 */
final class ExtensionInJUnit {
    private static volatile long beforeAll;
    private static final long[] started = new long[2];
    private static final long[] ready = new long[2];

    private ExtensionInJUnit() {
    }

    /** Runs the two classes and prints: JVM uptime at the first class's start (ms), then each class's start (ms). */
    static void run() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(FirstClass.class), selectClass(SecondClass.class)).build(), listener);
        if (listener.getSummary().getTestsSucceededCount() != 2) {
            listener.getSummary().printFailuresTo(new java.io.PrintWriter(System.err, true), 20);
            throw new IllegalStateException("the probe's tests did not pass");
        }
        long uptimeNow = ManagementFactory.getRuntimeMXBean().getUptime();
        double firstClassAt = uptimeNow - (System.nanoTime() - started[0]) / 1e6;
        System.out.println(String.format(Locale.ROOT, "%.1f %.1f %.1f", firstClassAt,
                (ready[0] - started[0]) / 1e6, (ready[1] - started[1]) / 1e6));
    }

    /** Notes when a class's callbacks begin: declared before {@code @Cosmolite}, it runs before the extension's. */
    static final class Clock implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            beforeAll = System.nanoTime();
        }
    }

    @ExtendWith(Clock.class)
    @Cosmolite
    static class FirstClass {
        @Test
        void serverIsReady(CosmoliteServer server) {
            int run = getClass() == FirstClass.class ? 0 : 1;
            ready[run] = System.nanoTime();
            started[run] = beforeAll;
            check(server);
        }
    }

    /** A later test class of the run (its annotations and test inherited): its own server, in a JVM already warm. */
    static class SecondClass extends FirstClass {
    }

    private static void check(CosmoliteServer server) {
        if (server.port() <= 0) {
            throw new IllegalStateException("no port");
        }
    }
}
