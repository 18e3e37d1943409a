package io.cosmolite.toolkit.cache;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import java.util.List;
import java.util.Optional;

/**
 * How an {@link ItemCache} runs a query it holds no result for: by default every page through the
 * SDK; a repository may plug in its own.
 *
 * @param <T> the document type
 */
@FunctionalInterface
public interface QueryRunner<T> {
    /** Every result of {@code query}, in one logical partition or (empty) across partitions. */
    List<T> run(SqlQuerySpec query, Optional<PartitionKey> partitionKey);
}
