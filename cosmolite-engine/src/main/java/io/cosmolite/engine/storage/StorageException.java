package io.cosmolite.engine.storage;

/**
 * An unchecked failure of the storage medium (I/O error, corruption, failed fsync). Upper layers
 * treat it as an internal server error: it is never the client's fault.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with the given message and cause. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure with the given message. */
    public StorageException(String message) {
        super(message);
    }
}
