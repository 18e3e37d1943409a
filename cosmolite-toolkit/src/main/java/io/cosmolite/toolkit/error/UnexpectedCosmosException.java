package io.cosmolite.toolkit.error;

/**
 * Any other failure (e.g. 500): one the toolkit has no more specific type for. Look at
 * {@link #statusCode()} and the cause.
 */
public final class UnexpectedCosmosException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public UnexpectedCosmosException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
