package io.cosmolite.engine.storage;

/** Thrown by a store used after {@link KeyValueStore#close()}. */
public final class StoreClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StoreClosedException() {
        super("the store is closed");
    }
}
