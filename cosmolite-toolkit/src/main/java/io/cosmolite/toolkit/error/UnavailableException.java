package io.cosmolite.toolkit.error;

/**
 * The service could not be reached or could not answer in time: 503, 410 (gone), 408 (timeout),
 * 449 (retry with), a read-session miss (404/1002) or a transport failure. The SDK has already retried;
 * the caller may retry later.
 */
public final class UnavailableException extends CosmosDataException {
    /** An error with the given details; {@code cause} is the SDK's exception, if any. */
    public UnavailableException(String message, ErrorInfo info, Throwable cause) {
        super(message, info, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
