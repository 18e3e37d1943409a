package io.cosmolite.toolkit.cache;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A read-through cache of one document type in one container: point reads keyed by (id, partition
 * key) and chosen queries keyed by (text, parameters, partition key), each with its own
 * {@link CachePolicy} (time to live and size bound) and {@link CacheStatistics}.
 *
 * <pre>{@code
 * ItemCache<Order> orders = ItemCache.builder(container, Order.class)
 *         .pointReads(CachePolicy.of(Duration.ofMinutes(5), 10_000))
 *         .queries(CachePolicy.of(Duration.ofSeconds(30), 500))
 *         .build();
 * ChangeFeedInvalidator feed = ChangeFeedInvalidator.start(container, Duration.ofSeconds(1), orders);
 *
 * Optional<Order> order = orders.read("o-1", new PartitionKey("c-7"));        // a miss, then hits
 * List<Order> open = orders.query(new SqlQuerySpec("SELECT * FROM c WHERE c.status = @s",
 *         new SqlParameter("@s", "open")));
 * container.replaceItem(changed, "o-1", new PartitionKey("c-7"), options);
 * orders.invalidate("o-1", new PartitionKey("c-7"));                            // after every own write
 * }</pre>
 *
 * <p>Freshness. The writer's own writes: {@link #invalidate} drops the item and, because any write
 * can change any query's result, every cached query of this cache, before it returns. Writes by other
 * processes: a {@link ChangeFeedInvalidator} drops what they changed within its stated bound. A load
 * that a write overtakes (it read the old version, the invalidation ran before the load stored it)
 * is returned to its caller but not kept. Absent items are cached too (a create reaches the cache as
 * any other write). Deletes by other processes do not appear in the latest-version change feed: see
 * {@link ChangeFeedInvalidator} for what bounds them.
 *
 * <p>Cached values are shared between callers: document types should be immutable (records), or
 * callers must not modify what they get. Thread-safe.
 *
 * @param <T> the document type
 */
public final class ItemCache<T> {
    private final String name;
    private final Cache<PointKey, Optional<T>> points;
    private final Cache<QueryKey, List<T>> queries;
    private final PointReader<T> pointReader;
    private final QueryRunner<T> queryRunner;
    /** Bumped before every invalidation, so a load can tell whether a write overtook it. */
    private final AtomicLong writes = new AtomicLong();

    private ItemCache(Builder<T> b) {
        this.name = b.name;
        this.points = caffeine(b.pointReads, b.ticker).build();
        this.queries = caffeine(b.queries, b.ticker).build();
        this.pointReader = b.pointReader;
        this.queryRunner = b.queryRunner;
    }

    /**
     * A builder of a cache over {@code container} reading {@code type}: point reads and queries through
     * the SDK, point reads kept 5 minutes (at most 10,000), query results 30 seconds (at most 1,000).
     */
    public static <T> Builder<T> builder(CosmosContainer container, Class<T> type) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(type, "type");
        return new Builder<>(container.getId() + "." + type.getSimpleName(), SdkLoaders.pointReader(container, type),
                SdkLoaders.queryRunner(container, type));
    }

    /** The item with this id in this logical partition, or empty when there is none: from the cache when held. */
    public Optional<T> read(String id, PartitionKey partitionKey) {
        return lookup(points, PointKey.of(id, partitionKey), k -> pointReader.read(id, partitionKey));
    }

    /** Every result of a cross-partition query: from the cache when held (same text and parameter values). */
    public List<T> query(SqlQuerySpec query) {
        return lookup(queries, QueryKey.of(query, Optional.empty()), k -> List.copyOf(queryRunner.run(query, Optional.empty())));
    }

    /** Every result of a query in one logical partition: from the cache when held. */
    public List<T> query(SqlQuerySpec query, PartitionKey partitionKey) {
        Optional<PartitionKey> scope = Optional.of(partitionKey);
        return lookup(queries, QueryKey.of(query, scope), k -> List.copyOf(queryRunner.run(query, scope)));
    }

    /**
     * Forgets the item and every cached query result: call it after each write of this item (create,
     * replace, upsert, patch, delete), whether the write succeeded or its outcome is unknown.
     */
    public void invalidate(String id, PartitionKey partitionKey) {
        writes.incrementAndGet();
        points.invalidate(PointKey.of(id, partitionKey));
        queries.invalidateAll();
    }

    /** Forgets every cached query result (keeps point reads): for writes whose items are not known one by one. */
    public void invalidateQueries() {
        writes.incrementAndGet();
        queries.invalidateAll();
    }

    /** Forgets everything. */
    public void invalidateAll() {
        writes.incrementAndGet();
        points.invalidateAll();
        queries.invalidateAll();
    }

    /** Counters of the point-read cache. */
    public CacheStatistics pointReadStatistics() {
        points.cleanUp();
        return CacheStatistics.of(points.stats());
    }

    /** Counters of the query cache. */
    public CacheStatistics queryStatistics() {
        queries.cleanUp();
        return CacheStatistics.of(queries.stats());
    }

    /** Entries held now: point reads and query results. */
    public long size() {
        points.cleanUp();
        queries.cleanUp();
        return points.estimatedSize() + queries.estimatedSize();
    }

    /**
     * Publishes both caches' counters to {@code registry} through Micrometer's {@code CaffeineCacheMetrics}
     * ({@code cache.gets}, {@code cache.evictions}, {@code cache.size}, {@code cache.load.duration}, ...), tagged
     * {@code cache=<name>} and {@code kind=point} or {@code kind=query}.
     */
    public ItemCache<T> bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, points, name, "kind", "point");
        CaffeineCacheMetrics.monitor(registry, queries, name, "kind", "query");
        return this;
    }

    /** The name this cache's meters carry. */
    public String name() {
        return name;
    }

    /** Forgets the items with these ids (in any partition) and every query: changes another process made. */
    void invalidateChanged(Set<String> ids) {
        writes.incrementAndGet();
        points.asMap().keySet().removeIf(k -> ids.contains(k.id()));
        queries.invalidateAll();
    }

    private <K, V> V lookup(Cache<K, V> cache, K key, Function<K, V> loader) {
        long before = writes.get();
        boolean[] loaded = {false};
        V value = cache.get(key, k -> {
            loaded[0] = true;
            return loader.apply(k);
        });
        if (loaded[0] && writes.get() != before) {
            // An invalidation ran while this load was in flight: what it read may predate that write.
            cache.invalidate(key);
        }
        return value;
    }

    private static Caffeine<Object, Object> caffeine(CachePolicy policy, Ticker ticker) {
        // Maintenance (eviction, expiry) on the calling thread: counts and sizes are exact when read.
        return Caffeine.newBuilder().expireAfterWrite(policy.timeToLive()).maximumSize(policy.maximumSize())
                .ticker(ticker).executor(Runnable::run).recordStats();
    }

    /** Settings of an {@link ItemCache}; every setting has a default. */
    public static final class Builder<T> {
        private String name;
        private PointReader<T> pointReader;
        private QueryRunner<T> queryRunner;
        private CachePolicy pointReads = CachePolicy.of(Duration.ofMinutes(5), 10_000);
        private CachePolicy queries = CachePolicy.of(Duration.ofSeconds(30), 1_000);
        private Ticker ticker = Ticker.systemTicker();

        private Builder(String name, PointReader<T> pointReader, QueryRunner<T> queryRunner) {
            this.name = name;
            this.pointReader = pointReader;
            this.queryRunner = queryRunner;
        }

        /** The name the cache's meters carry; default {@code <container id>.<type's simple name>}. */
        public Builder<T> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Time to live and size bound of point reads. */
        public Builder<T> pointReads(CachePolicy policy) {
            this.pointReads = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Time to live and size bound of query results (each result list is one entry). */
        public Builder<T> queries(CachePolicy policy) {
            this.queries = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Loads point reads with {@code reader} instead of a plain SDK read. */
        public Builder<T> pointReader(PointReader<T> reader) {
            this.pointReader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        /** Runs queries with {@code runner} instead of a plain SDK query. */
        public Builder<T> queryRunner(QueryRunner<T> runner) {
            this.queryRunner = Objects.requireNonNull(runner, "runner");
            return this;
        }

        /** The time source of expiry; default the system's. Tests pass a hand-moved one. */
        public Builder<T> ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /** The cache, empty. */
        public ItemCache<T> build() {
            return new ItemCache<>(this);
        }
    }
}
