package io.cosmolite.toolkit.cache;

import com.azure.cosmos.models.PartitionKey;
import java.util.Optional;

/**
 * How an {@link ItemCache} loads an item it does not hold: by default a point read through the SDK;
 * a repository plugs in its own (to map errors, upgrade schema versions, hide soft-deleted items).
 *
 * @param <T> the document type
 */
@FunctionalInterface
public interface PointReader<T> {
    /** The item with this id in this logical partition, or empty when there is none. */
    Optional<T> read(String id, PartitionKey partitionKey);
}
