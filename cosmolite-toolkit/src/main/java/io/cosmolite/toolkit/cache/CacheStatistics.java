package io.cosmolite.toolkit.cache;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.time.Duration;

/**
 * A snapshot of one cache's counters since it was built (Caffeine's {@code recordStats}).
 *
 * @param hits          lookups answered from the cache
 * @param misses        lookups that went to the database
 * @param evictions     entries dropped for size or age (explicit invalidations are not evictions)
 * @param loadSuccesses loads that returned a value (an absent item counts: absence is cached too)
 * @param loadFailures  loads that threw (nothing is cached then)
 * @param totalLoadTime time spent loading, in total
 */
public record CacheStatistics(long hits, long misses, long evictions, long loadSuccesses, long loadFailures,
        Duration totalLoadTime) {

    static CacheStatistics of(CacheStats stats) {
        return new CacheStatistics(stats.hitCount(), stats.missCount(), stats.evictionCount(), stats.loadSuccessCount(),
                stats.loadFailureCount(), Duration.ofNanos(stats.totalLoadTime()));
    }

    /** Hits over lookups, 1.0 when there were none. */
    public double hitRate() {
        long lookups = hits + misses;
        return lookups == 0 ? 1.0 : (double) hits / lookups;
    }

    /** The mean time of a load, zero when there were none. */
    public Duration averageLoadTime() {
        long loads = loadSuccesses + loadFailures;
        return loads == 0 ? Duration.ZERO : totalLoadTime.dividedBy(loads);
    }
}
