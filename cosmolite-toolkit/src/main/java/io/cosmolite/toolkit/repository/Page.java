package io.cosmolite.toolkit.repository;

import java.util.List;
import java.util.function.Function;

/**
 * One page of query results and the token for the next one (null after the last page). The token
 * is opaque and may be kept (e.g. handed to a client) to resume the query later.
 */
public record Page<E>(List<E> items, String continuationToken) {
    public Page {
        items = List.copyOf(items);
    }

    /** Whether there may be more results after this page. */
    public boolean hasMore() {
        return continuationToken != null;
    }

    /** This page with each item mapped, e.g. {@code page.map(Versioned::value)}. */
    public <R> Page<R> map(Function<? super E, ? extends R> f) {
        return new Page<>(items.stream().<R>map(f).toList(), continuationToken);
    }
}
