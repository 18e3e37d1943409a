package io.cosmolite.engine.query;

import io.cosmolite.engine.partition.PartitionKeyValue;
import java.util.Objects;

/** Which items a query reads: the whole container, one physical partition or one logical partition. */
public sealed interface QueryScope {

    /** Every item of the container. */
    static QueryScope container() {
        return WholeContainer.INSTANCE;
    }

    /** The items of one physical partition (partition key range), as the gateway queries it per range. */
    static QueryScope range(String rangeId) {
        return new PhysicalPartition(rangeId);
    }

    /** The items of one logical partition (or, for a hierarchical key prefix, of every partition under it). */
    static QueryScope partition(PartitionKeyValue key) {
        return new LogicalPartition(key);
    }

    /** The whole container. */
    enum WholeContainer implements QueryScope { INSTANCE }

    /** One physical partition by its range id. */
    record PhysicalPartition(String rangeId) implements QueryScope {
        public PhysicalPartition {
            Objects.requireNonNull(rangeId, "rangeId");
        }
    }

    /** One logical partition by its partition key value. */
    record LogicalPartition(PartitionKeyValue key) implements QueryScope {
        public LogicalPartition {
            Objects.requireNonNull(key, "key");
        }
    }
}
