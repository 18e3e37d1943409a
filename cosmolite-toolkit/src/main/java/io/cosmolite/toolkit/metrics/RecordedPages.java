package io.cosmolite.toolkit.metrics;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.FeedResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over SDK pages that records each fetch. The SDK may fetch in {@code hasNext} or in
 * {@code next}, so both happen inside one timed step here, and the page is held until taken.
 */
final class RecordedPages<T> implements Iterator<FeedResponse<T>> {
    private static final int OK = 200;

    private final Iterator<FeedResponse<T>> inner;
    private final OperationMetrics metrics;
    private final String container;
    private final Operation operation;
    private FeedResponse<T> fetched;

    RecordedPages(Iterator<FeedResponse<T>> inner, OperationMetrics metrics, String container, Operation operation) {
        this.inner = inner;
        this.metrics = metrics;
        this.container = container;
        this.operation = operation;
    }

    @Override
    public boolean hasNext() {
        if (fetched != null) {
            return true;
        }
        long start = System.nanoTime();
        try {
            if (!inner.hasNext()) {
                return false;
            }
            fetched = inner.next();
        } catch (CosmosException e) {
            metrics.record(container, operation, since(start), e.getRequestCharge(), e.getStatusCode());
            throw e;
        }
        metrics.record(container, operation, since(start), fetched.getRequestCharge(), OK);
        return true;
    }

    @Override
    public FeedResponse<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FeedResponse<T> page = fetched;
        fetched = null;
        return page;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
