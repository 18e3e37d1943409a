package io.cosmolite.engine.query.exec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a container-level query gets its candidate items: the scan of the query's scope today, an
 * index lookup later. A source yields items in storage-key order and can resume at a key, which is
 * what continuation tokens rely on. A source may yield items that do not satisfy the query's
 * filter (an index gives candidates); WHERE is always evaluated after it.
 */
interface DocumentSource {
    /** Opens a cursor at {@code startKey} inclusive (null = the beginning). */
    DocumentCursor open(byte[] startKey);

    /** True when {@code key} could have come from this source (a continuation's sanity check). */
    boolean covers(byte[] key);

    /** Candidate items, in key order. */
    interface DocumentCursor extends AutoCloseable {
        /** Moves to the next item; false at the end. */
        boolean next();

        /** The current item's storage key. */
        byte[] key();

        /** The current item. Do not modify it. */
        JsonNode document();

        /** The current item's size in bytes, as stored. */
        int size();

        @Override
        void close();
    }
}
