package io.cosmolite.toolkit.repository;

import io.cosmolite.toolkit.error.CosmosDataException;

/**
 * The result of one item of a batch operation: either a value or the typed error that item got.
 *
 * @param index the item's position in the input list
 * @param id the item's id
 * @param value what the operation produced (the stored document for a create); null on error
 * @param error why the item failed; null on success
 */
public record ItemResult<R>(int index, String id, R value, CosmosDataException error) {

    /** Whether the item succeeded. */
    public boolean isOk() {
        return error == null;
    }
}
