package io.cosmolite.engine.storage;

import java.util.NoSuchElementException;

/**
 * The part of a {@link KeyCursor} both stores share: holding the current entry and refusing to
 * hand out one that does not exist. Subclasses only find the next entry and release resources.
 */
abstract class EntryCursor implements KeyCursor {

    private byte[] key;
    private byte[] value;
    private boolean closed;

    /**
     * Finds the next entry and reports it through {@link #found}; false when there is none.
     * Throws {@link StoreClosedException} when the store was closed under the cursor.
     */
    abstract boolean advance();

    /** Frees whatever the cursor holds; called once. */
    abstract void release();

    /** Records the entry that {@link #advance} found; both arrays must be the caller's own. */
    final void found(byte[] entryKey, byte[] entryValue) {
        key = entryKey;
        value = entryValue;
    }

    @Override
    public final boolean next() {
        key = null;
        value = null;
        if (closed) {
            return false;
        }
        return advance();
    }

    @Override
    public final byte[] key() {
        return current(key);
    }

    @Override
    public final byte[] value() {
        return current(value);
    }

    private byte[] current(byte[] part) {
        if (part == null) {
            throw new NoSuchElementException("the cursor is not on an entry; call next() first");
        }
        return part;
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            key = null;
            value = null;
            release();
        }
    }
}
