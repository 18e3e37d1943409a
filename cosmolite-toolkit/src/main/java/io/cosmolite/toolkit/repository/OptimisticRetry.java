package io.cosmolite.toolkit.repository;

import com.azure.cosmos.models.PartitionKey;
import io.cosmolite.toolkit.error.ErrorInfo;
import io.cosmolite.toolkit.error.NotFoundException;
import io.cosmolite.toolkit.error.PreconditionFailedException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write that survives contention: reads the document, applies the change, replaces it
 * conditionally on the etag read, and when another writer got there first
 * ({@link PreconditionFailedException}) waits a random, growing while and starts over, at most
 * {@code maxAttempts} times. When every attempt lost, the last {@link PreconditionFailedException}
 * is thrown.
 *
 * <pre>{@code
 * OptimisticRetry.defaults().update(accounts, id, pk, a -> a.withBalance(a.balance() + 10));
 * }</pre>
 *
 * <p>The change function may run several times, so it must be a pure function of the value read.
 */
public final class OptimisticRetry {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private OptimisticRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** 10 attempts, waits from up to 5 ms, doubling, up to 500 ms. */
    public static OptimisticRetry defaults() {
        return of(10, Duration.ofMillis(5), Duration.ofMillis(500));
    }

    /**
     * At most {@code maxAttempts} attempts; before attempt n+1 a random wait of up to
     * {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff} (the randomness spreads writers apart).
     */
    public static OptimisticRetry of(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new OptimisticRetry(maxAttempts, initialBackoff, maxBackoff);
    }

    /**
     * Applies {@code change} to the live document until a replace wins.
     *
     * @throws NotFoundException when there is no live document with this id
     * @throws PreconditionFailedException the last lost race, when every attempt lost
     */
    public <T> Versioned<T> update(Repository<T> repository, String id, PartitionKey pk, UnaryOperator<T> change) {
        PreconditionFailedException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Versioned<T> current = repository.read(id, pk).orElseThrow(() -> new NotFoundException(
                    "no live document " + id + " in partition " + pk, ErrorInfo.local(404), null));
            try {
                return repository.replace(current.withValue(change.apply(current.value())));
            } catch (PreconditionFailedException lost) {
                last = lost;
                if (attempt < maxAttempts && !pause(attempt)) {
                    break;
                }
            }
        }
        throw last;
    }

    /** Waits before the next attempt; false when interrupted (the flag is kept). */
    private boolean pause(int attempt) {
        long ceiling = Math.min(maxBackoff.toNanos(), initialBackoff.toNanos() << Math.min(attempt - 1, 30));
        long nanos = ThreadLocalRandom.current().nextLong(ceiling + 1);
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
