package io.cosmolite.toolkit.repository;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cosmolite.toolkit.cache.CachePolicy;
import io.cosmolite.toolkit.cache.ChangeFeedInvalidator;
import io.cosmolite.toolkit.container.PartitionKeyStrategy;
import io.cosmolite.toolkit.error.ValidationException;
import io.cosmolite.toolkit.metrics.OperationMetrics;
import io.cosmolite.toolkit.schema.DocumentSchema;
import io.cosmolite.toolkit.schema.SchemaVersions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds a {@link Repository}, from {@link Repository#builder}. Defaults: UTC system clock, user
 * "system", random UUID ids; no schema check, no versions, no cache, no metrics.
 *
 * <pre>{@code
 * Repository<Order> orders = Repository.builder(container, ordersDefinition, Order.class)
 *         .schema(DocumentSchema.fromResource("schemas/order.json"))   // every whole-document write checked
 *         .versions(orderVersions)                                     // reads upgraded, writes stamped
 *         .cache(CachePolicy.of(Duration.ofMinutes(5), 10_000), Duration.ofSeconds(1)) // + change feed
 *         .metrics(meterRegistry)                                      // every SDK call recorded
 *         .build();
 * }</pre>
 */
public final class RepositoryBuilder<T> {
    final CosmosContainer container;
    final PartitionKeyStrategy partitionKey;
    final Class<T> type;
    ConsistencyLevel consistency;
    ObjectMapper mapper = DocumentCodec.defaultMapper();
    Clock clock = Clock.systemUTC();
    Supplier<String> currentUser = () -> "system";
    Supplier<String> ids = () -> UUID.randomUUID().toString();
    DocumentSchema schema;
    SchemaVersions versions;
    CachePolicy pointReads;
    Duration feedPollInterval;
    OperationMetrics metrics;

    RepositoryBuilder(CosmosContainer container, PartitionKeyStrategy partitionKey, Class<T> type) {
        this.container = Objects.requireNonNull(container, "container");
        this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The consistency level of reads and queries; null for the account's default. */
    public RepositoryBuilder<T> consistency(ConsistencyLevel level) {
        this.consistency = level;
        return this;
    }

    /** The mapper for documents (a copy is taken, with java.time support and unknown properties ignored). */
    public RepositoryBuilder<T> objectMapper(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        return this;
    }

    /** The clock of the audit and deletion times. */
    public RepositoryBuilder<T> clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Who is writing, asked on each write (e.g. from the request's security context). */
    public RepositoryBuilder<T> currentUser(Supplier<String> user) {
        this.currentUser = Objects.requireNonNull(user, "user");
        return this;
    }

    /** New ids for documents created without one. */
    public RepositoryBuilder<T> idGenerator(Supplier<String> ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
        return this;
    }

    /**
     * Checks every whole-document write (create, each item of createAll, replace, upsert) against
     * {@code schema} before it is sent: a violation is a {@link ValidationException} listing every
     * one by JSON Pointer path, and nothing is written. The schema sees the caller's document
     * (its class's properties and the id), not the repository's own fields. Patches are not checked.
     */
    public RepositoryBuilder<T> schema(DocumentSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    /**
     * Writes stamp the current version; every document read (point reads, query rows, write results)
     * comes back upgraded to it. Soft delete, restore and patch write an older document back upgraded.
     */
    public RepositoryBuilder<T> versions(SchemaVersions versions) {
        this.versions = Objects.requireNonNull(versions, "versions");
        return this;
    }

    /**
     * Point reads go through a read-through cache with this time to live and size bound; every write
     * of this repository drops what it wrote. Writes by other processes are seen when an entry expires,
     * unless {@link #cache(CachePolicy, Duration)} also follows the change feed.
     */
    public RepositoryBuilder<T> cache(CachePolicy pointReads) {
        this.pointReads = Objects.requireNonNull(pointReads, "pointReads");
        this.feedPollInterval = null;
        return this;
    }

    /**
     * As {@link #cache(CachePolicy)}, and a {@link ChangeFeedInvalidator} polling the container's change
     * feed every {@code pollInterval} drops what other processes write (see its staleness bound);
     * {@link Repository#close} stops it.
     */
    public RepositoryBuilder<T> cache(CachePolicy pointReads, Duration pollInterval) {
        this.pointReads = Objects.requireNonNull(pointReads, "pointReads");
        this.feedPollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        return this;
    }

    /** Records every SDK call the repository makes (latency, request units, outcome) with {@code metrics}. */
    public RepositoryBuilder<T> metrics(OperationMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /** Records every SDK call the repository makes into {@code registry} (see {@link OperationMetrics}). */
    public RepositoryBuilder<T> metrics(MeterRegistry registry) {
        return metrics(new OperationMetrics(registry));
    }

    /** The repository; with {@code cache(policy, pollInterval)} its change-feed poller starts now. */
    public Repository<T> build() {
        return new Repository<>(this);
    }
}
