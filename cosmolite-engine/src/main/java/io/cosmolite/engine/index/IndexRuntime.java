package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.resource.ResourceId;
import io.cosmolite.engine.layout.StoredItem;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import io.cosmolite.engine.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The index of one container while the engine runs: the definition writers maintain, and the
 * state of the online build that follows a change of indexing policy.
 *
 * <p>Writers always maintain the entries of the current definition (deleting a term that is not
 * there yet is harmless). When the policy changes, {@link #restart} drops every entry and marks
 * each physical partition "building"; a background task then adds the entries of existing items
 * in bounded steps ({@link #buildStep}), and queries
 * use a partition's index only once its build is done ({@link #readyDefinition}). The build
 * state is stored under {@code 'X' containerRid}, written in the same batch as each step's
 * entries, so a restarted engine resumes where it stopped.
 *
 * <p>Concurrency: the caller of {@link #restart} excludes every writer of the container (it holds
 * all partition locks); a build step holds the locks of the items it indexes, so an item cannot
 * change between being read and being indexed.
 */
public final class IndexRuntime {
    /** The value of every index entry: all an entry says is in its key. */
    private static final byte[] NO_VALUE = new byte[0];

    private final KeyValueStore store;
    private final byte[] rid;
    private final List<String> rangeMins;
    private final List<String> rangeMaxs;
    private final ReentrantLock buildLock = new ReentrantLock();
    private volatile State state;

    /** The build state; {@code after} of a range is its last indexed item key (null: from the start). */
    private record State(IndexDefinition definition, long generation, List<RangeBuild> ranges) {
        boolean done() {
            return ranges.stream().allMatch(RangeBuild::done);
        }
    }

    private record RangeBuild(boolean done, byte[] after) {}

    private IndexRuntime(KeyValueStore store, byte[] rid, List<String> rangeMins, List<String> rangeMaxs, State state) {
        this.store = store;
        this.rid = rid;
        this.rangeMins = List.copyOf(rangeMins);
        this.rangeMaxs = List.copyOf(rangeMaxs);
        this.state = state;
    }

    /**
     * The runtime of a container whose physical partitions span the given EPK bounds, with the
     * build state as stored (call {@link #matches} and {@link #restart} before use).
     */
    public static IndexRuntime open(KeyValueStore store, byte[] containerRid, List<String> rangeMins,
                                    List<String> rangeMaxs) {
        byte[] raw = store.get(StorageKeys.indexState(containerRid));
        return new IndexRuntime(store, containerRid, rangeMins, rangeMaxs,
                raw == null ? null : decode(Json.parse(raw), rangeMins.size()));
    }

    /** True when the stored state of a container says its index is being built, or there is none. */
    public static boolean storedBuildPending(KeyValueStore store, byte[] containerRid) {
        byte[] raw = store.get(StorageKeys.indexState(containerRid));
        if (raw == null) {
            return true;
        }
        for (JsonNode r : Json.parse(raw).path("ranges")) {
            if (!r.path("done").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** The stored build state of a new, empty container: every partition's index is complete. */
    public static byte[] initialState(JsonNode indexingPolicy, int rangeCount) {
        List<RangeBuild> ranges = new ArrayList<>();
        for (int i = 0; i < rangeCount; i++) {
            ranges.add(new RangeBuild(true, null));
        }
        return encode(new State(IndexDefinition.of(indexingPolicy), 0, ranges));
    }

    /** True when the index is built (or being built) for exactly this indexing policy. */
    public boolean matches(JsonNode indexingPolicy) {
        State s = state;
        return s != null && s.definition().policy().equals(indexingPolicy);
    }

    /**
     * Drops every index entry of the container and starts building the index of
     * {@code indexingPolicy}. The caller must exclude all writers of the container.
     */
    public void restart(JsonNode indexingPolicy) {
        IndexDefinition definition = IndexDefinition.of(indexingPolicy);
        boolean nothingToBuild = definition.isNone() || isEmpty();
        List<RangeBuild> ranges = new ArrayList<>();
        for (int i = 0; i < rangeMins.size(); i++) {
            ranges.add(new RangeBuild(nothingToBuild, null));
        }
        State current = state;
        State next = new State(definition, current == null ? 1 : current.generation() + 1, ranges);
        byte[] prefix = StorageKeys.containerPrefix(StorageKeys.INDEX, rid);
        WriteBatch batch = new WriteBatch()
                .deleteRange(prefix, StorageKeys.prefixEnd(prefix))
                .put(StorageKeys.indexState(rid), encode(next));
        store.write(batch);
        state = next;
    }

    /** The definition writers maintain; null only before the first {@link #restart} of a container without state. */
    public IndexDefinition definition() {
        State s = state;
        return s == null ? null : s.definition();
    }

    /** True when writes maintain entries (a definition is set and its mode is not {@code none}). */
    public boolean maintains() {
        State s = state;
        return s != null && !s.definition().isNone();
    }

    /** The definition queries of one physical partition may use, or null while its index is being built. */
    public IndexDefinition readyDefinition(int range) {
        State s = state;
        return s != null && s.ranges().get(range).done() ? s.definition() : null;
    }

    /**
     * Opens {@code lookup} over the entries of the physical partitions {@code ranges} (whose
     * index the caller checked is ready), from the entry key {@code resumeKey} inclusive (null:
     * the start), keeping entries whose EPK starts with {@code epkPrefix} (null: all). With
     * {@code merge}, several partitions' entries come in one index order.
     */
    public IndexCursor lookup(IndexLookup lookup, List<Integer> ranges, byte[] resumeKey, String epkPrefix,
                              boolean merge) {
        return IndexCursor.open(store, rid, lookup, ranges, resumeKey, epkPrefix, merge);
    }

    /** True when {@code key} is an index entry key of this container (a continuation's sanity check). */
    public boolean isEntryKey(byte[] key) {
        byte[] prefix = StorageKeys.containerPrefix(StorageKeys.INDEX, rid);
        return key.length > prefix.length + 4 && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** True while some partition's index is being built. */
    public boolean building() {
        State s = state;
        return s != null && !s.done();
    }

    /**
     * How far the build is, in percent (100 when the index is complete): the share of the EPK
     * space each partition's build has passed, averaged over the partitions.
     */
    public int progressPercent() {
        State s = state;
        if (s == null) {
            return 0;
        }
        if (s.done()) {
            return 100;
        }
        double sum = 0;
        for (int r = 0; r < s.ranges().size(); r++) {
            RangeBuild b = s.ranges().get(r);
            if (b.done()) {
                sum += 1;
            } else if (b.after() != null) {
                double min = epkFraction(rangeMins.get(r));
                double max = epkFraction(rangeMaxs.get(r));
                double at = epkFraction(epkOfItemKey(b.after()));
                sum += max > min ? Math.max(0, Math.min(1, (at - min) / (max - min))) : 0;
            }
        }
        return (int) Math.min(99, Math.floor(100 * sum / s.ranges().size()));
    }

    /**
     * Adds to {@code batch} the index changes of one item going from {@code before} to
     * {@code after} (either null when absent): only the terms that differ are written.
     */
    public void maintain(WriteBatch batch, int range, String epk, String id, JsonNode before, JsonNode after) {
        IndexDefinition definition = definition();
        if (definition == null || definition.isNone()) {
            return;
        }
        Set<IndexTerm> old = before == null ? Set.of() : definition.terms(before);
        Set<IndexTerm> now = after == null ? Set.of() : definition.terms(after);
        long oldOrder = before == null ? 0 : documentOrder(before);
        long newOrder = after == null ? 0 : documentOrder(after);
        // A create over an expired item has a new rid: then every entry's key changes.
        boolean sameKeys = before == null || after == null || oldOrder == newOrder;
        byte[] oldTail = old.isEmpty() ? null : StorageKeys.indexEntryTail(oldOrder, epk, id);
        byte[] newTail = now.isEmpty() ? null : sameKeys && oldTail != null ? oldTail
                : StorageKeys.indexEntryTail(newOrder, epk, id);
        for (IndexTerm t : old) {
            if (!sameKeys || !now.contains(t)) {
                batch.delete(StorageKeys.indexEntry(rid, range, t.bytes(), oldTail));
            }
        }
        for (IndexTerm t : now) {
            if (!sameKeys || !old.contains(t)) {
                batch.put(StorageKeys.indexEntry(rid, range, t.bytes(), newTail), NO_VALUE);
            }
        }
    }

    /** Runs {@code work} while holding the write locks of the logical partitions of some items. */
    @FunctionalInterface
    public interface Locks {
        /** Takes the locks of the items' logical partitions, runs {@code work}, releases them. */
        void run(List<byte[]> itemKeys, Runnable work);
    }

    /**
     * One bounded step of the build of one physical partition: indexes up to {@code maxItems}
     * items after the last one indexed, holding their partitions' locks, and records the
     * progress in the same batch. {@code rangeStart}/{@code rangeEnd} bound the partition's item
     * keys. Returns true while the partition has items left to index.
     */
    public boolean buildStep(int range, byte[] rangeStart, byte[] rangeEnd, int maxItems, Locks locks) {
        buildLock.lock();
        try {
            State s = state;
            if (s == null || s.ranges().get(range).done()) {
                return false;
            }
            byte[] after = s.ranges().get(range).after();
            List<byte[]> keys = new ArrayList<>();
            boolean more = false;
            try (KeyCursor c = store.scan(after == null ? rangeStart : successor(after), rangeEnd)) {
                while (c.next()) {
                    if (keys.size() == maxItems) {
                        more = true;
                        break;
                    }
                    keys.add(c.key());
                }
            }
            boolean unfinished = more;
            byte[] last = keys.isEmpty() ? null : keys.get(keys.size() - 1);
            locks.run(keys, () -> {
                State current = state;
                if (current.generation() != s.generation()) {
                    return; // the policy changed meanwhile: this step belongs to a dropped build
                }
                WriteBatch batch = new WriteBatch();
                for (byte[] key : keys) {
                    byte[] raw = store.get(key);
                    if (raw != null) {
                        JsonNode item = StoredItem.decode(raw).node();
                        byte[] tail = StorageKeys.indexEntryTail(documentOrder(item), epkOfItemKey(key), idOfItemKey(key));
                        for (IndexTerm t : current.definition().terms(item)) {
                            batch.put(StorageKeys.indexEntry(rid, range, t.bytes(), tail), NO_VALUE);
                        }
                    }
                }
                List<RangeBuild> ranges = new ArrayList<>(current.ranges());
                ranges.set(range, new RangeBuild(!unfinished, unfinished ? last : null));
                State next = new State(current.definition(), current.generation(), ranges);
                batch.put(StorageKeys.indexState(rid), encode(next));
                store.write(batch);
                state = next;
            });
            return unfinished;
        } finally {
            buildLock.unlock();
        }
    }

    /** The rid order of an item ({@link ResourceId#documentOrder}); 0 for an item without a rid. */
    static long documentOrder(JsonNode item) {
        JsonNode rid = item.get("_rid");
        return rid == null || !rid.isTextual() ? 0 : ResourceId.parse(rid.textValue()).documentOrder();
    }

    /** The EPK of an item key ({@code 'D' rid epk 0x00 id}). */
    public String epkOfItemKey(byte[] itemKey) {
        int start = 1 + rid.length;
        int end = start;
        while (end < itemKey.length && itemKey[end] != 0) {
            end++;
        }
        return new String(itemKey, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The id of an item key. */
    public String idOfItemKey(byte[] itemKey) {
        int sep = 1 + rid.length;
        while (itemKey[sep] != 0) {
            sep++;
        }
        return new String(itemKey, sep + 1, itemKey.length - sep - 1, java.nio.charset.StandardCharsets.UTF_8);
    }

    private boolean isEmpty() {
        byte[] prefix = StorageKeys.containerPrefix(StorageKeys.ITEM, rid);
        try (KeyCursor c = store.scan(prefix, StorageKeys.prefixEnd(prefix))) {
            return !c.next();
        }
    }

    private static double epkFraction(String epk) {
        if (epk.equals("FF")) {
            return 1;
        }
        double f = 0;
        double unit = 1;
        for (int i = 0; i < Math.min(12, epk.length()); i++) {
            unit /= 16;
            f += Character.digit(epk.charAt(i), 16) * unit;
        }
        return f;
    }

    private static byte[] encode(State s) {
        ObjectNode root = Json.object();
        root.set("policy", s.definition().policy());
        ArrayNode ranges = root.putArray("ranges");
        for (RangeBuild b : s.ranges()) {
            ObjectNode r = ranges.addObject().put("done", b.done());
            if (b.after() != null) {
                r.put("after", Base64.getEncoder().encodeToString(b.after()));
            }
        }
        return Json.toBytes(root);
    }

    private static State decode(JsonNode json, int rangeCount) {
        List<RangeBuild> ranges = new ArrayList<>();
        for (JsonNode r : json.path("ranges")) {
            ranges.add(new RangeBuild(r.path("done").asBoolean(),
                    r.hasNonNull("after") ? Base64.getDecoder().decode(r.get("after").textValue()) : null));
        }
        if (ranges.size() != rangeCount) {
            throw new IllegalStateException("index build state has " + ranges.size() + " ranges, not " + rangeCount);
        }
        return new State(IndexDefinition.of(json.get("policy")), 1, ranges);
    }

    private static byte[] successor(byte[] key) {
        return java.util.Arrays.copyOf(key, key.length + 1);
    }
}
