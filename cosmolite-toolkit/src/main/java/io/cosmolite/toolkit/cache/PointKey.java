package io.cosmolite.toolkit.cache;

import com.azure.cosmos.models.PartitionKey;
import java.util.Objects;

/**
 * The key of a cached point read: an item's id and partition key. The partition key is kept in its
 * JSON form: the SDK's {@code PartitionKey} has {@code equals} without a matching {@code hashCode},
 * and its JSON form is canonical ({@code 5} and {@code 5.0} are both {@code [5.0]}).
 */
record PointKey(String id, String partitionKey) {
    PointKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partitionKey, "partitionKey");
    }

    static PointKey of(String id, PartitionKey partitionKey) {
        return new PointKey(id, Objects.requireNonNull(partitionKey, "partitionKey").toString());
    }
}
