package io.cosmolite.toolkit.error;

/**
 * A document with the same id (or the same unique key values) already exists in the logical
 * partition (409): for example the loser of two concurrent creates of one id.
 */
public final class ConflictException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public ConflictException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
