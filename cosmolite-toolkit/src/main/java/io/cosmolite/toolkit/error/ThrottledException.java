package io.cosmolite.toolkit.error;

import java.time.Duration;
import java.util.Objects;

/**
 * The request rate exceeded the provisioned throughput (429) and the SDK's own retries gave up.
 * {@link #retryAfter()} says how long Cosmos asked to wait.
 */
public final class ThrottledException extends CosmosDataException {
    private final Duration retryAfter;

    /** An error with the given details; {@code retryAfter} is zero when Cosmos gave none. */
    public ThrottledException(String message, ErrorInfo info, Duration retryAfter, Throwable cause) {
        super(message, info, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long to wait before retrying, as Cosmos asked (zero when it did not say). */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
