package io.cosmolite.toolkit.error;

/**
 * The request is malformed and will fail again as sent (400, and 413 for a too large document): a
 * query syntax error, a partition key that does not match the document, an invalid id...
 */
public final class BadRequestException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public BadRequestException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
