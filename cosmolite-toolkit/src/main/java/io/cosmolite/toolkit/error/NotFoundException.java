package io.cosmolite.toolkit.error;

/**
 * The document, container or database does not exist (404), or the document is soft-deleted and the
 * read did not ask for deleted documents.
 */
public final class NotFoundException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public NotFoundException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }
}
