package io.cosmolite.engine.storage;

/**
 * An ordered byte-key, byte-value store: the only thing the engine's upper layers know of storage.
 *
 * <p>Keys are compared as unsigned bytes, lexicographically. A {@link WriteBatch} is applied
 * atomically: after a crash either all of it or none of it is present. {@link #write} returns only
 * once the batch is as durable as the store's {@link SyncPolicy} promises. Reads and scans never
 * block writers; a scan sees a consistent snapshot taken when it was opened.
 *
 * <p>Implementations are thread-safe. Two exist: {@link InMemoryStore} for tests and
 * {@code --in-memory}, and {@link RocksDbStore} for durable data directories.
 */
public interface KeyValueStore extends AutoCloseable {

    /** The value stored under {@code key}, or {@code null}. */
    byte[] get(byte[] key);

    /** Applies every operation of the batch atomically and durably (per the sync policy). */
    void write(WriteBatch batch);

    /**
     * Entries with {@code fromInclusive <= key < toExclusive}, ascending, from a consistent
     * snapshot. A {@code null} bound is unbounded. The cursor must be closed.
     */
    KeyCursor scan(byte[] fromInclusive, byte[] toExclusive);

    /** Like {@link #scan} but descending (from the largest key below {@code toExclusive}). */
    KeyCursor scanDescending(byte[] fromInclusive, byte[] toExclusive);

    /** Forces every acknowledged write to stable storage now, whatever the sync policy. */
    void sync();

    /** Releases the store; later calls fail with {@link StoreClosedException}. */
    @Override
    void close();
}
