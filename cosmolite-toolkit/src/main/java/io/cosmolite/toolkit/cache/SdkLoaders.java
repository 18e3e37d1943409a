package io.cosmolite.toolkit.cache;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import java.util.Optional;

/** The default loaders: plain SDK calls on the container. */
final class SdkLoaders {
    private static final int NOT_FOUND = 404;
    /** 404 with this substatus is a missing item; others (e.g. 1003, a missing container) are errors. */
    private static final int ITEM_MISSING = 0;

    private SdkLoaders() {
    }

    static <T> PointReader<T> pointReader(CosmosContainer container, Class<T> type) {
        return (id, partitionKey) -> {
            try {
                return Optional.ofNullable(container.readItem(id, partitionKey, type).getItem());
            } catch (CosmosException e) {
                if (e.getStatusCode() == NOT_FOUND && e.getSubStatusCode() == ITEM_MISSING) {
                    return Optional.empty();
                }
                throw e;
            }
        };
    }

    static <T> QueryRunner<T> queryRunner(CosmosContainer container, Class<T> type) {
        return (query, partitionKey) -> {
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
            partitionKey.ifPresent(options::setPartitionKey);
            return container.queryItems(query, options, type).stream().toList();
        };
    }
}
