package io.cosmolite.toolkit.repository;

/** Which documents a read or query sees with respect to soft delete. */
public enum DeletedItems {
    /** Live documents only: the default of every read and query. */
    HIDDEN,
    /** Live and soft-deleted documents. */
    INCLUDED,
    /** Soft-deleted documents only (e.g. a recycle bin). */
    ONLY
}
