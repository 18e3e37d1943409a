package io.cosmolite.examples.orders;

import io.cosmolite.toolkit.metrics.OperationMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the client's meters back out of the registry: the SDK's own per-operation meters
 * ({@code cosmos.client.op.calls}, {@code .RUs}, {@code .latency}; see {@code SdkMetrics}) and the
 * toolkit's ({@value OperationMetrics#REQUESTS}, {@value OperationMetrics#REQUEST_CHARGE}).
 */
public final class ClientMetrics {
    private static final String SDK_CALLS = "cosmos.client.op.calls";
    private static final String SDK_CHARGE = "cosmos.client.op.RUs";
    private static final String SDK_LATENCY = "cosmos.client.op.latency";

    private final MeterRegistry registry;

    public ClientMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * The SDK's count of {@code operation} calls (e.g. {@code Document/Replace}) on container
     * {@code containerId} that ended with HTTP {@code status}.
     */
    public long sdkCalls(String containerId, String operation, int status) {
        return (long) registry.find(SDK_CALLS).tag("Operation", operation)
                .tag("OperationStatusCode", Integer.toString(status)).counters().stream()
                .filter(c -> containerOf(c).equals(containerId))
                .mapToDouble(Counter::count).sum();
    }

    /** Prints one line per container, operation and status: calls, request units and mean latency. */
    public void print(PrintStream out) {
        Map<List<String>, Row> rows = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (Counter c : registry.find(SDK_CALLS).counters()) {
            rows.computeIfAbsent(key(c), k -> new Row()).calls += c.count();
        }
        for (DistributionSummary s : registry.find(SDK_CHARGE).summaries()) {
            rows.computeIfAbsent(key(s), k -> new Row()).requestUnits += s.totalAmount();
        }
        for (Timer t : registry.find(SDK_LATENCY).timers()) {
            Row row = rows.computeIfAbsent(key(t), k -> new Row());
            row.latencyMillis += t.totalTime(TimeUnit.MILLISECONDS);
            row.timed += t.count();
        }
        out.println("The SDK's meters (cosmos.client.op.*), by container, operation and status:");
        out.printf("  %-10s %-45s %6s %6s %9s %8s%n", "container", "operation", "status", "calls", "RU", "mean ms");
        rows.forEach((k, r) -> out.printf("  %-10s %-45s %6s %6d %9.2f %8.1f%n", k.get(0), k.get(1), k.get(2),
                (long) r.calls, r.requestUnits, r.timed == 0 ? 0 : r.latencyMillis / r.timed));

        out.println("The toolkit's meters (" + OperationMetrics.REQUESTS + ", " + OperationMetrics.REQUEST_CHARGE + "):");
        for (Timer t : registry.find(OperationMetrics.REQUESTS).timers()) {
            DistributionSummary charge = registry.find(OperationMetrics.REQUEST_CHARGE).tags(t.getId().getTags())
                    .summary();
            out.printf("  %-10s %-10s %-10s %6d call(s) %9.2f RU %8.1f ms mean%n", t.getId().getTag("container"),
                    t.getId().getTag("operation"), t.getId().getTag("outcome"), t.count(),
                    charge == null ? 0 : charge.totalAmount(), t.mean(TimeUnit.MILLISECONDS));
        }
    }

    private static List<String> key(Meter m) {
        return List.of(containerOf(m), String.valueOf(m.getId().getTag("Operation")),
                String.valueOf(m.getId().getTag("OperationStatusCode")));
    }

    /** The SDK tags {@code <account>/<database>/<container>}; the container alone is enough here ("-" for database calls). */
    private static String containerOf(Meter m) {
        String tag = String.valueOf(m.getId().getTag("Container"));
        String last = tag.substring(tag.lastIndexOf('/') + 1);
        return last.isEmpty() ? "-" : last;
    }

    /** Sums of one line. */
    private static final class Row {
        double calls;
        double requestUnits;
        double latencyMillis;
        long timed;
    }
}
