package io.cosmolite.engine.index;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.layout.StorageKeys;
import io.cosmolite.engine.storage.KeyCursor;
import io.cosmolite.engine.storage.KeyValueStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Entries of an {@link IndexLookup} in index order, over one or several physical partitions:
 * sequentially (partition after partition) or merged into one value order. Each entry gives its
 * key (the resume position of a continuation), the key of the item it points to and its encoded
 * value. Reads a consistent snapshot per partition; close it.
 */
public abstract sealed class IndexCursor implements AutoCloseable {
    /** Moves to the next entry; false at the end. */
    public abstract boolean next();

    /** The current entry's storage key. */
    public abstract byte[] key();

    /** The key of the item the current entry points to. */
    public abstract byte[] itemKey();

    /** The current entry's encoded value (all its columns). */
    public abstract byte[] valueBytes();

    /** The current entry's first value (undefined as null). */
    public abstract JsonNode value();

    @Override
    public abstract void close();

    /**
     * Opens the lookup over {@code ranges} from {@code resumeKey} inclusive (null: the start),
     * keeping only entries whose EPK starts with {@code epkPrefix} (null: all). With
     * {@code merge} the partitions' entries come in one index order; otherwise partition by
     * partition.
     */
    static IndexCursor open(KeyValueStore store, byte[] rid, IndexLookup lookup, List<Integer> ranges,
                            byte[] resumeKey, String epkPrefix, boolean merge) {
        int rangeOffset = 1 + rid.length;
        if (ranges.size() == 1) {
            return new Single(store, rid, ranges.get(0), lookup, resumeFor(rid, ranges.get(0), resumeKey, merge), epkPrefix);
        }
        if (merge) {
            List<Single> parts = new ArrayList<>();
            for (int r : ranges) {
                parts.add(new Single(store, rid, r, lookup, resumeFor(rid, r, resumeKey, true), epkPrefix));
            }
            return new Merged(parts, rangeOffset + 4, lookup.descending());
        }
        int resumeRange = resumeKey == null ? Integer.MIN_VALUE : java.nio.ByteBuffer.wrap(resumeKey, rangeOffset, 4).getInt();
        List<Integer> remaining = ranges.stream().filter(r -> r >= resumeRange).toList();
        return new Sequential(remaining, r -> new Single(store, rid, r, lookup, r == resumeRange ? resumeKey : null, epkPrefix));
    }

    /** The resume key moved to partition {@code range} (merged cursors resume every partition at the same position). */
    private static byte[] resumeFor(byte[] rid, int range, byte[] resumeKey, boolean merge) {
        if (resumeKey == null) {
            return null;
        }
        int offset = 1 + rid.length;
        int resumeRange = java.nio.ByteBuffer.wrap(resumeKey, offset, 4).getInt();
        if (resumeRange == range) {
            return resumeKey;
        }
        if (!merge) {
            return null;
        }
        byte[] moved = resumeKey.clone();
        java.nio.ByteBuffer.wrap(moved, offset, 4).putInt(range);
        return moved;
    }

    /** One partition's entries. */
    static final class Single extends IndexCursor {
        private final KeyValueStore store;
        private final byte[] rid;
        private final byte[] base;
        private final IndexLookup lookup;
        private final List<IndexLookup.Interval> intervals;
        private final byte[] resume;
        private final String epkPrefix;
        private int next;
        private KeyCursor cursor;
        private byte[] key;
        private int valueEnd;

        Single(KeyValueStore store, byte[] rid, int range, IndexLookup lookup, byte[] resume, String epkPrefix) {
            this.store = store;
            this.rid = rid;
            this.base = Intervals.concat(StorageKeys.indexPrefix(rid, range), lookup.indexId());
            this.lookup = lookup;
            List<IndexLookup.Interval> order = new ArrayList<>(lookup.intervals());
            if (lookup.descending()) {
                java.util.Collections.reverse(order);
            }
            this.intervals = order;
            this.resume = resume;
            this.epkPrefix = epkPrefix;
        }

        @Override
        public boolean next() {
            while (true) {
                if (cursor == null && !openNextInterval()) {
                    key = null;
                    return false;
                }
                while (cursor.next()) {
                    byte[] k = cursor.key();
                    int end = base.length;
                    for (int c = 0; c < lookup.columns(); c++) {
                        end = IndexKeyCodec.skip(k, end, lookup.descendingColumn(c));
                    }
                    if (epkPrefix == null || StorageKeys.indexEntryEpkStartsWith(k, end, epkPrefix)) {
                        key = k;
                        valueEnd = end;
                        return true;
                    }
                }
                cursor.close();
                cursor = null;
            }
        }

        private boolean openNextInterval() {
            while (next < intervals.size()) {
                IndexLookup.Interval i = intervals.get(next++);
                byte[] from = Intervals.concat(base, i.from());
                byte[] to = i.to() == null ? IndexKeyCodec.prefixEnd(base) : Intervals.concat(base, i.to());
                if (resume != null) {
                    if (!lookup.descending()) {
                        if (Arrays.compareUnsigned(to, resume) <= 0) {
                            continue;
                        }
                        if (Arrays.compareUnsigned(resume, from) > 0) {
                            from = resume;
                        }
                    } else {
                        byte[] limit = Arrays.copyOf(resume, resume.length + 1);
                        if (Arrays.compareUnsigned(from, limit) >= 0) {
                            continue;
                        }
                        if (Arrays.compareUnsigned(limit, to) < 0) {
                            to = limit;
                        }
                    }
                }
                cursor = lookup.descending() ? store.scanDescending(from, to) : store.scan(from, to);
                return true;
            }
            return false;
        }

        @Override
        public byte[] key() {
            return key;
        }

        @Override
        public byte[] itemKey() {
            return StorageKeys.itemOfIndexEntry(rid, key, valueEnd);
        }

        @Override
        public byte[] valueBytes() {
            return Arrays.copyOfRange(key, base.length, valueEnd);
        }

        @Override
        public JsonNode value() {
            return IndexKeyCodec.decode(key, base.length, lookup.descendingColumn(0)).value();
        }

        @Override
        public void close() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
            }
        }
    }

    /** Partitions one after another. */
    /** A cursor over several partitions' cursors that answers from the one it is positioned on. */
    abstract static sealed class OverParts extends IndexCursor permits Sequential, Merged {
        /** The partition cursor positioned on the current entry. */
        Single current;

        @Override
        public byte[] key() {
            return current.key();
        }

        @Override
        public byte[] itemKey() {
            return current.itemKey();
        }

        @Override
        public byte[] valueBytes() {
            return current.valueBytes();
        }

        @Override
        public JsonNode value() {
            return current.value();
        }
    }

    static final class Sequential extends OverParts {
        private final List<Integer> ranges;
        private final java.util.function.IntFunction<Single> opener;
        private int next;

        Sequential(List<Integer> ranges, java.util.function.IntFunction<Single> opener) {
            this.ranges = ranges;
            this.opener = opener;
        }

        @Override
        public boolean next() {
            while (true) {
                if (current != null && current.next()) {
                    return true;
                }
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (next >= ranges.size()) {
                    return false;
                }
                current = opener.apply(ranges.get(next++));
            }
        }


        @Override
        public void close() {
            if (current != null) {
                current.close();
            }
        }
    }

    /** Partitions merged into one index order (entries of one value then sort by EPK and id). */
    static final class Merged extends OverParts {
        private final List<Single> parts;
        private final PriorityQueue<Single> heads;
        private boolean started;

        Merged(List<Single> parts, int suffixOffset, boolean descending) {
            this.parts = parts;
            Comparator<Single> order = (a, b) -> Arrays.compareUnsigned(a.key(), suffixOffset, a.key().length,
                    b.key(), suffixOffset, b.key().length);
            this.heads = new PriorityQueue<>(Math.max(1, parts.size()), descending ? order.reversed() : order);
        }

        @Override
        public boolean next() {
            if (!started) {
                started = true;
                for (Single p : parts) {
                    if (p.next()) {
                        heads.add(p);
                    }
                }
            } else if (current != null && current.next()) {
                heads.add(current);
            }
            current = heads.poll();
            return current != null;
        }


        @Override
        public void close() {
            parts.forEach(Single::close);
        }
    }
}
