package io.cosmolite.engine.ru;

/** What a document write did, which decides how it is charged. */
public enum WriteKind {
    /** A create (insert) of a new document. */
    CREATE,
    /** A replace of an existing document: twice a create of the new body. */
    REPLACE,
    /** An upsert that found no document and created one: charged as a create. */
    UPSERT_CREATE,
    /** An upsert that replaced an existing document: charged as a replace. */
    UPSERT_REPLACE,
    /** A partial update; Cosmos bills it like a replace of the resulting document. */
    PATCH,
    /** A delete: charged as a create of the removed document, since it un-indexes the same terms. */
    DELETE
}
