package io.cosmolite.engine.storage;

/**
 * A forward-only cursor over store entries. Typical use:
 * <pre>{@code
 * try (KeyCursor c = store.scan(from, to)) {
 *     while (c.next()) { use(c.key(), c.value()); }
 * }
 * }</pre>
 * Not thread-safe; the arrays returned belong to the caller.
 */
public interface KeyCursor extends AutoCloseable {

    /** Moves to the next entry; false when there is none. */
    boolean next();

    /** The current entry's key. */
    byte[] key();

    /** The current entry's value. */
    byte[] value();

    @Override
    void close();
}
