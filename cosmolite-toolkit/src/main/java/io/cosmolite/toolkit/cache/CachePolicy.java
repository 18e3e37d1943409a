package io.cosmolite.toolkit.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a cached entry may live after it was loaded, and how many entries a cache keeps at most
 * (beyond that, Caffeine evicts the entries least likely to be used again).
 *
 * @param timeToLive  an entry expires this long after it was loaded (Caffeine's {@code expireAfterWrite});
 *                    it also bounds how long a change the change feed cannot show (a delete by another
 *                    process) stays visible
 * @param maximumSize the most entries kept (Caffeine's {@code maximumSize}), at least 1
 */
public record CachePolicy(Duration timeToLive, long maximumSize) {
    /** A policy; {@code timeToLive} must be positive and {@code maximumSize} at least 1. */
    public CachePolicy {
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive: " + timeToLive);
        }
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be at least 1: " + maximumSize);
        }
    }

    /** A policy keeping at most {@code maximumSize} entries, each for {@code timeToLive}. */
    public static CachePolicy of(Duration timeToLive, long maximumSize) {
        return new CachePolicy(timeToLive, maximumSize);
    }
}
