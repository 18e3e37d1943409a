package io.cosmolite.toolkit.error;

/**
 * The credentials are valid but not allowed to do this (403), e.g. a read-only key writing, or a
 * request outside the allowed network.
 */
public final class ForbiddenException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public ForbiddenException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
