package io.cosmolite.engine;

import io.cosmolite.engine.storage.SyncPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open a {@link CosmosEngine}.
 *
 * @param dataDirectory     the RocksDB data directory, or null for an in-memory store
 * @param syncPolicy        when the durable store fsyncs its log (ignored in memory)
 * @param defaultPartitions physical partitions of a container created without an explicit count
 * @param ttlPurgeInterval  how often expired items are deleted in the background
 * @param clock             the source of {@code _ts} and TTL time
 */
public record EngineOptions(Path dataDirectory, SyncPolicy syncPolicy, int defaultPartitions,
                            Duration ttlPurgeInterval, Clock clock) {

    /** Most physical partitions a container may be created with. */
    public static final int MAX_PARTITIONS = 64;

    public EngineOptions {
        Objects.requireNonNull(syncPolicy, "syncPolicy");
        Objects.requireNonNull(ttlPurgeInterval, "ttlPurgeInterval");
        Objects.requireNonNull(clock, "clock");
        if (defaultPartitions < 1 || defaultPartitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be 1.." + MAX_PARTITIONS + ", not " + defaultPartitions);
        }
    }

    /** An in-memory engine with one partition per container. */
    public static EngineOptions inMemory() {
        return new EngineOptions(null, SyncPolicy.DEFAULT, 1, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** A durable engine in {@code dir} with the default sync policy. */
    public static EngineOptions durable(Path dir) {
        return new EngineOptions(dir, SyncPolicy.DEFAULT, 1, Duration.ofSeconds(1), Clock.systemUTC());
    }

    /** The same options with another default partition count. */
    public EngineOptions withDefaultPartitions(int n) {
        return new EngineOptions(dataDirectory, syncPolicy, n, ttlPurgeInterval, clock);
    }

    /** The same options with another sync policy. */
    public EngineOptions withSyncPolicy(SyncPolicy policy) {
        return new EngineOptions(dataDirectory, policy, defaultPartitions, ttlPurgeInterval, clock);
    }

    /** The same options with another clock. */
    public EngineOptions withClock(Clock c) {
        return new EngineOptions(dataDirectory, syncPolicy, defaultPartitions, ttlPurgeInterval, c);
    }

    /** The same options with another TTL purge interval. */
    public EngineOptions withTtlPurgeInterval(Duration interval) {
        return new EngineOptions(dataDirectory, syncPolicy, defaultPartitions, interval, clock);
    }
}
