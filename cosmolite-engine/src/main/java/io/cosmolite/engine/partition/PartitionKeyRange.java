package io.cosmolite.engine.partition;

/**
 * A partition key range: the EPKs from {@code minInclusive} up to, not including, {@code maxExclusive},
 * compared as plain ordinal strings exactly as Cosmos DB and its SDKs compare them.
 *
 * @param id           the range id, "0", "1", ...
 * @param minInclusive the smallest EPK in the range ({@link EffectivePartitionKey#MIN} for the first)
 * @param maxExclusive the first EPK after the range ({@link EffectivePartitionKey#MAX} for the last)
 */
public record PartitionKeyRange(String id, String minInclusive, String maxExclusive) {

    /** Rejects an empty or inverted range. */
    public PartitionKeyRange {
        if (id == null || minInclusive == null || maxExclusive == null) {
            throw new IllegalArgumentException("a partition key range needs an id and both bounds");
        }
        if (minInclusive.compareTo(maxExclusive) >= 0) {
            throw new IllegalArgumentException(
                    "partition key range " + id + " is empty: [" + minInclusive + ", " + maxExclusive + ")");
        }
    }

    /** Whether the EPK falls in this range. */
    public boolean contains(String epk) {
        return minInclusive.compareTo(epk) <= 0 && epk.compareTo(maxExclusive) < 0;
    }
}
