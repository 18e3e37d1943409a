package io.cosmolite.engine.partition;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builds and searches sets of partition key ranges that tile the EPK space {@code ""..."FF"}. */
public final class PartitionKeyRanges {

    /** V2 and MultiHash EPKs start with a 128-bit hash whose top two bits are clear: [0, 2^126). */
    private static final BigInteger V2_HASH_SPACE = BigInteger.ONE.shiftLeft(126);
    /** V1 EPKs start with a 32-bit hash: [0, 2^32). */
    private static final long V1_HASH_SPACE = 1L << 32;
    private static final int V2_EPK_BYTES = 16;

    private PartitionKeyRanges() {}

    /**
     * {@code n} ranges with ids "0".."n-1" that tile the EPK space, split evenly over the V2 hash space
     * (the space of V2 and MultiHash EPKs). Bounds are uppercase hex of 32 chars, without trailing
     * zero bytes when the split falls on a round value (no V2 EPK lies between the two spellings).
     */
    public static List<PartitionKeyRange> split(int n) {
        checkCount(n, Integer.MAX_VALUE);
        List<String> bounds = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) {
            BigInteger b = V2_HASH_SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n));
            bounds.add(v2Bound(b));
        }
        return tile(bounds);
    }

    /**
     * {@code n} ranges that tile the EPK space, split evenly over the hash space of the definition:
     * V1 Hash containers split their 32-bit hash (bounds like {@code 05C1DFFFFFFFF8}, as Cosmos DB's
     * V1 containers show), all others as {@link #split(int)}.
     */
    public static List<PartitionKeyRange> split(int n, PartitionKeyDefinition definition) {
        if (definition.kind() == PartitionKeyDefinition.Kind.MULTI_HASH || definition.version() == 2) {
            return split(n);
        }
        checkCount(n, V1_HASH_SPACE);
        List<String> bounds = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) {
            bounds.add(EffectivePartitionKey.v1HashBound((double) (V1_HASH_SPACE * i / n)));
        }
        return tile(bounds);
    }

    /**
     * The range that contains the EPK, by binary search over ranges sorted by bound that tile the
     * space. An EPK no range contains is an {@link IllegalArgumentException}.
     */
    public static PartitionKeyRange find(List<PartitionKeyRange> ranges, String epk) {
        int lo = 0;
        int hi = ranges.size() - 1;
        // Find the last range whose lower bound is <= epk.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ranges.get(mid).minInclusive().compareTo(epk) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (ranges.isEmpty() || !ranges.get(lo).contains(epk)) {
            throw new IllegalArgumentException("no partition key range contains EPK '" + epk + "'");
        }
        return ranges.get(lo);
    }

    private static void checkCount(int n, long max) {
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("cannot split the key space into " + n + " ranges");
        }
    }

    private static List<PartitionKeyRange> tile(List<String> innerBounds) {
        List<PartitionKeyRange> ranges = new ArrayList<>(innerBounds.size() + 1);
        String min = EffectivePartitionKey.MIN;
        for (int i = 0; i <= innerBounds.size(); i++) {
            String max = i < innerBounds.size() ? innerBounds.get(i) : EffectivePartitionKey.MAX;
            ranges.add(new PartitionKeyRange(Integer.toString(i), min, max));
            min = max;
        }
        return List.copyOf(ranges);
    }

    private static String v2Bound(BigInteger value) {
        byte[] raw = value.toByteArray(); // big-endian, possibly shorter than 16 bytes
        byte[] bytes = new byte[V2_EPK_BYTES];
        int copy = Math.min(raw.length, V2_EPK_BYTES);
        System.arraycopy(raw, raw.length - copy, bytes, V2_EPK_BYTES - copy, copy);
        int length = V2_EPK_BYTES;
        while (length > 1 && bytes[length - 1] == 0) {
            length--;
        }
        return HexFormat.of().withUpperCase().formatHex(bytes, 0, length);
    }
}
