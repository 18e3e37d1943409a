package io.cosmolite.toolkit.error;

/**
 * The write's condition did not hold (412): the document changed since the caller read it (its
 * {@code _etag} no longer matches), or a patch condition was false. This is what the loser of an
 * optimistic-concurrency race receives; re-read and re-apply (see the repository's {@code OptimisticRetry}).
 */
public final class PreconditionFailedException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public PreconditionFailedException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
