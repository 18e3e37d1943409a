package io.cosmolite.toolkit.error;

/**
 * Not applied because another operation of the same transactional batch failed (424): the batch is
 * all or nothing, so this operation was rolled back although it was valid itself.
 */
public final class FailedDependencyException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public FailedDependencyException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
