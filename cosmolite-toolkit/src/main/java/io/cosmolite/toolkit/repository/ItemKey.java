package io.cosmolite.toolkit.repository;

import com.azure.cosmos.models.PartitionKey;
import java.util.Objects;

/** What identifies a document: its id within its logical partition. */
public record ItemKey(String id, PartitionKey partitionKey) {
    public ItemKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }
}
