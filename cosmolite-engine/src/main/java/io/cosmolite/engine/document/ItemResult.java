package io.cosmolite.engine.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.layout.StoredItem;

/**
 * The outcome of one item operation.
 *
 * @param status        HTTP status (200, 201, 204, 304, or an error status inside a batch)
 * @param subStatus     Cosmos substatus, 0 when none
 * @param stored        the item as stored (null for deletes, 304s and failures)
 * @param etag          the item's etag after the operation, or null
 * @param requestCharge request units charged
 * @param message       the error message for a failed batch operation, else null
 * @param lsn           the LSN of the write, or the partition's committed LSN for a read (session tokens)
 */
public record ItemResult(int status, int subStatus, StoredItem stored, String etag, double requestCharge,
                         String message, long lsn) {

    /** True for 2xx and 304. */
    public boolean isSuccess() {
        return status < 300 || status == 304;
    }

    /** The item's JSON tree, or null; shared, so copy it before changing it. */
    public ObjectNode item() {
        return stored == null ? null : stored.node();
    }

    /** The item's JSON bytes as returned to clients, or null. */
    public byte[] itemJson() {
        return stored == null ? null : stored.json();
    }
}
