package io.cosmolite.toolkit.error;

/**
 * The request was not signed with a valid key or token (401).
 */
public final class UnauthorizedException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public UnauthorizedException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
