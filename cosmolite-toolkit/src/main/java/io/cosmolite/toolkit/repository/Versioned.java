package io.cosmolite.toolkit.repository;

import java.time.Instant;
import java.util.Objects;

/**
 * A document as stored: the value, and what the repository needs to write it back safely. Every
 * read returns one; {@link Repository#replace} takes one back, and its {@link #etag()} makes the
 * replace conditional, so a change made since the read is never overwritten.
 *
 * <pre>{@code
 * Versioned<Order> read = orders.read(id, pk).orElseThrow();
 * orders.replace(read.withValue(read.value().withStatus("shipped")));   // 412 if someone else wrote first
 * }</pre>
 *
 * @param value the document, deserialized
 * @param id the document id
 * @param etag the version Cosmos assigned to this state ({@code _etag})
 * @param audit creation and last-change time and user
 * @param deletedAt when it was soft-deleted; null for a live document
 */
public record Versioned<T>(T value, String id, String etag, Audit audit, Instant deletedAt) {
    public Versioned {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(id, "id");
    }

    /** Whether the document is soft-deleted (only seen when a read asks for deleted documents). */
    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** The same stored version carrying a changed value: what {@link Repository#replace} expects. */
    public Versioned<T> withValue(T changed) {
        return new Versioned<>(changed, id, etag, audit, deletedAt);
    }
}
