package io.cosmolite.engine;

import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.storage.StorageException;
import io.cosmolite.engine.storage.StoreClosedException;
import java.util.function.Supplier;

/**
 * Turns a storage fault into the error catalog at the engine's public edge, so callers (the
 * gateway) handle one exception type: a closed store is 503, an I/O failure 500.
 */
final class StorageFaults {
    private StorageFaults() {}

    static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreClosedException e) {
            throw ErrorCode.SERVICE_UNAVAILABLE.exception("The store is closed.");
        } catch (StorageException e) {
            throw ErrorCode.INTERNAL_SERVER_ERROR.exception("Storage failure: %s", e.getMessage());
        }
    }
}
