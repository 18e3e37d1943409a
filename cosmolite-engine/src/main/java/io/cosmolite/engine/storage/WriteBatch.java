package io.cosmolite.engine.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A list of puts and deletes that a {@link KeyValueStore} applies atomically, in order. Not
 * thread-safe; build it on one thread, then hand it to {@link KeyValueStore#write}.
 */
public final class WriteBatch {

    /**
     * One operation of a batch: a put when {@code value} is non-null, a range delete of
     * {@code key <= k < rangeEnd} when {@code rangeEnd} is non-null, otherwise a delete of {@code key}.
     */
    public record Op(byte[] key, byte[] value, byte[] rangeEnd) {
        public Op {
            Objects.requireNonNull(key, "key");
        }

        /** True for a delete of one key. */
        public boolean isDelete() {
            return value == null && rangeEnd == null;
        }

        /** True for a delete of a key range. */
        public boolean isRangeDelete() {
            return rangeEnd != null;
        }
    }

    private final List<Op> ops = new ArrayList<>();
    private long bytes;

    /** Stores {@code value} under {@code key}. */
    public WriteBatch put(byte[] key, byte[] value) {
        ops.add(new Op(key, Objects.requireNonNull(value, "value"), null));
        bytes += key.length + value.length;
        return this;
    }

    /** Removes {@code key} if present. */
    public WriteBatch delete(byte[] key) {
        ops.add(new Op(key, null, null));
        bytes += key.length;
        return this;
    }

    /** Removes every key {@code k} with {@code fromInclusive <= k < toExclusive}. */
    public WriteBatch deleteRange(byte[] fromInclusive, byte[] toExclusive) {
        ops.add(new Op(fromInclusive, null, Objects.requireNonNull(toExclusive, "toExclusive")));
        bytes += fromInclusive.length + toExclusive.length;
        return this;
    }

    /** The operations, in the order they were added. */
    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** True when the batch holds no operation. */
    public boolean isEmpty() {
        return ops.isEmpty();
    }

    /** The total size of keys and values, for accounting. */
    public long sizeInBytes() {
        return bytes;
    }
}
