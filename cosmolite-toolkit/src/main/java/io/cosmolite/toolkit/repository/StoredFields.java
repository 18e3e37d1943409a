package io.cosmolite.toolkit.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The properties the repository keeps in every stored document next to the caller's own. The audit
 * fields have plain names so a document class may declare them to see them; the soft-delete
 * fields start with an underscore to stay out of the way of domain properties.
 */
final class StoredFields {
    static final String ID = "id";
    static final String ETAG = "_etag";
    static final String CREATED_AT = "createdAt";
    static final String CREATED_BY = "createdBy";
    static final String UPDATED_AT = "updatedAt";
    static final String UPDATED_BY = "updatedBy";
    static final String DELETED = "_deleted";
    static final String DELETED_AT = "_deletedAt";
    /** Cosmos's per-item time to live, in seconds. */
    static final String TTL = "ttl";
    /** The item's own ttl, kept while a soft delete borrows the ttl for the purge. */
    static final String TTL_BEFORE_DELETE = "_ttlBeforeDelete";

    /** Set by the repository only: whatever a document class serializes under these names is replaced. */
    static final List<String> OWNED = List.of(CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, DELETED, DELETED_AT,
            TTL_BEFORE_DELETE);

    /**
     * Times are stored as UTC text with all nine fraction digits: {@link Instant#toString()} drops
     * trailing zeros, and text of varying width does not sort as time ({@code ...:01Z} after
     * {@code ...:01.5Z}), which an {@code ORDER BY c.createdAt} relies on.
     */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The stored text of a time (see {@link #TIME}); parses back with {@link Instant#parse}. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Cosmos's system properties, on every document read back. */
    static final List<String> SYSTEM = List.of("_rid", "_self", ETAG, "_attachments", "_ts", "_lsn");

    private StoredFields() {
    }
}
