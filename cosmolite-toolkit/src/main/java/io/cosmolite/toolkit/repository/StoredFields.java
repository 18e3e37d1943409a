package io.cosmolite.toolkit.repository;

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

    private StoredFields() {
    }
}
