package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.index.IndexRuntime;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.layout.StoredItem;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.engine.ru.RequestCharges;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Item operations of every container: single operations, transactional batches, range scans and
 * the TTL purge. Writers of one logical partition are serialized by a striped lock (no global
 * lock); readers take none.
 */
public final class ItemStore {
    /** Most operations in one transactional batch. */
    public static final int MAX_BATCH_OPERATIONS = 100;

    private static final int STRIPES = 1024;

    /** A page of items from a range scan, and the key to continue after (null at the end). */
    public record ScanPage(List<ObjectNode> items, byte[] continuation, double requestCharge) {}

    private final KeyValueStore store;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final PatchCondition patchConditions;

    /** Item operations over {@code store}, with time from {@code clock}; conditional patches are refused. */
    public ItemStore(KeyValueStore store, Clock clock) {
        this(store, clock, PatchCondition.UNSUPPORTED);
    }

    /** Item operations over {@code store}, deciding conditional patches with {@code patchConditions}. */
    public ItemStore(KeyValueStore store, Clock clock, PatchCondition patchConditions) {
        this.store = store;
        this.clock = clock;
        this.patchConditions = patchConditions;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Runs one operation. {@code partitionKey} may be null for create and upsert (it is then taken
     * from the body). Failures throw {@link CosmosException} carrying their charge.
     */
    public ItemResult execute(ContainerState container, PartitionKeyValue partitionKey, ItemOperation op) {
        PartitionKeyValue pk = partitionKey != null ? partitionKey : keyFromBody(container, op);
        String epk = EffectivePartitionKey.of(pk, container.partitionKey());
        if (op instanceof ItemOperation.Read) {
            // Reads see committed data only and need no lock.
            PartitionTransaction tx = new PartitionTransaction(store, container, pk, epk, nowSeconds(), patchConditions);
            return charged(() -> tx.apply(op));
        }
        return inPartition(container, pk, epk, tx -> {
            ItemResult result = charged(() -> tx.apply(op));
            tx.commit();
            return result;
        });
    }

    /**
     * Runs a transactional batch on one logical partition: all operations or none. On failure the
     * failing operation keeps its status and every other one gets 424; nothing is written.
     */
    public List<ItemResult> executeBatch(ContainerState container, PartitionKeyValue partitionKey,
                                         List<ItemOperation> ops) {
        try {
            checkBatch(partitionKey, ops);
        } catch (CosmosException e) {
            throw e.withRequestCharge(RequestCharges.failed(e.status()));
        }
        String epk = EffectivePartitionKey.of(partitionKey, container.partitionKey());
        return inPartition(container, partitionKey, epk, tx -> {
            List<ItemResult> results = new ArrayList<>(ops.size());
            for (int i = 0; i < ops.size(); i++) {
                try {
                    results.add(tx.apply(ops.get(i)));
                } catch (CosmosException e) {
                    return failedBatch(ops.size(), i, e);
                }
            }
            tx.commit();
            return results;
        });
    }

    /**
     * Runs {@code work} on a new transaction of one logical partition while holding the
     * partition's lock; {@code work} commits when it succeeds. The transaction's LSNs are released
     * however it ends. 404/1003 when the container was deleted.
     */
    private <T> T inPartition(ContainerState container, PartitionKeyValue pk, String epk,
                              java.util.function.Function<PartitionTransaction, T> work) {
        ReentrantLock lock = lockFor(container, epk);
        lock.lock();
        PartitionTransaction tx = null;
        try {
            checkLive(container);
            tx = new PartitionTransaction(store, container, pk, epk, nowSeconds(), patchConditions);
            return work.apply(tx);
        } finally {
            if (tx != null) {
                tx.releaseLsns();
            }
            lock.unlock();
        }
    }

    private static void checkBatch(PartitionKeyValue partitionKey, List<ItemOperation> ops) {
        if (ops.isEmpty()) {
            throw ErrorCode.BAD_REQUEST.exception("A transactional batch must contain at least one operation.");
        }
        if (ops.size() > MAX_BATCH_OPERATIONS) {
            throw ErrorCode.BAD_REQUEST.exception(
                    "A transactional batch may contain at most %d operations, not %d.", MAX_BATCH_OPERATIONS, ops.size());
        }
        if (partitionKey == null) {
            throw ErrorCode.BAD_REQUEST.exception("A transactional batch needs a partition key.");
        }
    }

    /**
     * Visible items of one physical partition in key order, at most {@code limit}, after the key
     * {@code after} (null = from the start).
     */
    public ScanPage scan(ContainerState container, int rangeIndex, byte[] after, int limit) {
        byte[] from = after != null ? successor(after) : rangeStart(container, rangeIndex);
        byte[] to = rangeEnd(container, rangeIndex);
        long now = nowSeconds();
        List<ObjectNode> items = new ArrayList<>();
        byte[] lastKey = null;
        long bytes = 0;
        boolean more = false;
        try (KeyCursor c = store.scan(from, to)) {
            while (c.next()) {
                if (items.size() >= limit) {
                    more = true;
                    break;
                }
                lastKey = c.key();
                StoredItem item = StoredItem.decode(c.value());
                if (!Expiry.isExpired(item, container.defaultTtl(), now)) {
                    items.add(item.node());
                    bytes += item.jsonLength();
                }
            }
        }
        return new ScanPage(items, more ? lastKey : null, RequestCharges.feedRead(items.size(), bytes));
    }

    /** A run of the item key space: a whole container, a physical partition or a logical partition. */
    public record KeyRange(byte[] from, byte[] to) {
        /** True when {@code key} lies in this range. */
        public boolean contains(byte[] key) {
            return Arrays.compareUnsigned(key, from) >= 0 && Arrays.compareUnsigned(key, to) < 0;
        }
    }

    /** The keys of every item of a container (its physical partitions are consecutive runs of it). */
    public static KeyRange containerItems(ContainerState container) {
        byte[] prefix = StorageKeys.containerPrefix(StorageKeys.ITEM, container.ridBytes());
        return new KeyRange(prefix, StorageKeys.prefixEnd(prefix));
    }

    /** The keys of the items of one physical partition. */
    public static KeyRange rangeItems(ContainerState container, int rangeIndex) {
        return new KeyRange(rangeStart(container, rangeIndex), rangeEnd(container, rangeIndex));
    }

    /**
     * The keys of the items of one logical partition; for a prefix of a hierarchical key, of every
     * logical partition under it.
     */
    public static KeyRange partitionItems(ContainerState container, PartitionKeyValue partitionKey) {
        String epk = EffectivePartitionKey.of(partitionKey, container.partitionKey());
        byte[] prefix = partitionKey.size() < container.partitionKey().paths().size()
                ? StorageKeys.itemsFrom(container.ridBytes(), epk)
                : StorageKeys.logicalPartitionPrefix(container.ridBytes(), epk);
        return new KeyRange(prefix, StorageKeys.prefixEnd(prefix));
    }

    /**
     * A cursor over the visible (unexpired) items of {@code range} in key order, from
     * {@code startKey} inclusive (null = the range's start). It reads a consistent snapshot; close it.
     */
    public ItemCursor openItems(ContainerState container, KeyRange range, byte[] startKey) {
        byte[] from = startKey == null || Arrays.compareUnsigned(startKey, range.from()) < 0 ? range.from() : startKey;
        return new ItemCursor(store.scan(from, range.to()), container.defaultTtl(), nowSeconds());
    }

    /** The item stored under {@code key} if it is visible (present and unexpired), else null. */
    public StoredItem visibleItem(ContainerState container, byte[] key) {
        byte[] raw = store.get(key);
        if (raw == null) {
            return null;
        }
        StoredItem item = StoredItem.decode(raw);
        return Expiry.isExpired(item, container.defaultTtl(), nowSeconds()) ? null : item;
    }

    /** Visible items in key order, with their storage keys; see {@link #openItems}. */
    public static final class ItemCursor implements AutoCloseable {
        private final KeyCursor cursor;
        private final Integer defaultTtl;
        private final long now;
        private StoredItem item;

        private ItemCursor(KeyCursor cursor, Integer defaultTtl, long now) {
            this.cursor = cursor;
            this.defaultTtl = defaultTtl;
            this.now = now;
        }

        /** Moves to the next visible item; false at the end. */
        public boolean next() {
            while (cursor.next()) {
                StoredItem candidate = StoredItem.decode(cursor.value());
                if (!Expiry.isExpired(candidate, defaultTtl, now)) {
                    item = candidate;
                    return true;
                }
            }
            item = null;
            return false;
        }

        /** The current item's storage key. */
        public byte[] key() {
            return cursor.key();
        }

        /** The current item. */
        public StoredItem item() {
            return item;
        }

        @Override
        public void close() {
            cursor.close();
        }
    }

    /** What one step of the TTL purge did, and the key to resume after (null when the range is done). */
    public record PurgeStep(int examined, int purged, byte[] resumeAfter) {}

    /**
     * Deletes the expired items among the next {@code maxExamined} items of one physical
     * partition after {@code after} (null = from the start), recording TTL deletes in the change
     * log. Reads only item headers to find them; the work of one step is bounded, so a large
     * container is purged over several steps without stalling writers.
     */
    public PurgeStep purgeExpired(ContainerState container, int rangeIndex, byte[] after, int maxExamined) {
        long now = nowSeconds();
        List<ObjectNode> expired = new ArrayList<>();
        int examined = 0;
        byte[] lastKey = null;
        boolean more = false;
        try (KeyCursor c = store.scan(after != null ? successor(after) : rangeStart(container, rangeIndex),
                rangeEnd(container, rangeIndex))) {
            while (c.next()) {
                if (examined == maxExamined) {
                    more = true;
                    break;
                }
                examined++;
                lastKey = c.key();
                StoredItem item = StoredItem.decode(c.value());
                if (Expiry.isExpired(item, container.defaultTtl(), now)) {
                    expired.add(item.node());
                }
            }
        }
        int purged = 0;
        for (ObjectNode item : expired) {
            if (purgeIfExpired(container, item)) {
                purged++;
            }
        }
        return new PurgeStep(examined, purged, more ? lastKey : null);
    }

    private boolean purgeIfExpired(ContainerState container, ObjectNode item) {
        PartitionKeyValue pk = PartitionKeyValue.fromDocument(item, container.partitionKey());
        String epk = EffectivePartitionKey.of(pk, container.partitionKey());
        return inPartition(container, pk, epk, tx -> {
            boolean purged = tx.purgeIfExpired(item.get("id").textValue());
            tx.commit();
            return purged;
        });
    }

    /**
     * Marks a container deleted once no write to it is in flight: a writer either committed
     * before or sees the mark (and gets 404) after.
     */
    public void retire(ContainerRuntime runtime) {
        exclusively(runtime::markDeleted);
    }

    /** Runs {@code work} while no item write is in flight: takes every stripe lock. */
    public void exclusively(Runnable work) {
        for (ReentrantLock stripe : stripes) {
            stripe.lock();
        }
        try {
            work.run();
        } finally {
            for (ReentrantLock stripe : stripes) {
                stripe.unlock();
            }
        }
    }

    /**
     * Runs one bounded step of the index build of a physical partition (after an indexing
     * policy change); true while the partition has items left to index.
     */
    public boolean buildIndexStep(ContainerState container, int rangeIndex, int maxItems) {
        IndexRuntime index = container.runtime().index();
        return index.buildStep(rangeIndex, rangeStart(container, rangeIndex), rangeEnd(container, rangeIndex), maxItems,
                (keys, work) -> {
                    // Stripes are taken in ascending order; writers take one, so this cannot deadlock.
                    java.util.TreeSet<Integer> held = new java.util.TreeSet<>();
                    for (byte[] key : keys) {
                        held.add(stripeOf(container, index.epkOfItemKey(key)));
                    }
                    for (int s : held) {
                        stripes[s].lock();
                    }
                    try {
                        work.run();
                    } finally {
                        for (int s : held) {
                            stripes[s].unlock();
                        }
                    }
                });
    }

    private static void checkLive(ContainerState container) {
        if (container.runtime().isDeleted()) {
            throw ErrorCode.OWNER_RESOURCE_NOT_FOUND.exception(
                    "Owner resource does not exist: container '%s' was deleted.", container.id())
                    .withRequestCharge(RequestCharges.failed(404));
        }
    }

    private static byte[] rangeStart(ContainerState container, int rangeIndex) {
        return StorageKeys.itemsFrom(container.ridBytes(), container.ranges().get(rangeIndex).minInclusive());
    }

    private static byte[] rangeEnd(ContainerState container, int rangeIndex) {
        PartitionKeyRange range = container.ranges().get(rangeIndex);
        return range.maxExclusive().equals(EffectivePartitionKey.MAX)
                ? StorageKeys.prefixEnd(StorageKeys.containerPrefix(StorageKeys.ITEM, container.ridBytes()))
                : StorageKeys.itemsFrom(container.ridBytes(), range.maxExclusive());
    }

    private long nowSeconds() {
        return clock.millis() / 1000;
    }

    private ReentrantLock lockFor(ContainerState container, String epk) {
        return stripes[stripeOf(container, epk)];
    }

    private static int stripeOf(ContainerState container, String epk) {
        int h = Arrays.hashCode(container.ridBytes()) * 31 + epk.hashCode();
        return Math.floorMod(h ^ (h >>> 16), STRIPES);
    }

    private static PartitionKeyValue keyFromBody(ContainerState container, ItemOperation op) {
        ObjectNode body;
        if (op instanceof ItemOperation.Create c) {
            body = c.body();
        } else if (op instanceof ItemOperation.Upsert u) {
            body = u.body();
        } else {
            throw ErrorCode.BAD_REQUEST.exception("PartitionKey value must be supplied for this operation.");
        }
        return PartitionKeyValue.fromDocument(body, container.partitionKey());
    }

    private static ItemResult charged(java.util.function.Supplier<ItemResult> op) {
        try {
            return op.get();
        } catch (CosmosException e) {
            throw e.withRequestCharge(RequestCharges.failed(e.status()));
        }
    }

    private static List<ItemResult> failedBatch(int size, int failedIndex, CosmosException cause) {
        List<ItemResult> results = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (i == failedIndex) {
                results.add(new ItemResult(cause.status(), cause.subStatus(), null, null,
                        RequestCharges.failed(cause.status()), cause.getMessage(), 0));
            } else {
                results.add(new ItemResult(ErrorCode.FAILED_DEPENDENCY.status(), 0, null, null, 0, null, 0));
            }
        }
        return results;
    }

    private static byte[] successor(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }
}
