package io.cosmolite.engine.storage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The values of recently read keys, in front of a store's point reads, least recently used first
 * out. A hit costs a hash lookup and a copy instead of RocksDB's filter, index-block and data-block
 * searches behind a native call (about three quarters of a cache-hot read). RocksDB's own row
 * cache would do the same, but it refuses range deletes, which dropping a container and
 * rebuilding an index use.
 *
 * <p>Consistency: the keys are spread over 64 stripes, each a map in access order under its own
 * lock. A write marks the stripes of its keys before it is applied ({@link #beginWrite}: their
 * keys are dropped, and until {@link #endWrite} those stripes keep nothing read from the store), so
 * a reader never sees one key of a batch from the store, new, and another from the cache, old.
 * Each stripe also has a version that both steps raise, and a value read from the store goes in
 * only if the version is still the one seen before the read: a read that started before a write
 * cannot put back what the write replaced.
 *
 * <p>Values are copied in and out, as {@link InMemoryStore} does, so no caller can change what
 * another reads. Values over {@value #MAX_VALUE_BYTES} bytes are not kept: a few large items
 * would push out many small ones.
 *
 * <p>Only keys that pass the store's {@code cached} filter are kept. A key that never enters the
 * cache needs no invalidation either, so a write's other keys cost nothing here: the engine's
 * index entries (tens per item write, never read one at a time) skip the stripes altogether.
 */
final class RowCache {
    static final int MAX_VALUE_BYTES = 16 * 1024;
    private static final int STRIPES = 64;
    /** What an entry costs besides its key and value bytes: map node, key object, array headers. */
    private static final int ENTRY_OVERHEAD = 96;

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final Predicate<byte[]> cached;

    /** A cache of every key, holding at most about {@code capacityBytes} of keys, values and entry overhead. */
    RowCache(long capacityBytes) {
        this(capacityBytes, key -> true);
    }

    /**
     * A cache of the keys {@code cached} accepts (a pure function of the key: the same key must
     * always get the same answer), holding at most about {@code capacityBytes}.
     */
    RowCache(long capacityBytes, Predicate<byte[]> cached) {
        this.cached = cached;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe(capacityBytes / STRIPES);
        }
    }

    /**
     * The value of {@code key}: from the cache, or from {@code load} (the store's read, null when
     * absent), which is then kept unless an invalidation of the stripe came in between.
     */
    byte[] get(byte[] key, Function<byte[], byte[]> load) {
        if (!cached.test(key)) {
            return load.apply(key);
        }
        HashedKey k = new HashedKey(key);
        Stripe stripe = stripes[stripeOf(k)];
        long version;
        synchronized (stripe) {
            byte[] cached = stripe.values.get(k);
            if (cached != null) {
                return cached.clone();
            }
            version = stripe.version;
        }
        // The store is read outside the lock: a read from disk must not hold up the stripe.
        byte[] value = load.apply(key);
        if (value != null && value.length <= MAX_VALUE_BYTES) {
            byte[] copy = value.clone();
            synchronized (stripe) {
                if (stripe.version == version && stripe.writers == 0) {
                    stripe.put(k, copy);
                }
            }
        }
        return value;
    }

    /**
     * Marks the stripes of the batch's keys (every stripe for a range delete) as being written and
     * drops those keys; returns the stripes, which {@link #endWrite} must get once the batch is
     * applied or has failed.
     */
    long beginWrite(WriteBatch batch) {
        List<WriteBatch.Op> ops = batch.ops();
        HashedKey[] keys = new HashedKey[ops.size()];
        int[] keyStripes = new int[keys.length];
        long marked = 0;
        for (int i = 0; i < keys.length && marked != -1L; i++) {
            WriteBatch.Op op = ops.get(i);
            if (op.isRangeDelete()) {
                marked = -1L;
            } else if (cached.test(op.key())) {
                keys[i] = new HashedKey(op.key());
                keyStripes[i] = stripeOf(keys[i]);
                marked |= 1L << keyStripes[i];
            }
        }
        for (int s = 0; s < STRIPES; s++) {
            if ((marked & (1L << s)) != 0) {
                Stripe stripe = stripes[s];
                synchronized (stripe) {
                    stripe.writers++;
                    stripe.version++;
                    if (marked == -1L) {
                        stripe.clear();
                    } else {
                        for (int i = 0; i < keys.length; i++) {
                            if (keys[i] != null && keyStripes[i] == s) {
                                stripe.remove(keys[i]);
                            }
                        }
                    }
                }
            }
        }
        return marked;
    }

    /** Ends the write that {@link #beginWrite} marked {@code stripes} for. */
    void endWrite(long marked) {
        for (int i = 0; i < STRIPES; i++) {
            if ((marked & (1L << i)) != 0) {
                synchronized (stripes[i]) {
                    stripes[i].writers--;
                    stripes[i].version++;
                }
            }
        }
    }

    private static int stripeOf(HashedKey key) {
        return Math.floorMod(key.hashCode(), STRIPES);
    }

    /** One stripe's entries, guarded by the stripe itself. */
    private static final class Stripe {
        final LinkedHashMap<HashedKey, byte[]> values = new LinkedHashMap<>(16, 0.75f, true);
        final long capacity;
        long version;
        /** Writes of this stripe's keys under way. */
        int writers;
        long bytes;

        Stripe(long capacity) {
            this.capacity = capacity;
        }

        void put(HashedKey key, byte[] value) {
            byte[] old = values.put(key, value);
            bytes += cost(key, value) - (old == null ? 0 : cost(key, old));
            Iterator<Map.Entry<HashedKey, byte[]>> eldest = values.entrySet().iterator();
            while (bytes > capacity && eldest.hasNext()) {
                Map.Entry<HashedKey, byte[]> e = eldest.next();
                bytes -= cost(e.getKey(), e.getValue());
                eldest.remove();
            }
        }

        void clear() {
            values.clear();
            bytes = 0;
        }

        void remove(HashedKey key) {
            byte[] old = values.remove(key);
            if (old != null) {
                bytes -= cost(key, old);
            }
        }

        private static long cost(HashedKey key, byte[] value) {
            return (long) key.bytes.length + value.length + ENTRY_OVERHEAD;
        }
    }
}
