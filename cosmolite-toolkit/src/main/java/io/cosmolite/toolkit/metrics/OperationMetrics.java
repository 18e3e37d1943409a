package io.cosmolite.toolkit.metrics;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.FeedResponse;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Records each SDK call a repository makes: its latency and its request charge, per container,
 * operation and outcome. Meters (all with tags {@code container}, {@code operation} ({@link Operation#tag()}),
 * {@code outcome} ({@link Outcome#tag()}) and {@code status} (the HTTP status, {@code 0} when the call
 * failed without one)):
 * <ul>
 *   <li>{@value #REQUESTS}, a timer: the latency, and in its count the calls, so success and error
 *       counts are its count by {@code outcome};</li>
 *   <li>{@value #REQUEST_CHARGE}, a distribution summary in request units: what each call cost
 *       (failed calls cost too).</li>
 * </ul>
 * The names are not the SDK's own ({@code cosmos.client.*}, see {@link SdkMetrics}), so both can share
 * one registry.
 *
 * <pre>{@code
 * OperationMetrics metrics = new OperationMetrics(registry);
 * CosmosItemResponse<Order> read = metrics.timedItem("orders", Operation.READ,
 *         () -> container.readItem(id, new PartitionKey(customer), Order.class));   // a 404 is recorded, then thrown
 * for (FeedResponse<Order> page : metrics.pages("orders", Operation.QUERY,
 *         container.queryItems(query, options, Order.class).iterableByPage())) { ... }
 * }</pre>
 *
 * Thread-safe.
 */
public final class OperationMetrics {
    /** The timer of calls. */
    public static final String REQUESTS = "cosmos.toolkit.requests";
    /** The distribution summary of request charges, in request units. */
    public static final String REQUEST_CHARGE = "cosmos.toolkit.request.charge";
    /** The {@code status} tag of a call that failed without an HTTP status. */
    public static final int NO_STATUS = 0;

    private final MeterRegistry registry;

    /** A recorder into {@code registry}. */
    public OperationMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Records one call to {@code container} that took {@code latency}, cost {@code requestCharge} and ended with {@code status}. */
    public void record(String container, Operation operation, Duration latency, double requestCharge, int status) {
        Tags tags = Tags.of("container", container, "operation", operation.tag(), "outcome", Outcome.of(status).tag(),
                "status", Integer.toString(status));
        Timer.builder(REQUESTS).description("Cosmos DB calls made by the toolkit").tags(tags).register(registry)
                .record(latency);
        DistributionSummary.builder(REQUEST_CHARGE).description("Request units of Cosmos DB calls made by the toolkit")
                .baseUnit("request units").tags(tags).register(registry).record(requestCharge);
    }

    /**
     * Runs {@code call} and records it: the status and charge of its result, or of the
     * {@link CosmosException} it throws (then thrown on), or status {@value #NO_STATUS} and no charge for
     * any other exception (thrown on too).
     */
    public <R> R timed(String container, Operation operation, Supplier<R> call, ToDoubleFunction<R> charge,
            ToIntFunction<R> status) {
        long start = System.nanoTime();
        R result;
        try {
            result = call.get();
        } catch (CosmosException e) {
            record(container, operation, since(start), e.getRequestCharge(), e.getStatusCode());
            throw e;
        } catch (RuntimeException e) {
            record(container, operation, since(start), 0, NO_STATUS);
            throw e;
        }
        record(container, operation, since(start), charge.applyAsDouble(result), status.applyAsInt(result));
        return result;
    }

    /** Runs an item operation (create, read, replace, upsert, patch, delete) and records it. */
    public <T> CosmosItemResponse<T> timedItem(String container, Operation operation, Supplier<CosmosItemResponse<T>> call) {
        return timed(container, operation, call, CosmosItemResponse::getRequestCharge, CosmosItemResponse::getStatusCode);
    }

    /** Runs a transactional batch and records it (a batch that failed as a whole is an error outcome, not thrown). */
    public CosmosBatchResponse timedBatch(String container, Supplier<CosmosBatchResponse> call) {
        return timed(container, Operation.BATCH, call, CosmosBatchResponse::getRequestCharge,
                CosmosBatchResponse::getStatusCode);
    }

    /**
     * Pages of a query, a read-many or a change feed, each recorded as one call (status 200) when it is
     * fetched; a failed fetch is recorded with its status and thrown on.
     */
    public <T> Iterable<FeedResponse<T>> pages(String container, Operation operation, Iterable<FeedResponse<T>> pages) {
        return () -> new RecordedPages<>(pages.iterator(), this, container, operation);
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
